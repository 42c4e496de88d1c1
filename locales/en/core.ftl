## Core: commands, naming, audits, removals, exports (en).

list-separator = {", "}
someone = someone

## Rule and reason names
reason-naming = name not as required
reason-not_on_roster = not on the employee roster
reason-out_of_scope = not in this group's scope
reason-impostor = using another member's identity
reason-departed = left the company
reason-warn_limit = warning limit reached
reason-admin = an admin's decision
reason-banned_keyword = banned word
reason-ad = advertising
reason-link = link
reason-length = message too long
reason-quiet_hours = posting during quiet hours
reason-flood = flooding
reason-voice = voice message
reason-none = no reason given

## Member and employee statuses
status-compliant = compliant
status-misnamed = misnamed
status-unknown = not on roster
status-ambiguous = ambiguous
status-impostor = impostor
status-departed = departed
status-bot = bot
status-missing = not in group
employee-active = active
employee-departed = departed

## Template fields
field-name = Name
field-department = Department
field-title = Title
field-company = Company
field-phone = Phone
field-phone4 = Phone last 4
field-employee_no = Employee no.

## Command errors and refusals
denied = Only this group's admins may use /{ $command }.
error-unknown-command = There is no /{ $command } command. Send /help to see the commands.
error-not-group = /{ $command } works only in a private chat.
error-not-direct = /{ $command } works only in a group.
error-internal = Something went wrong with that command; it has been logged. Please try again later.
error-unknown-group = This group is not governed: { $group }
error-unknown-member = Nobody in this group is called "{ $name }". Usage: { $usage }
error-no-target = Please @-mention one member. Usage: { $usage }
error-one-target = Please @-mention one member at a time. Usage: { $usage }
error-ambiguous-member = Several members are called "{ $name }"; the bot will not guess which. Please handle it by hand.
error-target-bot = This command cannot target the bot itself.
error-kick-protected = The owner, admins and the bot cannot be removed: { $member }
error-warn-protected = The owner, admins and the bot cannot be warned: { $member }
error-rename-usage = Please give the name to set. Usage: { $usage }
error-rename-not-on-roster = "{ $name }" is not on the employee roster; check the department and name.
error-rename-ambiguous = { $count } roster entries match "{ $name }"; give the full Department-Name.
error-rename-departed = { $name } has left the company and cannot be bound.
error-rename-out-of-scope = { $name } is not among the people this group is for ({ $group }).

## /rename
rename-done = Please set your group nickname to "{ $expected }" (Chat Info → My Alias in Group).

## /warn, /unwarn, /warns
warning-issued = { $member } is warned ({ $count }/{ $limit }): { $reason }
unwarn-none = { $member } has no live warnings.
unwarn-done = Removed { $member }'s latest warning; now { $count }/{ $limit }.
warns-none = { $member } has no live warnings.
warns-list = { $member } has { $count }/{ $limit } live warnings:
    { $lines }
warns-line = { $n }. { $when } { $rule }: { $reason }
warns-line-rule = { $n }. { $when } { $rule }

## /roster
roster-summary = { $text }
roster-summary-head = "{ $group }" against the roster: { $compliant } compliant, { $misnamed } misnamed, { $unknown } not on roster, { $ambiguous } ambiguous, { $impostor } showing another's name, { $departed } departed, { $missing } missing
roster-summary-misnamed = To rename: { $items }
roster-summary-unknown = Not on roster: { $items }
roster-summary-ambiguous = Ambiguous: { $items }
roster-summary-impostor = Showing another's name: { $items }
roster-summary-departed = Departed but still here: { $items }
roster-summary-missing = Employees not in the group: { $items }

## /audit
audit-report = Audit done.
    { $text }
audit-report-group = "{ $group }": { $compliant } compliant, { $misnamed } misnamed, { $unknown } not on roster, { $ambiguous } ambiguous, { $impostor } showing another's name, { $departed } departed, { $missing } missing; reminded { $reminded }, removed { $removed }, reported { $reported } to admins.

## /help
help-admin = Admin commands:
    { $lines }
help-member = Commands:
    { $lines }
