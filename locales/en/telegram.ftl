## Telegram (en): /rename with member tags, members seen, the start-up preflight report.

rename-tagged = { $member }: your tag in this group is now "{ $expected }", as the roster says. Please keep it.
roster-seen-only = Telegram does not list a group's members: this covers the { $count } members the bot has seen (joins, messages, administrators). "Missing" may name people who are here but have not spoken yet.

## Preflight: one line per chat, then one per thing the bot cannot do there
tg-preflight-chat = { $group } (chat { $chat }, "{ $title }"): can { $can }
tg-preflight-gap = cannot { $what }: { $why }
tg-preflight-unreachable = cannot write privately to org admin { $admin }: they have not started a private chat with the bot (open it and press Start)
tg-cap-nothing = nothing
tg-cap-all = act in this chat at all
tg-cap-send = send messages
tg-cap-file = send files
tg-cap-remove = remove members
tg-cap-mute = mute members
tg-cap-delete = delete messages
tg-cap-tag = write member tags
tg-cap-notice = pin announcements
tg-cap-read = see ordinary messages (content rules)
tg-cap-updates = see joins and leaves as they happen (only the join and leave lines)
tg-why-not_admin = the bot is not an administrator here
tg-why-no_right = the bot's administrator rights lack "{ $right }"
tg-why-basic_group = this is a basic group; upgrade it to a supergroup
tg-why-privacy = privacy mode is on (BotFather /setprivacy → Disable, or make the bot an administrator)
tg-why-not_in_chat = the bot is not in this chat, or the chat id is wrong
tg-why-not_a_group = this chat is not a group
tg-why-restricted = the bot is restricted in this chat

## Private chats
tg-your-id = Your Telegram user id is { $id }. Admins are named by this number in the bot's config file.

## Group messages
tg-anonymous-admin = Commands from an anonymous administrator cannot be checked: Telegram hides which administrator wrote. Turn off "Remain anonymous" in your administrator rights to command the bot.
