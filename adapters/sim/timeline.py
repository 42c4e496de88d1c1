"""A readable timeline of a replay (rich): each event, then what the bot did about it."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from adapters.sim.scenario import (
    DirectIn,
    JoinIn,
    LeaveIn,
    MessageIn,
    RenameIn,
    RosterOpIn,
    Scenario,
    Step,
    TickIn,
)
from bot.services.action_log import ActionLog

STATUS_STYLE = {
    "compliant": "green",
    "misnamed": "yellow",
    "unknown": "red",
    "ambiguous": "magenta",
    "impostor": "bold red",
    "departed": "red",
    "bot": "cyan",
}


class Timeline:
    def __init__(
        self, scenario: Scenario, console: Console | None = None, log: ActionLog | None = None
    ) -> None:
        self.scenario = scenario
        self.log = log or ActionLog()  # it reads the replay's database, once that is open
        self.console = console or Console(highlight=False)
        self._last_id = 0

    async def before(self, step: Step) -> None:
        await self._actions(scheduled=True)

    async def after(self, step: Step, skipped: bool) -> None:
        line = self._event(step)
        if skipped:
            line = f"[strike]{line}[/] [dim](not in the group any more: the bot removed them)[/]"
        self.console.print(line, soft_wrap=True)
        await self._actions(scheduled=False)

    async def done(self) -> None:
        await self._actions(scheduled=True)

    async def _actions(self, *, scheduled: bool) -> None:
        records = await self.log.after(self._last_id)
        tz = self.scenario.tz
        for record in records:
            self._last_id = record.id
            p = record.payload
            mark = "⏰" if scheduled else "🤖"
            where = p.get("group") or f"→ {p.get('to')}"
            head = f"  {mark} {record.at.astimezone(tz):%H:%M} [bold]{p['action']}[/]"
            kind = f" [dim]{p.get('kind') or p.get('reason') or ''}[/]"
            if record.outcome == "refused":
                kind += " [red](did not take effect)[/]"
            if p.get("dry_run"):
                kind += " [yellow](dry run)[/]"
            mentions = " ".join(f"@{m}" for m in p.get("mentions", []))
            body = p.get("text") or p.get("path") or p.get("member") or ""
            text = f"{mentions} {body}".strip().replace("\n", "\n      ")
            self.console.print(f"{head}{kind} [cyan]{where}[/]\n      {text}", soft_wrap=True)

    def _event(self, step: Step) -> str:
        event, at = step.event, f"{step.at.astimezone(self.scenario.tz):%m-%d %H:%M}"
        match event:
            case MessageIn():
                sender = event.sender or event.who
                body = event.text if event.kind == "text" else f"[{event.kind}] {event.text}"
                return f"[dim]{at}[/] [bold]{event.group}[/] {sender}: {body}"
            case JoinIn():
                by = f" (invited by {event.inviter})" if event.inviter else ""
                return f"[dim]{at}[/] [bold]{event.group}[/] + {event.member.name} joined{by}"
            case RenameIn():
                who = event.member or event.who
                return f"[dim]{at}[/] [bold]{event.group}[/] ~ {who} → {event.to} (silent)"
            case LeaveIn():
                who = event.member or event.who
                return f"[dim]{at}[/] [bold]{event.group}[/] - {who} left (silent)"
            case DirectIn():
                return f"[dim]{at}[/] private ← {event.sender}: {event.text}"
            case RosterOpIn():
                return f"[dim]{at}[/] HR roster {event.op}: {event.employee.get('name')}"
            case TickIn():
                return f"[dim]{at}[/] (time passes)"
        return f"[dim]{at}[/] {event}"

    def summary(self, report: dict[str, Any]) -> None:
        for name, group in report["groups"].items():
            table = Table(title=name, title_style="bold")
            for column in ("display", "status", "employee", "warnings"):
                table.add_column(column)
            for member in group["members"]:
                employee = member["employee"]
                style = STATUS_STYLE.get(member["status"], "")
                table.add_row(
                    member["display"],
                    f"[{style}]{member['status']}[/]",
                    f"{employee['department']}-{employee['name']}" if employee else "",
                    str(member["warnings"]),
                )
            self.console.print(table)
            if group["missing"]:
                missing = ", ".join(f"{m['department']}-{m['name']}" for m in group["missing"])
                self.console.print(f"  not in the group: {missing}")
