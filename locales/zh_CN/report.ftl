# 每日合规汇总(bot.services.daily_report):给人事的表格。
report-sheet = 合规汇总
report-col-platform = 平台
report-col-group = 群
report-col-share = 合规比例
