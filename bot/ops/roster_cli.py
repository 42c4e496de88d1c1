"""`qunguan roster import|export`."""

from __future__ import annotations

import typer

roster_app = typer.Typer(help="The employee roster: import HR files, export sheets.")
