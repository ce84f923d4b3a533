"""A real headless Chromium (Debian's), driven by Playwright.

The browser is never downloaded: set CIVILITY_CHROMIUM to a binary, or install
Debian's ``chromium``. Without one these tests are skipped with a message
saying so (``.ci/run`` installs it, so CI always runs them).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the test's own ORM
# calls are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CIVILITY_CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = "no Chromium found: install Debian's `chromium` or set CIVILITY_CHROMIUM"
        if os.environ.get("CIVILITY_REQUIRE_BROWSER"):  # set by .ci/run: CI must not skip these
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=path,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    # after the live server (so torn down before it): the test database is flushed only once
    # the page has stopped polling; on PostgreSQL a queue poll still in flight held a lock
    # that the flush's TRUNCATE deadlocked on
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    page.goto("about:blank")
    context.close()


@pytest.fixture
def screenshot(page):
    """Call ``screenshot("name")`` to keep a PNG under test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)

    def take(name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def no_script_errors(page):
    """Fail on uncaught exceptions and CSP refusals ("Refused to ...") in the page.

    "Failed to load resource" lines are the browser reporting 4xx answers and
    aborted requests that the tests cause on purpose (422, 429, offline).
    """
    problems: list[str] = []

    def on_console(msg) -> None:
        if msg.type == "error" and "Failed to load resource" not in msg.text:
            problems.append(msg.text)

    page.on("pageerror", lambda exc: problems.append(f"uncaught: {exc}"))
    page.on("console", on_console)
    yield
    assert problems == []
