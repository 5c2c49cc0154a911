"""The demo county is complete enough to show every part of the system, and loads only once."""

import calendar
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiefen.core import audit, clock
from jiefen.org import demo
from jiefen.org.models import (
    Centre,
    DutyShift,
    Expert,
    Level,
    MediatorProfile,
    Region,
    RoleAssignment,
    Unit,
    User,
)
from jiefen.org.roles import SERVICE_ROLES, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    demo.load()


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Region,
            Centre,
            Unit,
            User,
            RoleAssignment,
            MediatorProfile,
            Expert,
            DutyShift,
            TOTPDevice,
            apps.get_model("cases", "Case"),
        )
    }


def test_demo_has_a_county_centre(loaded):
    county = Centre.objects.get(region__code=demo.COUNTY_CODE)
    assert county.region.level == Level.COUNTY
    assert county.kind == Centre.Kind.GOVERNANCE
    assert county.departments.exists()


def test_demo_has_at_least_four_towns_each_with_three_or_four_villages(loaded):
    towns = Region.objects.filter(level=Level.TOWN, parent__code=demo.COUNTY_CODE)
    assert towns.count() >= 4
    for town in towns:
        villages = town.children.filter(level=Level.VILLAGE)
        assert 3 <= villages.count() <= 4, town.name
        assert all(v.code.startswith(town.prefix) for v in villages)
    # every town and village has its own centre
    assert Centre.objects.filter(region__level__in=[Level.TOWN, Level.VILLAGE]).count() == (
        Region.objects.filter(level__in=[Level.TOWN, Level.VILLAGE]).count()
    )


def test_demo_has_stationed_units_in_every_form_and_mode(loaded):
    stationed = Unit.objects.filter(centre__isnull=False)
    assert stationed.count() >= 15
    assert set(stationed.values_list("stationing_form", flat=True)) == set(
        Unit.StationingForm.values
    )
    assert set(stationed.values_list("mode", flat=True)) == set(Unit.Mode.values)


def test_demo_has_staff_in_every_role(loaded):
    # the portal's service account is not staff; the portal creates it when first used
    assert User.objects.count() >= 40
    assert (
        set(RoleAssignment.objects.values_list("role", flat=True))
        == set(Role.values) - SERVICE_ROLES
    )


def test_demo_administrators_have_totp_devices_and_no_centre(loaded):
    for username in ("sysadmin", "secadmin", "auditadmin"):
        user = User.objects.get(username=username)
        assert user.is_administrator
        assert user.centre is None
        assert TOTPDevice.objects.get(user=user).confirmed


def test_demo_staff_can_log_in_with_the_demo_password(loaded):
    assert User.objects.get(username="county_clerk").check_password(demo.DEMO_PASSWORD)
    assert not User.objects.get(username="county_clerk").must_change_password


def test_demo_mediators_have_profiles_with_specialities(loaded):
    mediators = User.objects.filter(role_assignments__role=Role.MEDIATOR)
    assert mediators.exists()
    for mediator in mediators:
        assert mediator.mediator_profile.specialities.count() >= 1, mediator.username
    assert set(MediatorProfile.objects.values_list("kind", flat=True)) == {"full_time", "part_time"}


def test_demo_has_experts_of_several_professions(loaded):
    assert Expert.objects.count() >= 10
    assert len(set(Expert.objects.values_list("profession", flat=True))) >= 5
    assert all(e.specialities.exists() for e in Expert.objects.all())
    assert all(e.phone for e in Expert.objects.all())


def test_demo_duty_roster_covers_every_day_of_this_month_at_the_county_centre(loaded):
    today = clock.today()
    days = calendar.monthrange(today.year, today.month)[1]
    county = Centre.objects.get(region__code=demo.COUNTY_CODE)

    for day in range(1, days + 1):
        shifts = DutyShift.objects.filter(centre=county, date=today.replace(day=day))
        assert shifts.filter(duty_role=DutyShift.DutyRole.LEADER).exists(), day
        assert shifts.filter(duty_role=DutyShift.DutyRole.STAFF).exists(), day


def test_demo_staff_have_distinct_names(loaded):
    names = list(
        User.objects.exclude(
            role_assignments__role__in=["system_admin", "security_admin", "audit_admin"]
        ).values_list("full_name", flat=True)
    )
    assert len(set(names)) == len(names)


def test_demo_command_if_empty_loads_once_and_lists_accounts():
    first, second = io.StringIO(), io.StringIO()

    # a handful of demo cases is enough here; the organisation is what this test is about
    call_command("demo", "--if-empty", "--cases", "3", stdout=first)
    after_first = _counts()
    call_command("demo", "--if-empty", "--cases", "3", stdout=second)

    assert _counts() == after_first
    assert after_first["Region"] > 0
    assert "已载入示范县" in first.getvalue()
    assert "已载入示范县" not in second.getvalue()
    for output in (first.getvalue(), second.getvalue()):
        assert "county_clerk" in output
        assert demo.DEMO_PASSWORD in output
        assert "动态口令密钥" in output


def test_demo_command_without_if_empty_says_the_data_is_there(loaded):
    before = _counts()
    out = io.StringIO()

    call_command("demo", "--quiet", stdout=out)

    assert "示范县数据已存在，未重复载入" in out.getvalue()
    assert _counts() == before


def test_demo_load_leaves_an_intact_audit_log(loaded):
    assert audit.verify_chain() == []
