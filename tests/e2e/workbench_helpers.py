"""Shared helpers for the workbench browser tests: one signed-in browser context per user, the
窗口登记 form, the htmx action forms of the case page, and reading what the screens show.

Submitting an htmx form ends in one of two ways: the server answers ``HX-Redirect`` and the
browser loads the case page afresh, or it answers 422 and htmx swaps the form (or the intake
``main``) for one carrying the Chinese message. ``submit`` marks the page before the click and
waits until either has happened, so a refused step fails at once with the server's message
instead of after a timeout.
"""

import io
import re
import time
import weakref
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from playwright.sync_api import Error as PlaywrightError

from jiefen.cases.models import Attachment, Case, CaseEvent, Party
from tests.e2e.conftest import DEFAULT_TIMEOUT_MS, login

VIEWPORT = {"width": 1366, "height": 768}
APPLICANT = "王建国"
RESPONDENT = "李秀英"
VALID_ID = "110105199003071239"  # checksum-valid; born 1990-03-07, male (tests/cases/factories.py)
BAD_CHECKSUM_ID = "110105199003071238"  # same number, wrong check character


class Desks:
    """Signs users in, each in a browser context of their own (own cookies, 1366×768, zh-CN),
    as separate people at separate PCs would be. ``close()`` closes every context opened."""

    def __init__(self, browser, live_server, password: str):
        self.browser, self.live_server, self.password = browser, live_server, password
        self._contexts = []
        self.console_errors: list[str] = []  # script errors and failed loads, per user

    def open(self, username: str):
        context = self.browser.new_context(
            locale="zh-CN", timezone_id="Asia/Shanghai", viewport=VIEWPORT, accept_downloads=True
        )
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        self._contexts.append(context)
        # No favicon exists; answering it here keeps the browser from sending a request that
        # writes the session (idle-logout stamp) beside the test's own requests.
        context.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
        page = context.new_page()
        track_requests(page)
        page.on("pageerror", lambda exc: self.console_errors.append(f"{username}: {exc}"))
        page.on("console", lambda msg: self._console(username, msg))
        page.on("response", lambda response: self._response(username, response))
        login(page, self.live_server, username, self.password)
        assert page.url == self.live_server.url + "/", f"{username} was not signed in: {page.url}"
        return page

    def _console(self, username, msg) -> None:
        # a failed load is reported with its address by _response
        if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
            self.console_errors.append(f"{username}: {msg.text}")

    def _response(self, username, response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.console_errors.append(
                f"{username}: {response.status} {response.request.method} {response.url}"
            )

    def close(self) -> None:
        for context in self._contexts:
            context.close()
        self._contexts.clear()


# --- waiting for the network and for an htmx submit to finish -----------------------------------

_IN_FLIGHT: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def track_requests(page) -> None:
    """Count the page's requests in flight and note when the last one started or ended."""
    state = _IN_FLIGHT.setdefault(page, {"open": set(), "last": time.monotonic()})

    def started(request):
        state["open"].add(request)
        state["last"] = time.monotonic()

    def ended(request):
        state["open"].discard(request)
        state["last"] = time.monotonic()

    def navigated(frame):
        # requests of the document just left are gone, whether or not chromium reported their end
        if frame == page.main_frame:
            state["open"] = {r for r in state["open"] if r.is_navigation_request()}
            state["last"] = time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    page.on("framenavigated", navigated)


def wait_idle(page, quiet_ms: int = 0) -> None:
    """Wait until no request of the page is in flight and none started or ended for ``quiet_ms``
    (longer than a debounced htmx trigger, e.g. the intake side panel's 400 ms). The test live
    server runs on a shared-cache in-memory SQLite database, where two requests writing at once
    fail with "database table is locked"; a clerk's PC does one thing at a time anyway."""
    state = _IN_FLIGHT.get(page)
    if state is None:
        return
    deadline = time.monotonic() + DEFAULT_TIMEOUT_MS / 1000
    while state["open"] or (time.monotonic() - state["last"]) * 1000 < quiet_ms:
        assert time.monotonic() < deadline, (
            f"requests still in flight: {[r.url for r in state['open']]}"
        )
        page.wait_for_timeout(50)


_ARM = """(selector) => {
  window.__jfPending = true;
  document.querySelectorAll(selector).forEach((el) => el.setAttribute("data-jf-pending", "1"));
}"""
# Settled: a new document has loaded (the marker on window is gone), or htmx has swapped the
# marked element for the server's answer (no marked element left).
_SETTLED = """(selector) => document.readyState === "complete" &&
  (!window.__jfPending || !document.querySelector(selector + "[data-jf-pending]"))"""


def submit(
    page, form_selector: str, button_selector: str = "button[type=submit]", *, quiet_ms: int = 0
) -> list[str]:
    """Click the form's submit button and wait until the page has moved on. Returns the Chinese
    error messages shown if the server refused (empty when the browser went to a new page)."""
    wait_idle(page, quiet_ms)
    page.evaluate(_ARM, form_selector)
    page.locator(form_selector).locator(button_selector).click()
    _wait_settled(page, form_selector)
    if page.evaluate("() => !window.__jfPending"):
        page.wait_for_load_state("load")
        return []
    return [
        t.strip() for t in page.locator(f"{form_selector} .error").all_inner_texts() if t.strip()
    ]


def _wait_settled(page, selector: str) -> None:
    deadline = datetime.now() + timedelta(milliseconds=DEFAULT_TIMEOUT_MS * 2)
    while True:
        remaining = (deadline - datetime.now()).total_seconds() * 1000
        assert remaining > 0, f"the page did not settle after submitting {selector}"
        try:
            page.wait_for_function(_SETTLED, arg=selector, timeout=remaining)
            return
        except PlaywrightError as exc:  # the document was replaced while we polled: poll again
            if "Timeout" in str(exc):
                raise
            page.wait_for_load_state("domcontentloaded")


# --- the case page -----------------------------------------------------------------------------


def case_pk_from(page) -> int:
    found = re.search(r"/cases/(\d+)/", page.url)
    assert found, f"not on a case page: {page.url}"
    return int(found.group(1))


def open_case(page, live_server, pk: int):
    response = page.goto(f"{live_server.url}/cases/{pk}/")
    assert response.status == 200, f"case page answered {response.status}"
    return page


def state_badge(page) -> str:
    return page.locator(".case-head .state").inner_text().strip()


def offered_actions(page) -> list[str]:
    return page.locator(".case-side a[data-action]").evaluate_all(
        "els => els.map(e => e.dataset.action)"
    )


def open_action(page, action: str):
    """Click the action's button on the case page; htmx loads its form into #action-panel."""
    button = page.locator(f".case-side a[data-action='{action}']")
    assert button.count() == 1, f"“{action}” is not offered here; offered: {offered_actions(page)}"
    button.click()
    form = page.locator(f"#action-panel form.action-form[data-action='{action}']")
    form.wait_for(state="visible")
    return form


def act(page, action: str, fill=None, *, expect_state: str | None = None) -> None:
    """Open an action, let ``fill(form)`` complete it, submit, and check the case page that
    follows (and its state badge, when given)."""
    form = open_action(page, action)
    if fill is not None:
        fill(form)
    errors = submit(page, f"#action-panel form.action-form[data-action='{action}']")
    assert not errors, f"“{action}” was refused: {errors}"
    assert re.search(r"/cases/\d+/$", page.url), page.url
    if expect_state is not None:
        assert state_badge(page) == expect_state, f"after “{action}”: {state_badge(page)}"


def counters(page) -> dict[str, int]:
    """The 工作台 counters as {label: number}."""
    result = {}
    for counter in page.locator(".counters .counter").all():
        result[counter.locator(".l").inner_text().strip()] = int(counter.locator(".n").inner_text())
    return result


def timeline_labels(page) -> list[str]:
    return [t.strip() for t in page.locator(".timeline .ev-action").all_inner_texts()]


def local_now() -> datetime:
    return datetime.now(ZoneInfo(settings.TIME_ZONE))


# --- the intake screen -------------------------------------------------------------------------

DESCRIPTION = (
    "申请人称在被申请人经营的加工厂务工八个月，被拖欠工资一万二千元，多次催要未果，请求调解。"
)


def open_intake(page, live_server):
    response = page.goto(live_server.url + "/cases/new/")
    assert response.status == 200
    assert page.inner_text("main h1") == "窗口登记"
    return page


def fill_intake(
    page,
    *,
    category: str = "劳动争议",
    town: str | None = None,
    village: str | None = "甲村",
    description: str = DESCRIPTION,
    applicant_id: str = VALID_ID,
    decision: str = "accept",
) -> None:
    """Fill the intake form as a clerk would: category, place, description, the applicant (ID
    number typed key by key so the page checks it and fills sex and birth date) and the
    respondent, then the decision radio."""
    page.select_option("select[name=category]", label=category)
    if town is not None:
        page.select_option("select[name=town]", label=town)
    if village is not None:
        page.select_option("select[name=region]", label=village)
    page.fill("textarea[name=description]", description)
    page.fill("input[name=people_count]", "2")
    page.fill("input[name=amount]", "12000")

    page.select_option("select[name=party-0-role]", "applicant")
    page.fill("input[name=party-0-name]", APPLICANT)
    page.fill("input[name=party-0-phone]", "13812345678")
    page.fill("input[name=party-0-address]", "甲村三组")
    if applicant_id:
        page.locator("input[name=party-0-id_number]").press_sequentially(applicant_id)
    page.select_option("select[name=party-1-role]", "respondent")
    page.fill("input[name=party-1-name]", RESPONDENT)
    page.fill("input[name=party-1-phone]", "13987654321")
    page.check(f"input[name=decision][value={decision}]")


def id_check_text(page, row: int = 0) -> str:
    return page.locator("fieldset.party").nth(row).locator(".id-check").inner_text().strip()


def submit_intake(page) -> list[str]:
    """Submit the intake form; [] when the case page followed, else the messages shown."""
    return submit(page, "#intake-form", "#submit-intake", quiet_ms=600)


# --- rows and files ----------------------------------------------------------------------------


from tests.conftest import ensure_reference_data  # noqa: E402,F401  (kept importable here)


def row_counts() -> dict[str, int]:
    return {
        "Case": Case.objects.count(),
        "Party": Party.objects.count(),
        "Attachment": Attachment.objects.count(),
        "CaseEvent": CaseEvent.objects.count(),
    }


def docx_text(data: bytes) -> str:
    """Every piece of text in a .docx: body paragraphs, tables (nested too), headers, footers."""
    from docx import Document

    document = Document(io.BytesIO(data))
    parts: list[str] = []

    def walk(container) -> None:
        for paragraph in container.paragraphs:
            parts.append(paragraph.text)
        for table in getattr(container, "tables", []):
            for row in table.rows:
                for cell in row.cells:
                    walk(cell)

    walk(document)
    for section in document.sections:
        walk(section.header)
        walk(section.footer)
    return "\n".join(parts)


def xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    cells = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(v) for v in row if v is not None)
    workbook.close()
    return "\n".join(cells)


def download(page, click) -> tuple[str, bytes]:
    """Run ``click()`` (which starts a download) and return the suggested filename and bytes."""
    with page.expect_download() as info:
        click()
    item = info.value
    path = item.path()
    with open(path, "rb") as handle:
        return item.suggested_filename, handle.read()


def csrf_token(page) -> str:
    for cookie in page.context.cookies():
        if cookie["name"] == settings.CSRF_COOKIE_NAME:
            return cookie["value"]
    raise AssertionError("no CSRF cookie in the browser context")
