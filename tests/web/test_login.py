"""Logging in: argon2 hashes, wrong passwords, throttling on the injected clock, a fresh
session at login, logging out; the accounts made with `qunguan web user …`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from tests.web.conftest import PASSWORD, Site, later


def attempt(site: Site, user: str, password: str) -> int:
    data = {"username": user, "password": password, "csrf_token": site.csrf()}
    return site.client.post("/login", data=data, follow_redirects=False).status_code


def test_wrong_password_and_unknown_user(site: Site) -> None:
    assert attempt(site, "hr", "wrong password") == 401
    assert attempt(site, "nobody", PASSWORD) == 401
    assert attempt(site, "<script>", PASSWORD) == 401
    assert attempt(site, "hr", PASSWORD) == 303


def test_throttled_after_five_failures_until_the_window_passes(site: Site) -> None:
    for _ in range(5):
        assert attempt(site, "hr", "wrong password") == 401
    assert attempt(site, "hr", PASSWORD) == 429  # even the right password, for now
    page = site.client.post(
        "/login", data={"username": "hr", "password": PASSWORD, "csrf_token": site.csrf()}
    )
    assert "15 分钟后再试" in page.text
    later(site, 14)
    assert attempt(site, "hr", PASSWORD) == 429
    later(site, 2)
    assert attempt(site, "hr", PASSWORD) == 303


def test_one_address_cannot_spray_names(site: Site) -> None:
    for number in range(5):
        assert attempt(site, f"user{number}", "wrong password") == 401
    assert attempt(site, "admin", PASSWORD) == 429  # the same address


def test_login_starts_a_fresh_session_and_logout_ends_it(site: Site) -> None:
    before = site.csrf()
    site.login()
    assert site.csrf("/") != before
    token = site.csrf("/")
    done = site.client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303
    assert site.client.get("/", follow_redirects=False).status_code == 303


def test_user_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"DATABASE_URL": f"sqlite://{tmp_path / 'q.sqlite3'}", "LOCALE": "en"}

    def run(*args: str, stdin: str = "") -> tuple[int, str]:
        done = runner.invoke(app, ["web", "user", *args], input=stdin, env=env)
        if done.exit_code == 0:  # which database, every time (after the result)
            assert done.stderr == f"Database: sqlite://{tmp_path / 'q.sqlite3'}\n"
        return done.exit_code, done.stdout if done.exit_code == 0 else done.stderr

    assert run("add", "hr", stdin=PASSWORD + "\n") == (0, "Console account hr created.\n")
    code, out = run("add", "hr", stdin=PASSWORD + "\n")
    assert code == 2 and "exists already" in out
    code, out = run("add", "bad name", stdin=PASSWORD + "\n")
    assert code == 2 and "expected 1-64 letters" in out
    code, out = run("add", "x", stdin="short\n")
    assert code == 2 and "expected 10 to 1024 characters" in out
    code, out = run("list")
    assert code == 0 and out.startswith("hr  created ") and "x" not in out.split()
    assert run("reset", "hr", stdin="another long password\n")[0] == 0
    code, out = run("remove", "nobody")
    assert code == 2 and "no console user 'nobody'" in out
    assert run("remove", "hr") == (0, "Console account hr removed.\n")
    assert run("list") == (0, "No console accounts yet (qunguan web user add NAME).\n")


def test_serving_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"DATA_DIR": str(tmp_path)}
    bad = tmp_path / "bad.yaml"
    bad.write_text("groups: 3\n", encoding="utf-8")
    for args, message in [
        ([], "--config: give the org and groups file"),
        (["--config", str(bad)], "groups: expected a list of groups"),
        (["--config", str(tmp_path / "nope.yaml")], "cannot read the file"),
    ]:
        done = runner.invoke(app, ["web", *args], env=env)
        assert done.exit_code == 2, done.output
        assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1
