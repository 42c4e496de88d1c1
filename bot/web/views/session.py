"""Logging in and out, and the language switch."""

from __future__ import annotations

from loguru import logger
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.i18n import SUPPORTED
from bot.web import users
from bot.web.routing import LANG, USER, action, console, render, to_login, translator, user


async def login_form(request: Request) -> Response:
    if user(request) is not None:
        return RedirectResponse(request.url_for("overview"), status_code=303)
    return render(request, "login.html")


def _address(request: Request) -> str:
    return f"ip:{request.client.host if request.client else '-'}"


async def login(request: Request) -> Response:
    form = await request.form()
    name, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    c = console(request)
    assert c.throttle is not None
    keys = (f"user:{name.casefold()}", _address(request))
    wait = c.throttle.wait(*keys)
    t = translator(request)
    if wait is not None:
        minutes = max(1, round(wait.total_seconds() / 60))
        error = t("web-login-throttled", minutes=minutes)
        return render(request, "login.html", status_code=429, error=error, username=name)
    found = await users.authenticate(name, password, c.clock)
    if found is None:
        c.throttle.failed(*keys)
        logger.warning("console: failed login for {name}", name=name[:64])
        return render(request, "login.html", status_code=401, error=t("web-login-failed"))
    c.throttle.succeeded(keys[0])
    lang = request.session.get(LANG)
    request.session.clear()  # a fresh session: nothing carried over from before the login
    request.session[USER] = found.username
    if lang:
        request.session[LANG] = lang
    await c.trail.append("console_login", {"user": found.username}, actor=f"web:{found.username}")
    return RedirectResponse(request.url_for("overview"), status_code=303)


async def logout(request: Request) -> Response:
    request.session.clear()
    return to_login(request)


async def switch_lang(request: Request) -> Response:
    form = await request.form()
    lang = str(form.get("lang", ""))
    if lang in SUPPORTED:
        request.session[LANG] = lang
    back = str(form.get("next", "/"))
    if not back.startswith("/") or back.startswith("//"):
        back = "/"  # only within the console
    return RedirectResponse(back, status_code=303)


ROUTES = [
    action("/logout", logout, "logout"),
    action("/lang", switch_lang, "lang", login=False),
]
