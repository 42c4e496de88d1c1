## Naming the member a command is about (bot.commands.targets): @name, #number, remark:, id:, reply
target-candidate = #{ $number } { $member }
target-candidate-trusted = #{ $number } { $member } (identity verified)
target-error-ambiguous = Several members are called "{ $name }": { $candidates }. Name one by number, e.g. /{ $command } #{ $number } (numbers are in /roster), or by remark:name, or reply to their message.
target-error-lookalike = Nobody here is called exactly "{ $name }"; similar names: { $candidates }. So as not to hit the wrong person, @-mention them exactly as shown, or name them by number, e.g. /{ $command } #{ $number }.
target-error-number = No member has the number #{ $number } (numbers are those /roster shows; the member may have left or changed their name).
target-error-remark = No member here has the remark "{ $name }".
target-error-account = No member here has the id "{ $name }".
roster-numbered = #{ $number } { $member }
help-targets = Naming a member: @member (exactly as shown in the group), #n (the number /roster shows), remark:their remark, id:their account id, or reply to their message with the command. Where names are the same or look alike, use the number.
error-rename-trusted = { $member } is known by remark or account id to be the employee { $own } and cannot be rebound to { $name }. If that is wrong, change the operator account's remark for them first.
error-rename-taken = The name of { $name } is already held by #{ $number } { $holder } in this group and cannot be handed to someone else. Check who #{ $number } is first.

## /members
help-members = /members [name] — the members with their numbers (for /kick #n and the like).
members-list = { $count } members (use the numbers as in /kick #n):
    { $lines }
members-more = …and { $count } more; add a name to narrow the list
members-none = No member's name looks like "{ $name }".
