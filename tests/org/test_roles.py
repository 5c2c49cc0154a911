"""三员分立: no one holds two administrator roles, nor an administrator role with a case role."""

from itertools import combinations

import pytest

from jiefen.core.audit import Event
from jiefen.core.errors import DomainError
from jiefen.core.models import AuditEntry
from jiefen.org import services
from jiefen.org.models import RoleAssignment, User
from jiefen.org.roles import ADMIN_ROLES, CASE_ROLES, Role

ADMIN_PAIRS = [set(pair) for pair in combinations(sorted(ADMIN_ROLES), 2)] + [set(ADMIN_ROLES)]
ADMIN_WITH_CASE_ROLE = [
    {admin, case} for admin in sorted(ADMIN_ROLES) for case in sorted(CASE_ROLES)
]


def _counts():
    return User.objects.count(), RoleAssignment.objects.count(), AuditEntry.objects.count()


def _labels(roles):
    return [Role(r).label for r in roles]


@pytest.mark.parametrize("roles", ADMIN_PAIRS, ids=lambda r: "+".join(sorted(r)))
def test_create_staff_refuses_two_administrator_roles(cast, roles):
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.create_staff(
            username="twohats", full_name="某人", password=cast.password, roles=roles
        )

    assert exc.value.code == "role_separation"
    assert exc.value.message.startswith("三员分立：")
    assert exc.value.message.endswith("不得由同一人兼任")
    assert all(label in exc.value.message for label in _labels(roles))
    assert _counts() == before
    assert not User.objects.filter(username="twohats").exists()


@pytest.mark.parametrize("roles", ADMIN_WITH_CASE_ROLE, ids=lambda r: "+".join(sorted(r)))
def test_create_staff_refuses_administrator_with_a_case_role(cast, roles):
    (admin,) = roles & ADMIN_ROLES
    unit = cast.unit if Role.UNIT_HANDLER in roles else None
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.create_staff(
            username="mixed",
            full_name="某人",
            password=cast.password,
            roles=roles,
            centre=cast.county,
            unit=unit,
        )

    assert exc.value.code == "role_separation"
    assert exc.value.message == f"三员分立：{Role(admin).label}不得兼任业务角色"
    assert _counts() == before


@pytest.mark.parametrize(
    "roles", ADMIN_PAIRS + ADMIN_WITH_CASE_ROLE, ids=lambda r: "+".join(sorted(r))
)
def test_set_roles_refuses_illegal_combinations_and_changes_nothing(cast, roles):
    user = cast.secadmin if not roles - ADMIN_ROLES else cast.unit_handler
    current = set(user.role_assignments.values_list("role", flat=True))
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.set_roles(user, roles, actor=cast.secadmin)

    assert exc.value.code == "role_separation"
    assert exc.value.message.startswith("三员分立：")
    assert set(user.role_assignments.values_list("role", flat=True)) == current
    assert User.objects.get(pk=user.pk).is_staff == user.is_staff
    assert _counts() == before


def test_each_administrator_role_alone_is_allowed(cast):
    for role in sorted(ADMIN_ROLES):
        user = services.create_staff(
            username=f"only_{role}", full_name="管理员", password=cast.password, roles=[role]
        )
        assert user.roles == {role}
        assert user.is_staff


def test_several_case_roles_together_are_allowed(cast):
    user = services.create_staff(
        username="busy",
        full_name="某人",
        password=cast.password,
        roles=[Role.CENTRE_LEADER, Role.SUPERVISOR, Role.MEDIATOR],
        centre=cast.town,
    )
    assert user.roles == {Role.CENTRE_LEADER, Role.SUPERVISOR, Role.MEDIATOR}
    assert not user.is_staff


def test_unit_handler_without_a_unit_is_refused(cast):
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.create_staff(
            username="nounit",
            full_name="某人",
            password=cast.password,
            roles=[Role.UNIT_HANDLER],
            centre=cast.county,
        )

    assert exc.value.message == "进驻单位办理人须指定所在单位"
    assert _counts() == before


def test_case_role_without_a_centre_is_refused(cast):
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.create_staff(
            username="nocentre", full_name="某人", password=cast.password, roles=[Role.WINDOW_CLERK]
        )

    assert exc.value.message == "业务角色须隶属于一个中心"
    assert _counts() == before


def test_administrator_with_a_centre_is_refused(cast):
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.create_staff(
            username="localadmin",
            full_name="某人",
            password=cast.password,
            roles=[Role.SYSTEM_ADMIN],
            centre=cast.town,
        )

    assert exc.value.message == "三员分立：管理员账户不得隶属于业务中心或单位"
    assert _counts() == before


def test_turning_a_clerk_into_an_administrator_is_refused_while_they_sit_in_a_centre(cast):
    before = _counts()

    with pytest.raises(DomainError) as exc:
        services.set_roles(cast.town_clerk, [Role.AUDIT_ADMIN], actor=cast.secadmin)

    assert exc.value.code == "admin_has_scope"
    assert cast.town_clerk.role_assignments.get().role == Role.WINDOW_CLERK
    assert _counts() == before


def test_create_staff_writes_a_role_change_entry(cast):
    user = services.create_staff(
        username="newclerk",
        full_name="新人",
        password=cast.password,
        roles=[Role.WINDOW_CLERK, Role.MEDIATOR],
        centre=cast.village,
        actor=cast.sysadmin,
        ip="10.1.1.1",
    )

    entry = AuditEntry.objects.filter(event=Event.ROLE_CHANGE, target=f"user:{user.username}").get()
    assert entry.actor_username == "sysadmin"
    assert entry.detail == {"added": ["mediator", "window_clerk"], "removed": []}


def test_set_roles_writes_added_and_removed_to_the_audit_log(cast):
    services.set_roles(
        cast.town_clerk, [Role.MEDIATOR, Role.SUPERVISOR], actor=cast.secadmin, ip="10.0.0.9"
    )

    entry = AuditEntry.objects.filter(event=Event.ROLE_CHANGE).order_by("-seq").first()
    assert entry.target == "user:town_clerk"
    assert entry.actor_username == "secadmin"
    assert entry.ip == "10.0.0.9"
    assert entry.detail == {"added": ["mediator", "supervisor"], "removed": ["window_clerk"]}
    assert cast.town_clerk.roles == {Role.MEDIATOR, Role.SUPERVISOR}


def test_set_roles_with_no_change_writes_nothing(cast):
    before = _counts()

    services.set_roles(cast.town_clerk, [Role.WINDOW_CLERK], actor=cast.secadmin)

    assert _counts() == before
