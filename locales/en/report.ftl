# The org-wide daily compliance report (bot.services.daily_report): a sheet for HR.
report-sheet = Compliance
report-col-platform = Platform
report-col-group = Group
report-col-share = Share compliant
