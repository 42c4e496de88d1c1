## Core: commands, naming, audits, removals, exports (zh_CN, the default locale).

list-separator = 、
someone = 某人

## Rule and reason names
reason-naming = 群昵称不规范
reason-not_on_roster = 不在员工名单中
reason-out_of_scope = 不在本群的人员范围内
reason-impostor = 冒用他人身份
reason-departed = 已离职
reason-warn_limit = 警告次数已达上限
reason-admin = 管理员决定
reason-banned_keyword = 违禁词
reason-ad = 广告
reason-link = 链接
reason-length = 消息过长
reason-quiet_hours = 休息时段发言
reason-flood = 刷屏
reason-voice = 语音消息
reason-none = 未说明原因

## Member and employee statuses
status-compliant = 合规
status-misnamed = 昵称不规范
status-unknown = 非名单成员
status-ambiguous = 无法确定身份
status-impostor = 冒用身份
status-departed = 已离职
status-bot = 机器人
status-missing = 未入群
employee-active = 在职
employee-departed = 离职

## Template fields, for "set your name as 部门-姓名"
field-name = 姓名
field-department = 部门
field-title = 职务
field-company = 公司
field-phone = 手机号
field-phone4 = 手机尾号
field-employee_no = 工号

## Command errors and refusals
denied = 只有本群管理员可以使用 /{ $command }。
error-unknown-command = 没有 /{ $command } 这个命令。发送 /help 查看可用命令。
error-not-group = /{ $command } 只能在私聊中使用。
error-not-direct = /{ $command } 只能在群里使用。
error-internal = 处理命令时出错了，已记录日志，请稍后再试。
error-unknown-group = 这个群不在管理范围内：{ $group }
error-unknown-member = 群里没有叫「{ $name }」的成员。用法：{ $usage }
error-no-target = 请 @ 一位群成员。用法：{ $usage }
error-one-target = 一次只能 @ 一位成员。用法：{ $usage }
error-ambiguous-member = 群里有多位成员都叫「{ $name }」，无法确定是哪一位，请管理员手动处理。
error-target-bot = 不能对机器人自己执行这个命令。
error-kick-protected = 不能移出群主、管理员或机器人：{ $member }
error-warn-protected = 不能警告群主、管理员或机器人：{ $member }
error-rename-usage = 请写出要改成的名字。用法：{ $usage }
error-rename-not-on-roster = 员工名单里没有「{ $name }」，请检查部门和姓名。
error-rename-ambiguous = 员工名单里有 { $count } 人对应「{ $name }」，请写出完整的“部门-姓名”。
error-rename-departed = { $name } 已离职，不能绑定。
error-rename-out-of-scope = { $name } 不属于「{ $group }」的成员范围。

## /rename
rename-done = 请将群昵称改为「{ $expected }」（群聊信息 → 我在本群的昵称）。

## /warn, /unwarn, /warns
warning-issued = { $member } 收到警告（{ $count }/{ $limit }）：{ $reason }
unwarn-none = { $member } 没有有效的警告。
unwarn-done = 已撤销 { $member } 最近的一次警告，现有 { $count }/{ $limit }。
warns-none = { $member } 没有有效的警告。
warns-list = { $member } 的有效警告 { $count }/{ $limit }：
    { $lines }
warns-line = { $n }. { $when } { $rule }：{ $reason }
warns-line-rule = { $n }. { $when } { $rule }

## /roster
roster-summary = { $text }
roster-summary-head = 「{ $group }」名单核对：合规 { $compliant }，昵称不规范 { $misnamed }，非名单 { $unknown }，无法确定 { $ambiguous }，冒用身份 { $impostor }，已离职 { $departed }，未入群 { $missing }
roster-summary-misnamed = 需改昵称：{ $items }
roster-summary-unknown = 非名单成员：{ $items }
roster-summary-ambiguous = 无法确定身份：{ $items }
roster-summary-impostor = 冒用他人身份：{ $items }
roster-summary-departed = 已离职仍在群：{ $items }
roster-summary-missing = 未入群员工：{ $items }

## /audit
audit-report = 检查完成。
    { $text }
audit-report-group = 「{ $group }」：合规 { $compliant }，昵称不规范 { $misnamed }，非名单 { $unknown }，无法确定 { $ambiguous }，冒用身份 { $impostor }，已离职 { $departed }，未入群 { $missing }；提醒 { $reminded } 人，移出 { $removed } 人，报告管理员 { $reported } 人。

## /help
help-admin = 管理员可用命令：
    { $lines }
help-member = 可用命令：
    { $lines }
