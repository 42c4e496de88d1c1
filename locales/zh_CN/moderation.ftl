## Moderation: content-rule reminders and mutes (zh_CN).

moderation-remind-banned_keyword = { $member }，请勿在群里发送违禁内容。
moderation-remind-ad = { $member }，本群禁止发布广告和推广信息。
moderation-remind-flood = { $member }，请勿刷屏（{ $seconds } 秒内不要超过 { $messages } 条）。
moderation-remind-link = { $member }，本群请勿发送链接。
moderation-remind-length = { $member }，消息过长（{ $length } 字，上限 { $limit } 字），请精简后再发。
moderation-remind-voice = { $member }，本群请勿发送语音，请改用文字。
moderation-remind-quiet_hours = { $member }，现在是休息时段（{ $window }），请勿在群里发言，有事请在工作时间沟通。
moderation-muted = { $member } 已被禁言 { $minutes } 分钟，原因：{ $reason }。
