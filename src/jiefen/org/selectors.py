"""Reads of the organisation, all bounded by the reader's jurisdiction."""

from jiefen.core import clock
from jiefen.org.models import Centre, DutyShift, Region, Unit, User
from jiefen.org.roles import SERVICE_ROLES


def regions_in_scope(user: User):
    prefix = user.jurisdiction_prefix
    if prefix is None:
        return Region.objects.none()
    return Region.objects.current().within(prefix)


def centres_in_scope(user: User):
    prefix = user.jurisdiction_prefix
    if prefix is None:
        return Centre.objects.none()
    return Centre.objects.filter(
        region__code__startswith=prefix, region__valid_to__isnull=True
    ).select_related("region")


def units_in_scope(user: User):
    prefix = user.jurisdiction_prefix
    if prefix is None:
        return Unit.objects.none()
    units = Unit.objects.filter(region__code__startswith=prefix, active=True).select_related(
        "centre", "region"
    )
    if user.unit_id is not None:
        units = units.filter(pk=user.unit_id)
    return units


def staff_in_scope(user: User):
    prefix = user.jurisdiction_prefix
    if prefix is None:
        return User.objects.none()
    return (
        User.objects.with_roles()
        .filter(centre__region__code__startswith=prefix, is_active=True)
        .exclude(role_assignments__role__in=SERVICE_ROLES)
    )


def duty_today(centre: Centre | None):
    if centre is None:
        return DutyShift.objects.none()
    return (
        DutyShift.objects.filter(centre=centre, date=clock.today())
        .select_related("user")
        .order_by("shift", "duty_role")
    )
