## Moderation: content-rule reminders and mutes (en).

moderation-remind-banned_keyword = { $member }, please do not post banned content in this group.
moderation-remind-ad = { $member }, ads and promotions are not allowed in this group.
moderation-remind-flood = { $member }, please do not flood the group (at most { $messages } messages in { $seconds } seconds).
moderation-remind-link = { $member }, please do not post links in this group.
moderation-remind-length = { $member }, your message is too long ({ $length } characters, the limit is { $limit }); please shorten it.
moderation-remind-voice = { $member }, please write instead of sending voice messages.
moderation-remind-quiet_hours = { $member }, these are quiet hours ({ $window }); please keep work talk to working hours.
moderation-muted = { $member } is muted for { $minutes } minutes. Reason: { $reason }.
