"""The console's pages, one module per page (bot.web.app lists their routes)."""
