"""Playwright fixtures for the real-browser tests (Debian's chromium, never a downloaded browser).

Every test under tests/e2e gets the ``e2e`` marker. Tests that talk to the app use pytest-django's
``live_server`` fixture (which brings ``transactional_db`` with it).
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in the main thread; without this Django's ORM
# raises SynchronousOnlyOperation when a test touches the database between browser calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--lang=zh-CN",
    "--disable-sync",
    "--disable-quic",
]
DEFAULT_TIMEOUT_MS = 15_000

_E2E_DIR = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # This hook sees every collected item, not only ours: mark just those under tests/e2e.
    # Browser tests run on a real transaction (the live server's thread must see the data) and
    # end with a flush that empties every table; marking them transactional here, before
    # pytest-django sorts the run, puts them after all the tests that roll back instead.
    for item in items:
        if _E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)
            if item.get_closest_marker("django_db") is None:
                item.add_marker(pytest.mark.django_db(transaction=True))


def screenshots_dir() -> Path:
    path = Path(os.environ.get("JIEFEN_E2E_SCREENSHOTS", "test-artifacts/screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_screenshot(page, name: str) -> Path:
    """Save a full-page PNG of ``page`` as ``<screenshots dir>/<name>.png`` and return its path."""
    stem = re.sub(r"[^\w.-]+", "_", name).strip("_") or "screenshot"
    if not stem.endswith(".png"):
        stem += ".png"
    path = screenshots_dir() / stem
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page, live_server, username: str, password: str) -> None:
    """Sign in through the real login form and wait for the page that follows."""
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_load_state("load")


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-microhei")
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


def _new_page(browser, **context_options) -> Iterator:
    context = browser.new_context(
        locale="zh-CN",
        timezone_id="Asia/Shanghai",
        **context_options,
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    """A desktop page (1366×768, zh-CN, Asia/Shanghai) in its own browser context."""
    yield from _new_page(browser, viewport={"width": 1366, "height": 768})


@pytest.fixture
def phone_page(browser):
    """A phone-sized touch page (390×844) in its own browser context."""
    yield from _new_page(
        browser,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """``screenshot(page, name)`` saves a full-page PNG and returns its path."""
    return save_screenshot


@pytest.fixture(name="login")
def login_fixture() -> Callable[..., None]:
    """``login(page, live_server, username, password)`` signs in through the login form."""
    return login


@pytest.fixture
def desks(browser, live_server, cast):
    """One browser context per desk (user) of the cast, logged in on first use."""
    from tests.e2e.workbench_helpers import Desks, ensure_reference_data

    ensure_reference_data()
    desks = Desks(browser, live_server, cast.password)
    yield desks
    desks.close()