help-rename = /rename @member|#n Dept-Name — bind the member to that roster entry and remind them.
help-kick = /kick @member|#n [reason] — remove the member and say why in the group.
help-warn = /warn @member|#n [reason] — record a warning; at the limit the policy's action applies.
help-unwarn = /unwarn @member|#n — remove the member's latest warning.
help-warns = /warns @member|#n — show the member's live warnings.
help-roster = /roster — the group against the roster: compliant, misnamed, unknown, departed, missing.
help-roster-export = /roster export — the same as a spreadsheet (xlsx) sent to this chat.
help-audit = /audit — check the members now, send the reminders and removals the policy calls for.
help-help = /help — the commands you may use here.

## Naming reminders and welcomes
naming-reminder = Please set your group nickname as required (Chat Info → My Alias in Group):
    { $lines }
naming-reminder-line = { $member } → { $expected }
naming-reminder-line-unknown = { $member } → use the form "{ $template }"; if you are not on the roster, talk to an admin
welcome-compliant = Welcome, { $member }!
welcome-misnamed = Welcome, { $member }! Please set your group nickname to "{ $expected }".
welcome-unmatched = Welcome, { $member }! Please set your group nickname as "{ $template }"; an admin will check the roster.

## Alerts to admins
alert-unknown = { $count } member(s) of "{ $group }" are not on the roster: { $members_text }. Admins, please check.
alert-out_of_scope = { $count } employee(s) in "{ $group }" are outside this group's scope: { $members_text }. Admins, please check.
alert-join-out_of_scope = Newcomer { $members_text } is outside the scope of "{ $group }" (invited by { $inviter }). Admins, please check.
alert-impostor = { $count } member(s) of "{ $group }" show someone else's name:
    { $lines }
    Admins, please check.
alert-join-impostor = A newcomer joined "{ $group }" (invited by { $inviter }); these members show someone else's name:
    { $lines }
    Admins, please check.
impostor-line = { $member } shows "{ $employee }"; that employee is { $holder }
impostor-holder-known = { $member } (contact: { $remark })
impostor-line-contested = { $member } and { $holder } both show "{ $employee }"; the bot cannot tell which, if either, is that employee
impostor-line-absent = { $member } shows "{ $employee }" but is not that employee
alert-offence-unattributed = Several members are called { $member }, so the bot cannot tell who broke the rule ({ $reason }); no warning recorded. Admins, please check.
alert-ambiguous = { $count } member(s) of "{ $group }" could be several employees: { $members_text }. Admins, please bind them with /rename.
alert-departed = { $count } departed employee(s) are still in "{ $group }": { $members_text }. Admins, please act.
alert-misnamed = Still misnamed after several reminders in "{ $group }": { $members_text }. Admins, please follow up.
alert-join-unknown = Newcomer { $members_text } is not on the roster (invited by { $inviter }). Admins, please check.
alert-join-ambiguous = Newcomer { $members_text } could be several employees (invited by { $inviter }). Admins, please bind with /rename.
alert-join-departed = Departed employee { $members_text } joined "{ $group }" (invited by { $inviter }). Admins, please act.
alert-remove-by-hand = The bot cannot remove members in "{ $group }"; admins, please remove by hand: { $members_text } ({ $reason }).
alert-remove-failed = Removal did not take effect; admins, please handle by hand: { $members_text } ({ $reason }).
alert-remove-ambiguous = Several members share this name, so the bot will not guess whom to remove; admins, please handle by hand: { $members_text } ({ $reason }).
alert-warn-limit = { $member } has reached { $count }/{ $limit } warnings ({ $reason }); admins, please act.

## Removals
removal-reason = { $member } was removed: { $reason }.
removal-reason-detail = { $member } was removed: { $reason } ({ $detail }).
removal-notice = Removed { $members_text }: { $reason }.
removal-notice-detail = Removed { $members_text }: { $reason } ({ $detail }).

## Exports
export-sheet-matrix = Employees x groups
export-col-name = Name
export-col-department = Department
export-col-employee-no = Employee no.
export-not-applicable = n/a
export-col-employee-status = Employment
export-col-display = Display name
export-col-status = Status
export-col-expected = Should be
export-col-warnings = Live warnings
export-warnings-short = { $count } warning(s)
