"""Proves the browser toolchain works end to end, independently of the application pages."""


def test_chromium_renders_chinese_text(live_server, page, screenshot):
    # live_server is requested so this test exercises the same setup as the real e2e tests.
    assert live_server.url.startswith("http://")
    page.set_content(
        "<html><body><h1>解纷 测试</h1>"
        '<p><span id="a" style="font-size:48px">解</span>'
        '<span id="b" style="font-size:48px">纷</span></p></body></html>'
    )
    assert page.inner_text("h1") == "解纷 测试"
    # Without a Chinese font chromium draws every Han character as the same empty box.
    assert page.locator("#a").screenshot() != page.locator("#b").screenshot(), (
        "Chinese characters render as identical boxes: apt-get install -y fonts-wqy-microhei"
    )
    path = screenshot(page, "smoke-chinese-text")
    assert path.is_file()
    assert path.stat().st_size > 1024
