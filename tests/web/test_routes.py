"""Every route of the console, walked from the app itself: nothing is served to a session
that is not logged in (but the login form and the stylesheet), every POST needs the form's
CSRF token, cookies are signed, HttpOnly, SameSite=strict (and Secure behind TLS), request
bodies are bounded."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.routing import Mount, Route

from bot.web.app import routes
from tests.web.conftest import Site, site_on

OPEN = {("GET", "/login"), ("POST", "/login"), ("POST", "/lang")}  # usable before logging in
SAMPLE = {"db_id": "1", "warning_id": "1"}


def every_route() -> list[tuple[str, str]]:
    found = []
    for route in routes():
        if isinstance(route, Mount):
            continue
        assert isinstance(route, Route)
        path = route.path
        for name, value in SAMPLE.items():
            path = path.replace("{" + name + "}", value)
        found += [(method, path) for method in sorted(route.methods or ()) if method != "HEAD"]
    return found


ROUTES = every_route()


def test_the_walk_sees_every_page() -> None:
    paths = {path for _, path in ROUTES}
    assert {"/", "/groups/1", "/roster", "/warnings", "/trail", "/trail/export"} <= paths
    posts = {path for method, path in ROUTES if method == "POST"}
    assert {"/login", "/logout", "/roster/preview", "/roster/apply"} <= posts
    assert "/warnings/1/revoke" in posts


@pytest.mark.parametrize(("method", "path"), [r for r in ROUTES if r not in OPEN])
def test_nothing_served_before_login(site: Site, method: str, path: str) -> None:
    token = site.csrf()  # a valid form token: only the missing login stops the request
    data = {"csrf_token": token} if method == "POST" else None
    response = site.client.request(method, path, data=data, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].endswith("/login")
    assert "张三" not in response.text and "全员群" not in response.text


@pytest.mark.parametrize("path", [p for m, p in ROUTES if m == "POST"])
def test_every_form_needs_its_csrf_token(logged_in: Site, path: str) -> None:
    for data in ({}, {"csrf_token": "forged"}, {"csrf_token": logged_in.csrf("/")[:-2] + "xx"}):
        response = logged_in.client.post(path, data=data, follow_redirects=False)
        assert response.status_code == 403, (path, data)
    assert logged_in.client.get("/").status_code == 200  # still logged in, nothing changed


def test_a_token_from_another_session_is_refused(site: Site, tmp_path: Path) -> None:
    site.login()
    theirs = site.csrf("/")
    site.client.cookies.clear()
    site.login("admin")
    response = site.client.post("/logout", data={"csrf_token": theirs}, follow_redirects=False)
    assert response.status_code == 403


def test_the_stylesheet_is_served_to_the_login_page(site: Site) -> None:
    css = site.client.get("/static/console.css")
    assert css.status_code == 200 and "font" in css.text
    login = site.client.get("/login")
    assert 'name="username"' in login.text and 'name="password"' in login.text
    assert "http://" not in login.text.replace("http://127.0.0.1", "")  # no CDN


def test_session_cookie_flags(site: Site) -> None:
    header = site.client.get("/login").headers.get("set-cookie", "")  # the form's token
    assert "qunguan_console=" in header
    assert "httponly" in header.lower() and "samesite=strict" in header.lower()
    assert "secure" not in header.lower()  # plain HTTP on 127.0.0.1 here


def test_cookies_are_secure_behind_tls(tmp_path: Path, company: tuple[Path, Path]) -> None:
    for site in site_on(tmp_path, company, secure_cookies=True):
        header = site.client.get("/login").headers.get("set-cookie", "")
        assert "secure" in header.lower()


def test_security_headers(logged_in: Site) -> None:
    headers = logged_in.client.get("/").headers
    assert headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"


def test_request_bodies_are_bounded(logged_in: Site) -> None:
    huge = {"content-length": str(200 * 1024 * 1024), "content-type": "multipart/form-data"}
    response = logged_in.client.post("/roster/preview", content=b"x", headers=huge)
    assert response.status_code == 413
