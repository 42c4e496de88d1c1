## The group registry: codes, owners, name templates, required membership (en)

reason-group_name = group name does not follow the template
reason-required = a required member is missing
reason-uninvited = invited by someone who is not an admin
reason-left = left a group they must be in
registry-name-alert = The group "{ $group }" is not named as it should be: "{ $expected }". Please rename it.
registry-missing = Everyone concerned must be in "{ $group }"; { $count } are not and the bot cannot invite them, please invite them by hand: { $names }
membership-uninvited = { $member } was brought in by { $inviter }, who is not an admin; nobody may invite people without the owner's or an admin's consent. Admins, please confirm.
membership-left = Everyone concerned must be in "{ $group }"; { $count } have left: { $names }
