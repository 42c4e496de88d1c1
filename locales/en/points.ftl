## The points ledger (en)

points-disabled = Points are not enabled in this group.
points-of = { $member } in { $month }: { $points } points (rank { $rank } of { $count } with points)
points-rank-line = { $rank }. { $name }  { $points }
points-report =
    Points ranking for { $month }:
    { $lines }
points-report-empty = No points were recorded in { $month }.
help-points = /points [@member] — points this month and the rank; an admin may name a member.
help-points-ranking = /points ranking — this month's ranking so far.
points-sheet = Points
points-col-month = Month
points-col-group = Group
points-col-rank = Rank
points-col-name = Member
points-col-points = Points
points-export-done = Points written: { $path } ({ $groups } groups, { $rows } rows)
