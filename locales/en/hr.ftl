## HR and operations: roster import and export, the audit trail, backups (en).

## Audit trail: qunguan audit-log verify
audit-verify-ok = Audit log intact: { $count } entries, anchor { $anchor }
audit-verify-broken = Audit log tampered with: entry { $seq } onwards cannot be trusted. { $reason }
audit-broken-sequence = Expected entry { $expected } but found entry { $found }: an entry after entry { $after } was deleted, inserted or moved.
audit-broken-link = This entry does not follow entry { $previous }: the entry before it was deleted, inserted or moved.
audit-broken-hash = This entry's content does not match its hash: it was edited.
audit-broken-head = The log ends at entry { $last } but its head says entry { $head }: entries were deleted from the end, or the head was edited.
audit-broken-head-missing = The head record is missing (the audit_head table was edited).
audit-broken-anchor = Entry { $seq } no longer has the hash kept apart: the log was rewritten wholesale.
audit-verify-checked = Checked against the latest anchor kept apart, { $anchor } ({ $where }).
audit-verify-unanchored = No anchor kept apart was found ({ $where }): a cut tail, a wipe or a wholesale rewrite cannot be detected.
audit-broken-anchor-missing = The anchor kept apart names entry { $anchor } but the log ends at entry { $last }: entries were cut from the end, the log was wiped, or the database was replaced by an older backup.
audit-broken-empty = The log is empty but the database holds { $actions } finished actions: the log was wiped.
audit-broken-actions = The database holds { $actions } finished actions but the log only { $logged }: the log was cut or rebuilt.
audit-export-done = Exported { $count } audit log entries to { $path }

## qunguan backup
backup-done = Backup written: { $path } ({ $size }, { $employees } employees, { $entries } audit log entries); integrity check passed.

## qunguan roster import
import-head = { $file }: { $format }, sheet "{ $sheet }", header at row { $row }, { $mode }
import-format-qunguan = Qunguan roster template
import-format-wecom = WeCom contacts export
import-format-dingtalk = DingTalk contacts export
import-mode-partial = partial import (only the people in the file change)
import-mode-full = full import (whoever is not in the file has departed)
import-added = Added { $count }: { $names }
import-updated = Updated { $count }
import-updated-line = { "  " }{ $department }-{ $name }: { $fields }
import-field-change = { $field } { $before } → { $after }
import-departed = Departed { $count }: { $names }
import-more-updated = { "  "}… { $count } in all (--json lists every one)
import-unchanged = Unchanged { $count }
import-renumbered = Number changed for { $count } (same name and department, taken as the same person; the 工号 becomes the file's: check if they are not):
import-renumbered-line = row { $row } { $department }-{ $name }: 工号 { $before } → { $after }
import-more = { " " }and more, { $count } in all
import-errors = { $count } errors:
import-error-line = { "  " }row { $row }, column { $column } ({ $header }): { $message }
import-error-required = must not be empty
import-error-too-long = too long ({ $count } characters, at most { $limit })
import-error-phone = expected a mobile number, got "{ $value }"
import-error-exec = expected 是/否 (yes/no), got "{ $value }"
import-error-status = unknown status "{ $value }" (employed: 在职, 正式, 试用, 已激活, 启用, 未禁用, 未离职, 否, active; departed: 离职, 已离职, 已禁用, 已退出, departed)
import-error-duplicate = the same person as row { $first } (a duplicate)
import-error-control = contains the control character { $char } (character { $position }): delete it
import-refused-errors = The file has errors; nothing was changed. Correct them and try again.
import-refused-departures = This import would mark { $count } people as departed, more than a fifth of the { $active } active employees: refused, nothing was changed. If it is right, add --force.
import-preview-only = This is a preview; nothing was changed. Add --apply to import it.
import-applied = Imported, all in one transaction. A running bot reloads the roster within seconds and deals with departed members per each group's policy.
import-yes = yes
import-no = no
import-field-name = name
import-field-department = department
import-field-title = title
import-field-phone = phone
import-field-employee_no = employee no.
import-field-aliases = aliases
import-field-exec = exec
import-field-status = status

## qunguan roster export
roster-export-done = Roster workbook written: { $path } ({ $groups } groups)
roster-export-seen = { "  " }"{ $group }": members as the bot last saw them ({ $at })
roster-export-never = { "  " }"{ $group }": the bot has not run in this group yet, so it has no member list; not exported
