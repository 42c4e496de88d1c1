## HR and operations: roster import and export, the audit trail, backups (zh_CN).

## Audit trail: qunguan audit-log verify
audit-verify-ok = 审计日志完整：共 { $count } 条，链尾哈希 { $head }
audit-verify-broken = 审计日志被改动：第 { $seq } 条起不再可信。{ $reason }
audit-broken-sequence = 应为第 { $expected } 条，实际是第 { $found } 条：第 { $after } 条之后有条目被删除、插入或调换。
audit-broken-link = 该条与第 { $previous } 条衔接不上：其前一条被删除、插入或调换。
audit-broken-hash = 该条内容与其哈希不符：条目被修改过。
audit-broken-head = 日志止于第 { $last } 条，但链尾记录为第 { $head } 条：末尾条目被删除或链尾被改动。
audit-broken-head-missing = 链尾记录缺失（audit_head 表被改动）。
audit-broken-anchor = 第 { $seq } 条的哈希与另行保存的不符：日志被整体改写过。
audit-export-done = 已导出 { $count } 条审计日志到 { $path }

## qunguan backup
backup-done = 备份完成：{ $path }（{ $size }，员工 { $employees } 人，审计日志 { $entries } 条），已通过完整性检查。
