## HR and operations: roster import and export, the audit trail, backups (en).

## Audit trail: qunguan audit-log verify
audit-verify-ok = Audit log intact: { $count } entries, head hash { $head }
audit-verify-broken = Audit log tampered with: entry { $seq } onwards cannot be trusted. { $reason }
audit-broken-sequence = Expected entry { $expected } but found entry { $found }: an entry after entry { $after } was deleted, inserted or moved.
audit-broken-link = This entry does not follow entry { $previous }: the entry before it was deleted, inserted or moved.
audit-broken-hash = This entry's content does not match its hash: it was edited.
audit-broken-head = The log ends at entry { $last } but its head says entry { $head }: entries were deleted from the end, or the head was edited.
audit-broken-head-missing = The head record is missing (the audit_head table was edited).
audit-broken-anchor = Entry { $seq } no longer has the hash kept apart: the log was rewritten wholesale.
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
import-more = { " " }and more, { $count } in all
import-errors = { $count } errors:
import-error-line = { "  " }row { $row }, column { $column } ({ $header }): { $message }
import-error-required = must not be empty
import-error-too-long = too long ({ $count } characters, at most { $limit })
import-error-phone = expected a mobile number, got "{ $value }"
import-error-exec = expected 是/否 (yes/no), got "{ $value }"
import-error-status = unknown status "{ $value }" (employed: 在职, 正式, 试用, 已激活, 启用, active; departed: 离职, 已离职, 已禁用, 已退出, departed)
import-error-duplicate = the same person as row { $first } (a duplicate)
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
cli-database = Database: { $database }
# Command-line help (bot/cli_text.py)
cli-help-lang = language of the output: zh_CN (default) or en
cli-help-main = 群管 Qunguan: governs company chat groups on WeChat, Telegram and the simulator.
cli-help-replay = Dry-run a policy: play a scenario's timeline through the real bot on the simulator.
cli-help-replay-file = scenario file (YAML)
cli-help-replay-json = print the JSON report
cli-help-replay-files = where sent files go (default: a new folder)
cli-help-verbose = log what the bot does
cli-help-demo = Play a company morning on the simulator and show what the bot did.
cli-help-run = Run the bot on a real platform with the org and groups of a config file.
cli-help-run-adapter = wechat or telegram
cli-help-run-config = org and groups (YAML)
cli-help-run-verbose = log at DEBUG
cli-help-config = the org and groups (default: the CONFIG_FILE setting)
cli-help-roster = The employee roster: import HR files, export sheets.
cli-help-import = Preview (or --apply) a roster file: added, updated, departed, unchanged, errors.
cli-help-import-file = the HR file (.xlsx or .csv)
cli-help-import-format = auto, qunguan, wecom or dingtalk
cli-help-import-sheet = the sheet to read
cli-help-import-mode = partial, or full: whoever is missing has departed
cli-help-import-apply = apply it (else: a preview)
cli-help-import-force = allow more than a fifth of the staff to depart
cli-help-import-json = print the JSON object
cli-help-export = Write the employees x groups sheet and a sheet per group, from the members the bot last observed in each group.
cli-help-export-out = the xlsx to write
cli-help-export-platform = wechat or telegram, if both run
cli-help-audit = The tamper-evident audit trail.
cli-help-audit-verify = Exit 0 if the chain is whole; 1 naming the first entry edited, inserted or deleted.
cli-help-audit-file = verify an export (.jsonl) instead
cli-help-audit-anchor = SEQ:HASH printed by an earlier verify and kept apart
cli-help-audit-export = Write the whole audit trail out, hashes included (verify an export with --file).
cli-help-audit-out = file (.jsonl, .csv, .xlsx); default stdout
cli-help-backup = Copy the SQLite database while the bot runs (PostgreSQL: pg_dump, docs/operations.md).
cli-help-backup-out = the copy (default: DATA_DIR/backups/qunguan-TIME.sqlite3)
cli-help-web = The HR web console (docs/web.md): without a sub-command, serve it.
cli-help-web-host = address to listen on
cli-help-web-port = port to listen on
cli-help-web-behind-proxy = behind a TLS proxy: HTTPS-only cookies
cli-help-web-user = Console accounts.
cli-help-web-user-add = Create a console account; its password is read from standard input.
cli-help-web-user-list = List the console accounts.
cli-help-web-user-remove = Remove a console account.
cli-help-web-user-reset = Set a new password (read from standard input).
cli-help-web-user-name = the user name
