"""Roles and the separation of the three administrators (三员分立, DOMAIN.md §8)."""

from django.db import models


class Role(models.TextChoices):
    WINDOW_CLERK = "window_clerk", "窗口受理员"
    MEDIATOR = "mediator", "调解员"
    UNIT_HANDLER = "unit_handler", "进驻单位办理人"
    SUPERVISOR = "supervisor", "督查员"
    ANALYST = "analyst", "研判员"
    CENTRE_LEADER = "centre_leader", "中心领导"
    COUNTY_LEADER = "county_leader", "县领导（接访）"
    GRID_WORKER = "grid_worker", "网格员"
    PUBLIC_PORTAL = "public_portal", "网上服务（系统账户）"
    SYSTEM_ADMIN = "system_admin", "系统管理员"
    SECURITY_ADMIN = "security_admin", "安全管理员"
    AUDIT_ADMIN = "audit_admin", "审计管理员"


ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
# The portal's service account acts for citizens who proved who they are with a case's query
# code; it never logs in.
SERVICE_ROLES = frozenset({Role.PUBLIC_PORTAL})
# Roles of people who work on cases.
CASE_ROLES = frozenset(set(Role) - ADMIN_ROLES - SERVICE_ROLES)
# Roles whose holder works inside one stationed unit rather than the whole centre.
UNIT_ROLES = frozenset({Role.UNIT_HANDLER})


def separation_problem(roles) -> str | None:
    """Why this set of roles may not be held by one person, or None when it may."""
    roles = {Role(r) for r in roles}
    admin = roles & ADMIN_ROLES
    if len(admin) > 1:
        names = "、".join(sorted(Role(r).label for r in admin))
        return f"三员分立：{names}不得由同一人兼任"
    if admin and roles - admin:
        return f"三员分立：{Role(next(iter(admin))).label}不得兼任业务角色"
    return None
