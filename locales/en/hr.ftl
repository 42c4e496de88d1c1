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
