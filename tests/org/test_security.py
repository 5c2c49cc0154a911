"""The security baseline as a user meets it (DOMAIN.md §8): Chinese login, lockout, idle logout,
password rules, Argon2, TOTP for administrators and the administrators' separated powers."""

import importlib
import time
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiefen.core import clock
from jiefen.core.audit import Event
from jiefen.core.models import AuditEntry
from jiefen.org import services
from jiefen.org.models import Level, Region, User
from jiefen.org.roles import Role

LOGIN = "/accounts/login/"
PASSWORD_PAGE = "/accounts/password/"
OTP_PAGE = "/accounts/otp/"


def _login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def _text(response) -> str:
    return response.content.decode()


def _entries(event, **filters):
    return AuditEntry.objects.filter(event=event, **filters)


def _token_now(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def _wrong_token(device) -> str:
    """A six-digit token that is none of the ones the device accepts around now."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    near = {f"{hotp(device.bin_key, totp.t() + d, device.digits):06d}" for d in range(-3, 4)}
    return next(t for t in ("123456", "654321", "000000", "999999") if t not in near)


def _verified_admin(client, user, password):
    """Log an administrator in through the form and pass the TOTP step with an enrolled device."""
    assert _login(client, user.username, password).status_code == 302
    device = TOTPDevice.objects.create(user=user, name="测试认证器", confirmed=True)
    response = client.post(OTP_PAGE, {"token": _token_now(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    return client


# --- login --------------------------------------------------------------------------------


def test_login_page_is_in_chinese(client, db):
    response = client.get(LOGIN)

    assert response.status_code == 200
    for words in ("工作人员登录", "用户名", "密码", "登录"):
        assert words in _text(response)


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_clerk_logs_in_and_sees_their_name_on_the_workbench(client, cast):
    User.objects.filter(pk=cast.town_clerk.pk).update(full_name="王小红")

    response = _login(client, "town_clerk", cast.password)
    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")

    assert home.status_code == 200
    assert "工作台" in _text(home)
    assert "王小红" in _text(home)
    assert cast.town.name in _text(home)
    assert _entries(Event.LOGIN, actor_username="town_clerk", outcome="success").exists()


def test_wrong_password_shows_chinese_error_and_is_audited(client, cast):
    response = _login(client, "town_clerk", "Wrong@Pass2026")

    assert response.status_code == 200
    assert "用户名或密码不正确" in _text(response)
    assert client.get("/").status_code == 302
    entry = _entries(Event.LOGIN_FAILED).get()
    assert entry.actor_username == "town_clerk"
    assert entry.outcome == "failure"
    assert entry.ip == "127.0.0.1"


def test_logout_is_audited_and_ends_the_session(client, cast):
    _login(client, "town_clerk", cast.password)

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert client.get("/").status_code == 302
    assert _entries(Event.LOGOUT, actor_username="town_clerk").exists()


# --- lockout --------------------------------------------------------------------------------


def _fail_five_times(client, username):
    for _ in range(5):
        _login(client, username, "Wrong@Pass2026")


def test_five_failures_lock_the_account_even_against_the_right_password(client, cast):
    _fail_five_times(client, "town_clerk")

    response = _login(client, "town_clerk", cast.password)

    assert response.status_code == 403
    assert "已被锁定 30 分钟" in _text(response)
    assert client.get("/").status_code == 302  # not logged in
    assert _entries(Event.LOCKOUT, actor_username="town_clerk", outcome="failure").exists()


def test_four_failures_do_not_lock_the_account(client, cast):
    for _ in range(4):
        _login(client, "town_clerk", "Wrong@Pass2026")

    response = _login(client, "town_clerk", cast.password)

    assert response.status_code == 302
    assert not _entries(Event.LOCKOUT).exists()


def test_lockout_is_by_account_so_a_colleague_on_the_same_address_still_logs_in(client, cast):
    _fail_five_times(client, "town_clerk")

    colleague = Client()
    response = _login(colleague, "town_mediator", cast.password)

    assert response.status_code == 302
    assert colleague.get("/").status_code == 200


def test_lock_lifts_after_thirty_minutes(client, cast):
    _fail_five_times(client, "town_clerk")
    assert _login(client, "town_clerk", cast.password).status_code == 403

    AccessAttempt.objects.filter(username="town_clerk").update(
        attempt_time=F("attempt_time") - timedelta(minutes=31)
    )
    response = _login(client, "town_clerk", cast.password)

    assert response.status_code == 302
    assert client.get("/").status_code == 200


# --- idle logout ----------------------------------------------------------------------------


def test_idle_for_more_than_thirty_minutes_logs_the_user_out(client, cast):
    _login(client, "town_clerk", cast.password)
    assert client.get("/").status_code == 200

    clock.travel(timedelta(minutes=31))
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert _entries(Event.IDLE_LOGOUT, actor_username="town_clerk").exists()
    login_page = client.get(response["Location"])
    assert "自动退出" in _text(login_page)
    assert client.get("/").status_code == 302  # the session is gone, not just this request


def test_activity_within_thirty_minutes_keeps_the_user_logged_in(client, cast):
    _login(client, "town_clerk", cast.password)
    assert client.get("/").status_code == 200

    clock.travel(timedelta(minutes=29))
    assert client.get("/").status_code == 200
    clock.travel(timedelta(minutes=29))  # each request restarts the 30 minutes
    assert client.get("/").status_code == 200

    assert not _entries(Event.IDLE_LOGOUT).exists()


# --- password policy ------------------------------------------------------------------------

GOOD_NEW_PASSWORD = "Qz7#Mountain-River"


@pytest.fixture
def new_user(cast):
    """A freshly created account that must set its own password at first login."""
    return services.create_staff(
        username="zhangsan",
        full_name="张三",
        password=cast.password,
        roles=[Role.WINDOW_CLERK],
        centre=cast.town,
        must_change_password=True,
    )


def test_first_login_is_held_at_the_password_change_page(client, cast, new_user):
    _login(client, "zhangsan", cast.password)

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == PASSWORD_PAGE
    page = client.get(PASSWORD_PAGE)
    assert page.status_code == 200
    assert "请先设置新密码" in _text(page)


def test_password_older_than_ninety_days_must_be_changed(client, cast):
    clock.travel(timedelta(days=91))
    _login(client, "town_clerk", cast.password)

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == PASSWORD_PAGE


def test_password_younger_than_ninety_days_is_accepted(client, cast):
    clock.travel(timedelta(days=89))
    _login(client, "town_clerk", cast.password)

    assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    "new_password, message",
    [
        ("Ab1!xyz", "密码长度太短。密码必须包含至少 10 个字符。"),
        ("abcdefgh1234", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类。"),
        ("Zhangsan#2026", "密码不得包含用户名。"),
    ],
    ids=["too_short", "two_character_classes", "contains_username"],
)
def test_password_change_refuses_a_weak_password_in_chinese(
    client, cast, new_user, new_password, message
):
    _login(client, "zhangsan", cast.password)

    response = client.post(
        PASSWORD_PAGE,
        {
            "old_password": cast.password,
            "new_password": new_password,
            "new_password_again": new_password,
        },
    )

    assert response.status_code == 200
    assert message in _text(response)
    new_user.refresh_from_db()
    assert new_user.check_password(cast.password)
    assert new_user.must_change_password
    assert not _entries(Event.PASSWORD_CHANGE).exists()
    assert client.get("/")["Location"] == PASSWORD_PAGE


def test_password_change_refuses_a_wrong_current_password(client, cast, new_user):
    _login(client, "zhangsan", cast.password)

    response = client.post(
        PASSWORD_PAGE,
        {
            "old_password": "Not@ThePass1",
            "new_password": GOOD_NEW_PASSWORD,
            "new_password_again": GOOD_NEW_PASSWORD,
        },
    )

    assert "当前密码不正确" in _text(response)
    new_user.refresh_from_db()
    assert new_user.check_password(cast.password)


def test_password_change_accepts_a_good_password_and_lets_the_user_in(client, cast, new_user):
    _login(client, "zhangsan", cast.password)

    response = client.post(
        PASSWORD_PAGE,
        {
            "old_password": cast.password,
            "new_password": GOOD_NEW_PASSWORD,
            "new_password_again": GOOD_NEW_PASSWORD,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/"
    home = client.get("/")  # still logged in: the session follows the new password
    assert home.status_code == 200
    assert "工作台" in _text(home)
    new_user.refresh_from_db()
    assert new_user.check_password(GOOD_NEW_PASSWORD)
    assert not new_user.must_change_password
    assert _entries(Event.PASSWORD_CHANGE, actor_username="zhangsan").exists()


def test_production_hasher_stores_argon2_hashes(cast, settings):
    production = importlib.import_module("jiefen.settings").PASSWORD_HASHERS
    assert production[0].endswith("Argon2PasswordHasher")
    settings.PASSWORD_HASHERS = production

    user = services.create_staff(
        username="argonuser",
        full_name="某人",
        password=cast.password,
        roles=[Role.WINDOW_CLERK],
        centre=cast.town,
    )

    stored = User.objects.get(pk=user.pk).password
    assert stored.startswith("argon2")
    assert cast.password not in stored
    assert User.objects.get(pk=user.pk).check_password(cast.password)


# --- TOTP for administrators ----------------------------------------------------------------


def test_administrator_with_password_only_is_sent_to_the_totp_step(client, cast):
    assert _login(client, "sysadmin", cast.password).status_code == 302

    for path in ("/", "/admin/", "/admin/org/region/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == f"{OTP_PAGE}?next={path}"


def test_first_totp_visit_enrols_an_unconfirmed_device_and_shows_its_secret(client, cast):
    _login(client, "sysadmin", cast.password)

    response = client.get(OTP_PAGE + "?next=/admin/")
    client.get(OTP_PAGE + "?next=/admin/")  # reloading the page does not make a second device

    device = TOTPDevice.objects.get(user=cast.sysadmin)
    assert not device.confirmed
    assert response.status_code == 200
    assert "管理员二次验证" in _text(response)
    assert device.config_url.split("secret=")[1].split("&")[0] in _text(response)
    assert "<svg" in _text(response)


def test_wrong_totp_token_is_refused_in_chinese(client, cast):
    _login(client, "sysadmin", cast.password)
    client.get(OTP_PAGE)
    device = TOTPDevice.objects.get(user=cast.sysadmin)

    response = client.post(OTP_PAGE, {"token": _wrong_token(device), "next": "/admin/"})

    assert response.status_code == 200
    assert "动态口令不正确" in _text(response)
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/")["Location"].startswith(OTP_PAGE)
    assert _entries(Event.OTP_FAILED, actor_username="sysadmin", outcome="failure").exists()


def test_right_totp_token_confirms_the_device_and_opens_the_admin(client, cast):
    _login(client, "sysadmin", cast.password)
    client.get(OTP_PAGE + "?next=/admin/")
    device = TOTPDevice.objects.get(user=cast.sysadmin)

    response = client.post(OTP_PAGE, {"token": _token_now(device), "next": "/admin/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    admin_index = client.get("/admin/")
    assert admin_index.status_code == 200
    assert "系统管理" in _text(admin_index)
    assert client.get("/")["Location"] == "/admin/"  # administrators have no case work (三员分立)
    assert _entries(Event.OTP_ENROLLED, actor_username="sysadmin").exists()
    assert _entries(Event.OTP_VERIFIED, actor_username="sysadmin").exists()


def test_enrolled_administrator_is_not_shown_the_secret_again(client, cast):
    device = TOTPDevice.objects.create(user=cast.secadmin, name="认证器", confirmed=True)
    _login(client, "secadmin", cast.password)

    response = client.get(OTP_PAGE)

    assert response.status_code == 200
    assert "请输入认证器上显示的 6 位动态口令" in _text(response)
    assert "<svg" not in _text(response)
    assert device.config_url.split("secret=")[1].split("&")[0] not in _text(response)
    assert TOTPDevice.objects.filter(user=cast.secadmin).count() == 1


def test_window_clerk_is_not_asked_for_a_totp_token(client, cast):
    _login(client, "town_clerk", cast.password)

    assert client.get("/").status_code == 200
    assert client.get(OTP_PAGE)["Location"] == "/"
    assert not TOTPDevice.objects.filter(user=cast.town_clerk).exists()


# --- the administrators' site by role (三员分立) --------------------------------------------


def test_audit_admin_reads_the_audit_log_but_not_the_organisation(client, cast):
    _verified_admin(client, cast.auditadmin, cast.password)

    assert client.get("/admin/core/auditentry/").status_code == 200
    assert client.get("/admin/org/region/").status_code == 403
    assert client.get("/admin/org/user/").status_code == 403


def test_system_admin_keeps_regions_but_cannot_read_the_audit_log(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)

    regions = client.get("/admin/org/region/")
    assert regions.status_code == 200
    assert "甲镇" in _text(regions)
    assert client.get("/admin/core/auditentry/").status_code == 403


def test_security_admin_sees_accounts_and_lockouts_but_not_the_audit_log(client, cast):
    _verified_admin(client, cast.secadmin, cast.password)

    assert client.get("/admin/org/user/").status_code == 200
    assert client.get("/admin/axes/accessattempt/").status_code == 200
    assert client.get("/admin/core/auditentry/").status_code == 403
    assert client.get("/admin/org/region/").status_code == 403


def test_window_clerk_is_kept_out_of_the_admin(client, cast):
    _login(client, "town_clerk", cast.password)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/org/region/").status_code == 302


def test_admin_change_is_written_to_the_audit_log(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)

    response = client.post(
        "/admin/org/region/add/",
        {
            "code": "990121102000",
            "name": "丙镇",
            "level": Level.TOWN,
            "parent": cast.county_region.pk,
            "valid_from": "",
            "valid_to": "",
        },
    )

    assert response.status_code == 302
    region = Region.objects.get(code="990121102000")
    assert region.parent == cast.county_region
    entry = _entries(Event.ADMIN_CHANGE, target=f"org.Region:{region.pk}").get()
    assert entry.actor_username == "sysadmin"
    assert entry.detail["action"] == "add"
    assert entry.detail["object"] == "丙镇"


def test_security_admin_cannot_give_illegal_roles_through_the_admin(client, cast):
    _verified_admin(client, cast.secadmin, cast.password)
    role_changes = _entries(Event.ROLE_CHANGE).count()

    response = client.post(
        f"/admin/org/user/{cast.town_clerk.pk}/change/",
        {"roles": [Role.WINDOW_CLERK, Role.AUDIT_ADMIN]},
    )

    assert response.status_code == 200
    assert "三员分立：审计管理员不得兼任业务角色" in _text(response)
    assert set(cast.town_clerk.role_assignments.values_list("role", flat=True)) == {
        Role.WINDOW_CLERK
    }
    assert not User.objects.get(pk=cast.town_clerk.pk).is_staff
    assert _entries(Event.ROLE_CHANGE).count() == role_changes


def test_security_admin_changes_roles_through_the_admin_and_it_is_audited(client, cast):
    _verified_admin(client, cast.secadmin, cast.password)

    response = client.post(
        f"/admin/org/user/{cast.town_clerk.pk}/change/",
        {"roles": [Role.WINDOW_CLERK, Role.MEDIATOR]},
    )

    assert response.status_code == 302
    assert set(cast.town_clerk.role_assignments.values_list("role", flat=True)) == {
        Role.WINDOW_CLERK,
        Role.MEDIATOR,
    }
    entry = _entries(Event.ROLE_CHANGE, target="user:town_clerk").order_by("-seq").first()
    assert entry.actor_username == "secadmin"
    assert entry.detail == {"added": ["mediator"], "removed": []}


def test_security_admin_cannot_make_a_centre_clerk_an_administrator_through_the_admin(client, cast):
    _verified_admin(client, cast.secadmin, cast.password)
    role_changes = _entries(Event.ROLE_CHANGE).count()

    response = client.post(
        f"/admin/org/user/{cast.town_clerk.pk}/change/", {"roles": [Role.AUDIT_ADMIN]}
    )

    assert response.status_code == 200
    assert "三员分立：管理员账户不得隶属于业务中心或单位" in _text(response)
    assert set(cast.town_clerk.role_assignments.values_list("role", flat=True)) == {
        Role.WINDOW_CLERK
    }
    assert _entries(Event.ROLE_CHANGE).count() == role_changes
    assert not _entries(Event.ADMIN_CHANGE, target=f"org.User:{cast.town_clerk.pk}").exists()


def test_system_admin_cannot_change_roles_through_the_admin(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)
    clerk = cast.town_clerk

    response = client.post(
        f"/admin/org/user/{clerk.pk}/change/",
        {
            "full_name": "王小红",
            "centre": cast.town.pk,
            "unit": "",
            "department": "",
            "job_title": "窗口受理员",
            "is_active": "on",
            "roles": [Role.MEDIATOR],
        },
    )

    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.full_name == "王小红"  # the system administrator keeps the account's particulars
    assert set(clerk.role_assignments.values_list("role", flat=True)) == {Role.WINDOW_CLERK}
    assert not _entries(
        Event.ROLE_CHANGE, target="user:town_clerk", actor_username="sysadmin"
    ).exists()
    assert _entries(
        Event.ADMIN_CHANGE, target=f"org.User:{clerk.pk}", actor_username="sysadmin"
    ).exists()


def _user_form(user, **changes):
    data = {
        "full_name": user.full_name,
        "centre": user.centre_id or "",
        "unit": user.unit_id or "",
        "department": "",
        "job_title": user.job_title,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_system_admin_cannot_take_a_unit_handler_out_of_his_unit(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)
    handler = cast.unit_handler
    response = client.post(f"/admin/org/user/{handler.pk}/change/", _user_form(handler, unit=""))
    assert response.status_code == 200
    assert "进驻单位办理人须指定所在单位" in _text(response)
    handler.refresh_from_db()
    assert handler.unit == cast.unit
    assert not _entries(Event.SCOPE_CHANGE, target="user:unit_handler").exists()


def test_moving_a_clerk_to_another_centre_is_logged_as_a_scope_change(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)
    clerk = cast.town_clerk
    response = client.post(
        f"/admin/org/user/{clerk.pk}/change/", _user_form(clerk, centre=cast.other_town.pk)
    )
    assert response.status_code == 302
    clerk.refresh_from_db()
    assert clerk.centre == cast.other_town
    entry = _entries(Event.SCOPE_CHANGE, target="user:town_clerk").get()
    assert (
        entry.actor_username == "sysadmin" and entry.detail["after"]["centre"] == cast.other_town.pk
    )
