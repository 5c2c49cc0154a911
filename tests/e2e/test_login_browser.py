"""Signing in through the real login page in chromium."""

import pytest

from jiefen.org.models import User


@pytest.fixture
def browser_cast(transactional_db, cast):
    User.objects.filter(pk=cast.town_clerk.pk).update(full_name="王小红")
    return cast


def test_chinese_login_page_renders_in_the_browser(live_server, page, screenshot, browser_cast):
    page.goto(live_server.url + "/accounts/login/")

    assert page.inner_text("h1") == "工作人员登录"
    assert page.locator("label[for=id_username]").inner_text() == "用户名"
    assert page.locator("label[for=id_password]").inner_text() == "密码"
    assert page.locator("button[type=submit]").inner_text() == "登录"
    assert screenshot(page, "login").stat().st_size > 1024


def test_window_clerk_logs_in_and_sees_the_workbench(
    live_server, page, login, screenshot, browser_cast
):
    login(page, live_server, "town_clerk", browser_cast.password)

    assert page.url == live_server.url + "/"
    assert page.inner_text("main h1") == "工作台"
    assert page.inner_text(".who-name") == "王小红"
    assert page.inner_text(".who-place") == "甲镇中心"
    assert screenshot(page, "after-login").stat().st_size > 1024


def test_wrong_password_shows_the_chinese_error_in_the_page(live_server, page, login, browser_cast):
    login(page, live_server, "town_clerk", "Wrong@Pass2026")

    assert page.url.startswith(live_server.url + "/accounts/login/")
    assert "用户名或密码不正确" in page.inner_text("[role=alert]")
    assert page.input_value("input[name=username]") == "town_clerk"
