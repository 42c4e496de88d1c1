"""`python -m bot` is `qunguan`."""

from bot.cli import main

main()
