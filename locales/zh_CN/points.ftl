## The points ledger (zh_CN)

points-disabled = 本群未启用积分。
points-of = { $member } 在 { $month } 的积分：{ $points }（第 { $rank } 名，共 { $count } 人有积分记录）
points-rank-line = { $rank }. { $name }  { $points } 分
points-report =
    { $month } 积分排名：
    { $lines }
points-report-empty = { $month } 没有积分记录。
help-points = /积分 [@成员] — 本月积分与排名；管理员可查看指定成员。
help-points-ranking = /积分 排名 — 本月目前的积分排名。
points-sheet = 积分
points-col-month = 月份
points-col-group = 群
points-col-rank = 名次
points-col-name = 成员
points-col-points = 积分
points-export-done = 已导出积分表：{ $path }（{ $groups } 个群，{ $rows } 行）
