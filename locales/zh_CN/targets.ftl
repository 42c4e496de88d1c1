## Naming the member a command is about (bot.commands.targets): @名字、#编号、备注:、id:、回复
target-candidate = #{ $number } { $member }
target-candidate-trusted = #{ $number } { $member }（已核实身份）
target-error-ambiguous = 群里有多位成员都叫「{ $name }」：{ $candidates }。请用编号指定，例如 /{ $command } #{ $number }（编号见 /roster），也可用 备注:名字 或回复对方的消息。
target-error-lookalike = 群里没有名字恰好是「{ $name }」的成员；名字相似的有：{ $candidates }。为免认错人，请照原样 @ 对方，或用编号指定，例如 /{ $command } #{ $number }。
target-error-number = 没有编号为 #{ $number } 的成员（编号以 /roster 显示的为准，该成员可能已退群或改了名字）。
target-error-remark = 群里没有备注为「{ $name }」的成员。
target-error-account = 群里没有 ID 为「{ $name }」的成员。
roster-numbered = #{ $number } { $member }
help-targets = 指定成员：@成员（照群里显示的原样）、#编号（见 /roster）、备注:备注名、id:账号 ID，或回复对方的消息再发命令。名字相同或相似时请用编号。
error-rename-trusted = { $member } 已按备注/账号 ID 认定为员工 { $own }，不能改绑为 { $name }。如确有错误，请先修改运营号对其的备注。
error-rename-taken = 「{ $name }」的名字已由群里的 #{ $number } { $holder } 使用，不能再分配给别人。请先核实 #{ $number } 的身份。

## /members
help-members = /members（/成员、/编号）[名字] — 列出成员及其编号（供 /kick #编号 等使用）
members-list = 成员 { $count } 人（编号可用于 /kick #编号 等命令）：
    { $lines }
members-more = ……还有 { $count } 人，请加名字筛选
members-none = 没有名字像「{ $name }」的成员。
