## WeChat adapter (zh_CN).

wechat-console-only = 本微信版本无法核实发令人的微信号，管理命令请在管理控制台「{ $console }」中发送。
wechat-cannot-verify = 本微信版本无法核实发令人的微信号，且未配置管理控制台，管理命令暂不可用。
wechat-verify-failed = 暂时无法核实发令人的微信号，命令未执行，请稍后重发。
wechat-console-unknown = 「{ $member }」不在控制台管理员名单中，命令未执行。
wechat-console-unknown-group = 没有名为「{ $group }」的受管群。受管群：{ $groups }
wechat-mention-failed = 微信未能 @ 到：{ $names }。请管理员转告他们。
wechat-reconnected = 微信自 { $since } 起断开，现已重新连接；期间有 { $count } 项操作未能执行。
