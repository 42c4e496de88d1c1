"""The Telegram adapter (aiogram 3): updates in as core events, actions out as Bot API calls.

Only this package imports aiogram. It is an optional extra: `pip install qunguan[telegram]`.
"""
