## WeChat adapter (en).

wechat-console-only = This WeChat version cannot verify who sent a command; send admin commands in the admin console "{ $console }".
wechat-cannot-verify = This WeChat version cannot verify who sent a command and no admin console is configured, so admin commands are unavailable.
wechat-verify-failed = Could not verify the sender's WeChat ID just now; the command was not run. Please send it again shortly.
wechat-console-unknown = "{ $member }" is not on the console's admin list; the command was not run.
wechat-console-unknown-group = There is no governed group called "{ $group }". Governed groups: { $groups }
wechat-mention-failed = WeChat could not @-mention: { $names }. Admins, please tell them.
wechat-reconnected = WeChat was disconnected from { $since } and is connected again; { $count } actions could not be carried out meanwhile.
