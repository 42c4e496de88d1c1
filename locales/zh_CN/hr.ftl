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
import-more = { " " }等 { $count } 人
import-errors = 错误 { $count } 处：
import-error-line = { "  " }第 { $row } 行 { $column } 列（{ $header }）：{ $message }
import-error-required = 不能为空
import-error-too-long = 太长（{ $count } 个字，最多 { $limit } 个）
import-error-phone = 应为手机号码，实际是“{ $value }”
import-error-exec = 应为“是”或“否”，实际是“{ $value }”
import-error-status = 不认识的状态“{ $value }”（在职可写：在职、正式、试用、已激活、启用；离职可写：离职、已离职、已禁用、已退出）
import-error-duplicate = 与第 { $first } 行是同一个人（重复）
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
cli-database = 数据库：{ $database }
# Command-line help (bot/cli_text.py)
cli-help-lang = 输出语言：zh_CN（默认）或 en
cli-help-main = 群管 Qunguan：在微信、Telegram 和模拟器上管理公司群。
cli-help-replay = 试运行一套群规：把场景的时间线交给模拟器上的真实机器人跑一遍。
cli-help-replay-file = 场景文件（YAML）
cli-help-replay-json = 输出 JSON 报告
cli-help-replay-files = 机器人发出的文件放在哪里（默认：新建一个文件夹）
cli-help-verbose = 记录机器人的每一步
cli-help-demo = 在模拟器上演示公司的一个上午，看看机器人做了什么。
cli-help-run = 按配置文件里的组织和群，在真实平台上运行机器人。
cli-help-run-adapter = wechat 或 telegram
cli-help-run-config = 组织和群的配置文件（YAML）
cli-help-run-verbose = 按 DEBUG 级别记录日志
cli-help-config = 组织和群的配置文件（默认：CONFIG_FILE 设置）
cli-help-roster = 员工花名册：导入人事文件，导出表格。
cli-help-import = 预览（或加 --apply 导入）花名册文件：新增、变更、离职、未变、错误。
cli-help-import-file = 人事文件（.xlsx 或 .csv）
cli-help-import-format = auto（自动）、qunguan（群管模板）、wecom（企业微信）或 dingtalk（钉钉）
cli-help-import-sheet = 读取哪个工作表
cli-help-import-mode = partial（只更新文件里的人）或 full（文件里没有的人视为离职）
cli-help-import-apply = 正式导入（不加则只预览）
cli-help-import-force = 允许超过五分之一的员工被标为离职
cli-help-import-json = 输出 JSON 对象
cli-help-export = 按机器人最近看到的各群成员，写出员工×群总表和每群一张表。
cli-help-export-out = 要写出的 xlsx 文件
cli-help-export-platform = wechat 或 telegram（两个平台都在用时）
cli-help-audit = 防篡改的审计日志。
cli-help-audit-verify = 校验日志的哈希链：完整则退出码 0；否则退出码 1，并指出第一条被修改、插入或删除的条目。
cli-help-audit-file = 改为校验一份导出文件（.jsonl）
cli-help-audit-anchor = 以前校验时显示并另行保存的“序号:哈希”
cli-help-audit-export = 导出完整的审计日志（含哈希；导出文件可用 --file 校验）。
cli-help-audit-out = 导出到文件（.jsonl、.csv、.xlsx）；默认输出到屏幕
cli-help-backup = 在机器人运行时备份 SQLite 数据库（PostgreSQL 请用 pg_dump，见 docs/operations.md）。
cli-help-backup-out = 备份文件（默认：DATA_DIR/backups/qunguan-时间.sqlite3）
cli-help-web = 人事网页控制台（见 docs/web.md）：不带子命令时启动控制台。
cli-help-web-host = 监听地址
cli-help-web-port = 监听端口
cli-help-web-behind-proxy = 放在 TLS 反向代理之后：Cookie 只走 HTTPS
cli-help-web-user = 控制台账号。
cli-help-web-user-add = 新建控制台账号；密码从标准输入读取。
cli-help-web-user-list = 列出控制台账号。
cli-help-web-user-remove = 删除控制台账号。
cli-help-web-user-reset = 重设密码（从标准输入读取）。
cli-help-web-user-name = 用户名
