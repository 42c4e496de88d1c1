## Notices with acknowledgement (zh_CN)

reason-notice = 通知未回复
notice-post =
    【通知】{ $text }
    请于 { $deadline } 前回复“{ $word }”。
notice-reminder = 提醒：通知“{ $text }”尚未回复，请于 { $deadline } 前回复“{ $word }”。
notice-report = 通知“{ $text }”已到回复时限：{ $acked }/{ $expected } 人已回复；未回复 { $names }。
notice-status = { $lines }
notice-status-line = 通知“{ $text }”：已回复 { $acked }/{ $expected }，截止 { $deadline }
notice-status-waiting = 未回复（{ $count }）：{ $names }
notice-status-none = 当前没有待回复的通知。
notice-error-deadline = 回复时限“{ $value }”无效：应在 1m 到 30d 之间。用法：{ $usage }
notice-error-empty = 请写上通知内容。用法：{ $usage }
notice-error-long = 通知过长（{ $count } 字），最多 { $limit } 字。
help-notice = /通知 [时限] 内容 — 发布需回复“收到”的通知（时限如 30m、2h，默认按策略）。
help-notice-status = /通知 状态 — 各条未截止通知的回复情况：已回复/应回复，以及谁未回复。
notice-sheet = 通知回复
notice-col-group = 群
notice-col-notice = 通知
notice-col-posted = 发布时间
notice-col-deadline = 截止时间
notice-col-tally = 已回复/应回复
notice-col-member = 成员
notice-col-employee = 员工
notice-col-state = 回复情况
notice-col-at = 回复时间
notice-ack-ontime = 按时回复
notice-ack-late = 逾期回复
notice-ack-none = 未回复
notice-export-done = 已导出通知回复表：{ $path }（{ $groups } 个群，{ $rows } 行）
notice-report-direct = 「{ $group }」的通知“{ $text }”已到回复时限：{ $acked }/{ $expected } 人已回复；未回复 { $names }。
