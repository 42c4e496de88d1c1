"""Content moderation: rules compiled per policy, the check, the responses, the handler."""

from bot.services.moderation.check import ContentCheck, Verdict
from bot.services.moderation.rules import CompiledRules, RuleBook
from bot.services.moderation.service import ModerationService

__all__ = ["CompiledRules", "ContentCheck", "ModerationService", "RuleBook", "Verdict"]
