## HR and operations: roster import and export, the audit trail, backups (zh_CN).

## Audit trail: qunguan audit-log verify
audit-verify-ok = 审计日志完整：共 { $count } 条，锚点 { $anchor }
audit-verify-broken = 审计日志被改动：第 { $seq } 条起不再可信。{ $reason }
audit-broken-sequence = 应为第 { $expected } 条，实际是第 { $found } 条：第 { $after } 条之后有条目被删除、插入或调换。
audit-broken-link = 该条与第 { $previous } 条衔接不上：其前一条被删除、插入或调换。
audit-broken-hash = 该条内容与其哈希不符：条目被修改过。
audit-broken-head = 日志止于第 { $last } 条，但链尾记录为第 { $head } 条：末尾条目被删除或链尾被改动。
audit-broken-head-missing = 链尾记录缺失（audit_head 表被改动）。
audit-broken-anchor = 第 { $seq } 条的哈希与另行保存的不符：日志被整体改写过。
audit-verify-checked = 已与另行保存的最新锚点 { $anchor } 核对（{ $where }）。
audit-verify-unanchored = 没有找到另行保存的锚点（{ $where }）：末尾被截去、整体清空或改写将无法发现。
audit-broken-anchor-missing = 另行保存的锚点指向第 { $anchor } 条，但日志只到第 { $last } 条：末尾条目被截去、日志被清空，或数据库换成了更早的备份。
audit-broken-empty = 日志是空的，但数据库里有 { $actions } 条已完成的操作记录：日志被清空过。
audit-broken-actions = 数据库里有 { $actions } 条已完成的操作记录，日志里只有 { $logged } 条：日志被截去或重建过。
audit-export-done = 已导出 { $count } 条审计日志到 { $path }

## qunguan backup
backup-done = 备份完成：{ $path }（{ $size }，员工 { $employees } 人，审计日志 { $entries } 条），已通过完整性检查。

## qunguan roster import
import-head = { $file }：{ $format }，工作表「{ $sheet }」，表头在第 { $row } 行，{ $mode }
import-format-qunguan = 群管名单模板
import-format-wecom = 企业微信通讯录
import-format-dingtalk = 钉钉通讯录
import-mode-partial = 部分导入（只更新文件里的人）
import-mode-full = 全量导入（文件里没有的人视为离职）
import-added = 新增 { $count } 人：{ $names }
import-updated = 更新 { $count } 人
import-updated-line = { "  " }{ $department }-{ $name }：{ $fields }
import-field-change = { $field } { $before } → { $after }
import-departed = 离职 { $count } 人：{ $names }
import-more-updated = { "  " }……共 { $count } 人（--json 列出全部）
import-unchanged = 未变 { $count } 人
import-renumbered = 编号变更 { $count } 人（姓名和部门相同，认作同一人，工号改为文件中的；如不是同一人请核对）：
import-renumbered-line = 第 { $row } 行 { $department }-{ $name }：工号 { $before } → { $after }
import-more = { " " }等 { $count } 人
import-errors = 错误 { $count } 处：
import-error-line = { "  " }第 { $row } 行 { $column } 列（{ $header }）：{ $message }
import-error-required = 不能为空
import-error-too-long = 太长（{ $count } 个字，最多 { $limit } 个）
import-error-phone = 应为手机号码，实际是“{ $value }”
import-error-exec = 应为“是”或“否”，实际是“{ $value }”
import-error-status = 不认识的状态“{ $value }”（在职可写：在职、正式、试用、已激活、启用、未禁用、未离职、否；离职可写：离职、已离职、已禁用、已退出）
import-error-duplicate = 与第 { $first } 行是同一个人（重复）
import-error-control = 含有控制字符 { $char }（第 { $position } 个字）：请删去
import-refused-errors = 文件有错误，未做任何更改。请改正后重试。
import-refused-departures = 本次导入会把 { $count } 人标为离职，超过在职 { $active } 人的五分之一，已拒绝，未做任何更改。确认无误请加 --force。
import-preview-only = 以上为预览，未做任何更改；确认无误后加 --apply 导入。
import-applied = 已全部导入（一个事务）。运行中的机器人会在几秒内更新名单，并按群规定处理已离职成员。
import-yes = 是
import-no = 否
import-field-name = 姓名
import-field-department = 部门
import-field-title = 职务
import-field-phone = 手机
import-field-employee_no = 工号
import-field-aliases = 别名
import-field-exec = 高管
import-field-status = 状态

## qunguan roster export
roster-export-done = 已导出名单核对表：{ $path }（{ $groups } 个群）
roster-export-seen = { "  " }「{ $group }」的成员为机器人最后一次看到的名单（{ $at }）
roster-export-never = { "  " }「{ $group }」：机器人还没有在这个群运行过，没有成员名单，未导出
