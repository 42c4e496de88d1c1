## The group registry: codes, owners, name templates, required membership (zh_CN)

reason-group_name = 群名不规范
reason-required = 应在群成员缺失
reason-uninvited = 非管理员邀请入群
reason-left = 擅自退群
registry-name-alert = 群「{ $group }」的名称不符合规范，应为「{ $expected }」，请修改群名。
registry-missing = 「{ $group }」要求全体相关员工在群，以下 { $count } 人不在群中，机器人无法邀请，请管理员手动邀请：{ $names }
membership-uninvited = { $member } 由非管理员 { $inviter } 拉入群聊；按规定，未经群主或管理员同意不得拉人进群，请管理员确认。
membership-left = 「{ $group }」要求相关员工在群，以下 { $count } 人已退群：{ $names }
