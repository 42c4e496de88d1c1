## Notices with acknowledgement (en)

reason-notice = notice not acknowledged
notice-post =
    Notice: { $text }
    Please reply "{ $word }" by { $deadline }.
notice-reminder = Reminder: the notice "{ $text }" is waiting for your reply; please reply "{ $word }" by { $deadline }.
notice-report = The notice "{ $text }" is due: { $acked }/{ $expected } acknowledged; not acknowledged: { $names }.
notice-status = { $lines }
notice-status-line = Notice "{ $text }": { $acked }/{ $expected } acknowledged, due { $deadline }
notice-status-waiting = Not yet ({ $count }): { $names }
notice-status-none = There is no notice waiting for acknowledgement.
notice-error-deadline = The deadline "{ $value }" is not valid: it must be between 1m and 30d. Usage: { $usage }
notice-error-empty = Please write the notice's text. Usage: { $usage }
notice-error-long = The notice is too long ({ $count } characters); at most { $limit }.
help-notice = /notice [DURATION] text — post a notice members must acknowledge ("收到") in time.
help-notice-status = /notice status — for each open notice: acknowledged / expected, and who has not.
notice-sheet = Notice replies
notice-col-group = Group
notice-col-notice = Notice
notice-col-posted = Posted
notice-col-deadline = Deadline
notice-col-tally = Acknowledged/expected
notice-col-member = Member
notice-col-employee = Employee
notice-col-state = Reply
notice-col-at = Replied at
notice-ack-ontime = on time
notice-ack-late = late
notice-ack-none = no reply
notice-export-done = Notice replies written: { $path } ({ $groups } groups, { $rows } rows)
notice-report-direct = In "{ $group }", the notice "{ $text }" is due: { $acked }/{ $expected } acknowledged; not acknowledged: { $names }.
