"""The fixed cast (STYLE.md): one small county with two towns, built once per test that asks."""

import pytest

from jiefen.cases import deadlines
from jiefen.core import append_only, clock
from jiefen.org import services
from jiefen.org.models import Centre, Level, Region, Unit
from jiefen.org.roles import Role

PASSWORD = "Test@Pass2026"


@pytest.fixture(autouse=True)
def _fast_hashing_and_clean_clock(settings):
    # Argon2 is the production hasher (tested on its own); tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    clock.reset()
    _clear_caches()  # a policy or rule edited in a rolled-back test must not linger in a cache
    yield
    clock.reset()
    _clear_caches()


def _clear_caches():
    from jiefen.triage import classifier, risk, rules

    deadlines.clear_cache()
    rules.forget()
    risk.forget()
    classifier.forget()


@pytest.fixture(autouse=True)
def _empty_append_only_tables_before_flush(request):
    """Tests on a real transaction (``transactional_db``, ``live_server``) end with a flush;
    on SQLite that is a DELETE the append-only triggers refuse. This teardown runs just before
    the flush and empties the guarded tables with the guards lifted."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        yield
        return
    request.getfixturevalue("transactional_db")
    ensure_reference_data()
    yield
    append_only.purge_guarded_tables()


def ensure_reference_data() -> None:
    """What the migrations seed (categories, deadline policies, the holiday calendar), as a
    fresh install has it: the flush that ends a transactional test empties those tables too.
    Every seeder leaves existing rows alone."""
    from jiefen.cases.models import DeadlinePolicy
    from jiefen.cases.policy_defaults import seed_policies
    from jiefen.core import workdays
    from jiefen.core.models import CalendarDay, CalendarYear
    from jiefen.org.models import Category
    from jiefen.org.reference import seed_categories
    from jiefen.triage.defaults import seed_risk, seed_rules
    from jiefen.triage.models import RiskPolicy, RiskSignal, RoutingRule

    seed_categories(Category)
    seed_policies(DeadlinePolicy, Category)
    workdays.seed_from_package(CalendarYear, CalendarDay)
    seed_rules(RoutingRule, Category, DeadlinePolicy)
    seed_risk(RiskPolicy, RiskSignal)


def _region(code, name, level, parent=None):
    return Region.objects.create(code=code, name=name, level=level, parent=parent)


def _centre(region):
    kind = Centre.Kind.ZONGZHI if region.level == Level.VILLAGE else Centre.Kind.GOVERNANCE
    return Centre.objects.create(region=region, name=f"{region.name}中心", kind=kind)


class Cast:
    """Regions, centres and one user per part the tests need."""


@pytest.fixture
def cast(db):
    c = Cast()
    c.county_region = _region("990121000000", "测试县", Level.COUNTY)
    c.town_region = _region("990121100000", "甲镇", Level.TOWN, c.county_region)
    c.village_region = _region("990121100201", "甲村", Level.VILLAGE, c.town_region)
    c.other_town_region = _region("990121101000", "乙镇", Level.TOWN, c.county_region)
    c.other_village_region = _region("990121101201", "乙村", Level.VILLAGE, c.other_town_region)
    c.county = _centre(c.county_region)
    c.town = _centre(c.town_region)
    c.village = _centre(c.village_region)
    c.other_town = _centre(c.other_town_region)
    c.other_village = _centre(c.other_village_region)
    c.unit = Unit.objects.create(
        name="测试县劳动人事争议仲裁院",
        kind=Unit.Kind.LABOUR_ARBITRATION,
        region=c.county_region,
        centre=c.county,
        stationing_form="professional",
        mode="resident",
    )
    c.other_unit = Unit.objects.create(
        name="测试县住建局",
        kind=Unit.Kind.HOUSING,
        region=c.county_region,
        centre=c.county,
        stationing_form="collaborative",
        mode="rotating",
    )

    def staff(username, roles, centre=None, unit=None):
        return services.create_staff(
            username=username,
            full_name=username,
            password=PASSWORD,
            roles=roles,
            centre=centre,
            unit=unit,
            must_change_password=False,
        )

    c.county_clerk = staff("county_clerk", [Role.WINDOW_CLERK], c.county)
    c.county_supervisor = staff("county_supervisor", [Role.SUPERVISOR], c.county)
    c.county_leader = staff("county_leader", [Role.CENTRE_LEADER], c.county)
    c.town_clerk = staff("town_clerk", [Role.WINDOW_CLERK], c.town)
    c.town_mediator = staff("town_mediator", [Role.MEDIATOR], c.town)
    c.town_leader = staff("town_leader", [Role.CENTRE_LEADER], c.town)
    c.village_clerk = staff("village_clerk", [Role.WINDOW_CLERK, Role.MEDIATOR], c.village)
    c.unit_handler = staff("unit_handler", [Role.UNIT_HANDLER], c.county, c.unit)
    c.other_town_clerk = staff("other_town_clerk", [Role.WINDOW_CLERK], c.other_town)
    c.sysadmin = staff("sysadmin", [Role.SYSTEM_ADMIN])
    c.secadmin = staff("secadmin", [Role.SECURITY_ADMIN])
    c.auditadmin = staff("auditadmin", [Role.AUDIT_ADMIN])
    c.password = PASSWORD
    return c
