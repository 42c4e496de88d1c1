"""Declaring commands: `@command(...)` with the docstring as the help text."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bot.commands.context import CommandSpec, Handler
from bot.core.commandline import command_word


class Registry:
    def __init__(self) -> None:
        self._specs: dict[str, CommandSpec] = {}
        self._words: dict[str, CommandSpec] = {}

    def command(
        self,
        name: str,
        *aliases: str,
        admin: bool = True,
        where: tuple[str, ...] = ("group",),
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            if not handler.__doc__:
                raise TypeError(f"command {name!r} needs a docstring: it is the help text")
            spec = CommandSpec(name, aliases, admin, frozenset(where), handler)
            self._specs[name] = spec
            for word in (name, *aliases):
                self._words[command_word(word)] = spec
            return handler

        return register

    def __iter__(self) -> Iterator[CommandSpec]:
        return iter(self._specs.values())

    def resolve(self, body: str) -> tuple[CommandSpec, str] | None:
        """`roster export x` → (roster export, "x"): the longest command phrase wins.

        Only the command words are normalised (`command_word`); the arguments come back
        exactly as typed."""
        words = body.split(maxsplit=2)
        for size in (2, 1):
            if len(words) >= size:
                spec = self._words.get(" ".join(command_word(w) for w in words[:size]))
                if spec is not None:
                    rest = body.split(maxsplit=size)
                    return spec, rest[size] if len(rest) > size else ""
        return None


registry = Registry()
command = registry.command