help-rename = /rename（/改名）@成员|#编号 部门-姓名 — 绑定员工名单并提醒其改昵称
help-kick = /kick（/移出、/踢）@成员|#编号 [原因] — 移出成员并公示原因
help-warn = /warn（/警告）@成员|#编号 [原因] — 记一次警告，达到上限按规定处理
help-unwarn = /unwarn（/撤销警告）@成员|#编号 — 撤销最近一次警告
help-warns = /warns（/警告记录）@成员|#编号 — 查看有效警告
help-roster = /roster（/名单）— 本群与员工名单核对
help-roster-export = /roster export（/导出名单）— 导出核对表（xlsx）
help-audit = /audit（/检查）— 立即检查成员并按规定提醒、移出
help-help = /help（/帮助）— 查看可用命令

## Naming reminders and welcomes
naming-reminder = 请以下成员按规定修改群昵称（群聊信息 → 我在本群的昵称）：
    { $lines }
naming-reminder-line = { $member } → { $expected }
naming-reminder-line-unknown = { $member } → 请按“{ $template }”格式修改；若不在员工名单中请联系管理员
welcome-compliant = 欢迎 { $member } 加入本群！
welcome-misnamed = 欢迎 { $member } 加入本群！请将群昵称改为「{ $expected }」。
welcome-unmatched = 欢迎 { $member } 加入本群！请按“{ $template }”修改群昵称，管理员会核对员工名单。

## Alerts to admins
alert-unknown = 「{ $group }」中有 { $count } 位成员不在员工名单中：{ $members_text }。请管理员核实。
alert-out_of_scope = 「{ $group }」中有 { $count } 位员工不在本群的人员范围内：{ $members_text }。请管理员核实。
alert-join-out_of_scope = 新成员 { $members_text } 不在「{ $group }」的人员范围内（邀请人：{ $inviter }）。请管理员核实。
alert-impostor = 「{ $group }」中有 { $count } 位成员显示的是他人的名字：
    { $lines }
    请管理员核实。
alert-join-impostor = 「{ $group }」有新成员加入（邀请人：{ $inviter }），以下成员显示的是他人的名字：
    { $lines }
    请管理员核实。
impostor-line = { $member } 显示为「{ $employee }」，该员工本人是 { $holder }
impostor-holder-known = { $member }（备注：{ $remark }）
impostor-line-contested = { $member } 与 { $holder } 都显示为「{ $employee }」，无法确定谁是本人
impostor-line-absent = { $member } 显示为「{ $employee }」，但不是该员工本人
alert-offence-unattributed = 群里有多位成员都叫 { $member }，无法确定是谁{ $reason }，未记警告。请管理员核实。
alert-ambiguous = 「{ $group }」中有 { $count } 位成员无法确定对应哪位员工：{ $members_text }。请管理员用 /rename 绑定。
alert-departed = 「{ $group }」中有 { $count } 位已离职员工：{ $members_text }。请管理员处理。
alert-misnamed = 「{ $group }」中以下成员多次提醒仍未修改群昵称：{ $members_text }。请管理员跟进。
alert-join-unknown = 新成员 { $members_text } 不在员工名单中（邀请人：{ $inviter }）。请管理员核实。
alert-join-ambiguous = 新成员 { $members_text } 无法确定对应哪位员工（邀请人：{ $inviter }）。请管理员用 /rename 绑定。
alert-join-departed = 已离职员工 { $members_text } 加入了「{ $group }」（邀请人：{ $inviter }）。请管理员处理。
alert-remove-by-hand = 机器人在「{ $group }」没有移出成员的权限，请管理员手动移出：{ $members_text }（{ $reason }）。
alert-remove-failed = 移出未成功，请管理员手动处理：{ $members_text }（{ $reason }）。
alert-remove-ambiguous = 群里有多位成员同名，无法确定移出哪一位，请管理员手动处理：{ $members_text }（{ $reason }）。
alert-warn-limit = { $member } 的警告已达 { $count }/{ $limit }（{ $reason }），请管理员处理。

## Removals
removal-reason = { $member } 已被移出群聊，原因：{ $reason }。
removal-reason-detail = { $member } 已被移出群聊，原因：{ $reason }（{ $detail }）。
removal-notice = 已将 { $members_text } 移出群聊，原因：{ $reason }。
removal-notice-detail = 已将 { $members_text } 移出群聊，原因：{ $reason }（{ $detail }）。

## Exports
export-sheet-matrix = 员工×群
export-col-name = 姓名
export-col-department = 部门
export-col-employee-no = 工号
export-not-applicable = 不适用
export-col-employee-status = 在职状态
export-col-display = 群昵称
export-col-status = 状态
export-col-expected = 应改为
export-col-warnings = 有效警告
export-warnings-short = 警告{ $count }
