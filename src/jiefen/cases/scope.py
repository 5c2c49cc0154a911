"""Who may act on a case, as opposed to who may see it (selectors.visible_cases)."""

from jiefen.cases.choices import UnitRole, UnitStatus
from jiefen.org.models import LEVEL_PREFIX_LENGTH, Centre, User


def code_range(prefix: str) -> tuple[int, int]:
    """The numeric range of every 12-digit region code that starts with ``prefix``."""
    width = 12 - len(prefix)
    low = int(prefix) * 10**width
    return low, low + 10**width


def region_within(code: str | int, prefix: str | None) -> bool:
    if prefix is None:
        return False
    low, high = code_range(prefix)
    return low <= int(code) < high


def centre_prefix(centre: Centre) -> str:
    return centre.region.code[: LEVEL_PREFIX_LENGTH[centre.region.level]]


def at_holding_centre(user: User, case) -> bool:
    """Staff of the centre that holds the case (not a unit handler stationed there)."""
    return user.unit_id is None and user.centre_id is not None and user.centre_id == case.centre_id


def oversees(user: User, case) -> bool:
    """The case's holding centre lies in the user's jurisdiction (same centre or one above)."""
    return user.unit_id is None and region_within(case.centre_code, user.jurisdiction_prefix)


def active_assignment(user: User, case):
    if user.unit_id is None:
        return None
    for assignment in case.units.all():
        if assignment.active and assignment.unit_id == user.unit_id:
            return assignment
    return None


def handles(user: User, case) -> bool:
    """The handler, a signed unit of the case, or the holding centre's own staff."""
    if case.handler_id == user.pk:
        return True
    assignment = active_assignment(user, case)
    if assignment is not None:
        return assignment.status == UnitStatus.SIGNED
    return at_holding_centre(user, case)


def is_lead_unit(user: User, case) -> bool:
    assignment = active_assignment(user, case)
    return (
        assignment is not None
        and assignment.role == UnitRole.LEAD
        and assignment.status == UnitStatus.SIGNED
    )


def portal_or_holding_centre(user, case) -> bool:
    """The holding centre's staff, or the portal account acting for the citizen (the web layer
    has checked the query code) on a case within its county."""
    from jiefen.org.roles import Role

    if Role.PUBLIC_PORTAL in user.roles:
        return oversees(user, case)
    return at_holding_centre(user, case)
