"""The HR web console (`qunguan web`, docs/web.md): the roster, compliance, warnings and the
audit trail in a browser, on the bot's database. A layer above the services, like the
commands: it reads and changes through the public services, never through a platform."""
