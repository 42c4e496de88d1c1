## Telegram（zh_CN）：用成员标签实现 /rename、已见成员、启动自检报告。

rename-tagged = { $member }：已按花名册将你在本群的标签设为“{ $expected }”，请勿修改。
roster-seen-only = Telegram 无法列出群成员：以上仅统计机器人见过的 { $count } 名成员（入群、发言、管理员）。“不在群”名单可能包含在群但尚未发言的人。

## 启动自检：每个群一行，再逐条列出机器人在该群做不到的事
tg-preflight-chat = { $group }（群 ID { $chat }，“{ $title }”）：可以{ $can }
tg-preflight-gap = 无法{ $what }：{ $why }
tg-preflight-unreachable = 无法私聊组织管理员 { $admin }：对方尚未与机器人开始私聊（请打开机器人并点“开始”）
tg-cap-nothing = 什么也做不了
tg-cap-all = 在此群执行任何操作
tg-cap-send = 发消息
tg-cap-file = 发文件
tg-cap-remove = 移出成员
tg-cap-mute = 禁言成员
tg-cap-delete = 删除消息
tg-cap-tag = 设置成员标签
tg-cap-notice = 置顶公告
tg-cap-read = 看到普通消息（内容规则）
tg-cap-updates = 实时得知入群和退群（只能看到入群、退群提示）
tg-why-not_admin = 机器人不是本群管理员
tg-why-no_right = 机器人的管理员权限缺少“{ $right }”
tg-why-basic_group = 这是普通群，请升级为超级群
tg-why-privacy = 隐私模式已开启（在 BotFather 中 /setprivacy → Disable，或设机器人为管理员）
tg-why-not_in_chat = 机器人不在此群，或群 ID 填写有误
tg-why-not_a_group = 这不是群聊
tg-why-restricted = 机器人在本群被限制

## 私聊
tg-your-id = 你的 Telegram 用户 ID 是 { $id }。机器人的配置文件用这个数字指定管理员。

## 群消息
tg-anonymous-admin = 匿名管理员发出的命令无法核实身份（Telegram 隐藏了是哪位管理员）。请在管理员权限中关闭“保持匿名”后再向机器人发命令。
