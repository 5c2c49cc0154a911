"""Every write to staff accounts, roles and scope. Each records what it did in the audit log."""

import secrets

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from jiefen.core import audit, clock, crypto
from jiefen.core.errors import DomainError
from jiefen.org.models import Centre, MediatorProfile, RoleAssignment, Unit, User
from jiefen.org.roles import ADMIN_ROLES, UNIT_ROLES, Role, separation_problem


def check_roles(roles: set[str], centre: Centre | None, unit: Unit | None) -> None:
    """Raise DomainError (Chinese message) if this person may not hold these roles here."""
    unknown = roles - set(Role.values)
    if unknown:
        raise DomainError(f"未知角色：{'、'.join(sorted(unknown))}", "unknown_role")
    if problem := separation_problem(roles):
        raise DomainError(problem, "role_separation")
    if roles - ADMIN_ROLES and centre is None:
        raise DomainError("业务角色须隶属于一个中心", "role_needs_centre")
    if roles & UNIT_ROLES and unit is None:
        raise DomainError("进驻单位办理人须指定所在单位", "role_needs_unit")
    if roles & ADMIN_ROLES and (centre is not None or unit is not None):
        raise DomainError("三员分立：管理员账户不得隶属于业务中心或单位", "admin_has_scope")
    if (
        unit is not None
        and centre is not None
        and unit.region.code[: len(centre.region.prefix)] != centre.region.prefix
    ):
        raise DomainError("所在单位不在该中心的辖区内", "unit_outside_centre")


@transaction.atomic
def create_staff(
    *,
    username,
    full_name,
    password,
    roles,
    centre=None,
    unit=None,
    phone="",
    job_title="",
    actor=None,
    ip=None,
    must_change_password=True,
    password_hash=None,
) -> User:
    """Create an account with its roles. Raises DomainError (Chinese message) on a bad role set
    or a password that breaks the policy; nothing is created then. ``password_hash`` (a hash of
    ``password`` made once) lets the demo loader skip hashing the same password 70 times."""
    roles = set(roles)
    check_roles(roles, centre, unit)
    if User.objects.filter(username=username).exists():
        raise DomainError(f"用户名“{username}”已被使用", "username_taken")
    user = User(
        username=username, full_name=full_name, centre=centre, unit=unit, job_title=job_title
    )
    _validate_password(password, user)
    if password_hash:
        user.password = password_hash
    else:
        user.set_password(password)
    user.password_changed_at = clock.now()
    user.must_change_password = must_change_password
    user.is_staff = bool(roles & ADMIN_ROLES)
    if phone:
        user.phone, user.phone_hash = phone, crypto.keyed_hash(phone)
    user.save()
    now = clock.now()
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=user, role=r, granted_at=now, granted_by=actor) for r in sorted(roles)]
    )
    audit.record(
        audit.Event.ROLE_CHANGE,
        user=actor,
        ip=ip,
        target=f"user:{user.username}",
        added=sorted(roles),
        removed=[],
    )
    return user


@transaction.atomic
def system_account(username: str, full_name: str, role, centre) -> User:
    """The active account ``username`` holding ``role`` (a system account: never logs in, no
    usable password), created at ``centre`` on first use; None if the name is held by an
    account without that role. Safe when two processes create it at once."""
    from django.db import IntegrityError

    def existing():
        user = User.objects.with_roles().filter(username=username, is_active=True).first()
        return user if user is not None and role in user.roles else None

    if (user := existing()) is not None:
        return user
    try:
        with transaction.atomic():
            # create_staff enforces the role rules and writes the audit row; the random password
            # only satisfies the password policy and is thrown away at once
            user = create_staff(
                username=username,
                full_name=full_name,
                password=f"Sa#{secrets.token_urlsafe(24)}9a",
                roles=[role],
                centre=centre,
                must_change_password=False,
                job_title="系统账户",
            )
            user.set_unusable_password()
            user.save(update_fields=["password"])
    except (IntegrityError, DomainError):
        pass  # created meanwhile
    return existing()


def set_roles(user: User, roles, *, actor, ip=None) -> None:
    """Replace a user's roles, enforcing 三员分立, and log the change."""
    roles = set(roles)
    check_roles(roles, user.centre, user.unit)
    current = set(user.role_assignments.values_list("role", flat=True))
    added, removed = roles - current, current - roles
    if not added and not removed:
        return
    user.role_assignments.filter(role__in=removed).delete()
    now = clock.now()
    RoleAssignment.objects.bulk_create(
        [RoleAssignment(user=user, role=r, granted_at=now, granted_by=actor) for r in sorted(added)]
    )
    User.objects.filter(pk=user.pk).update(is_staff=bool(roles & ADMIN_ROLES))
    _forget_roles(user)
    audit.record(
        audit.Event.ROLE_CHANGE,
        user=actor,
        ip=ip,
        target=f"user:{user.username}",
        added=sorted(added),
        removed=sorted(removed),
    )


@transaction.atomic
def set_scope(user: User, *, centre: Centre | None, unit: Unit | None, actor, ip=None) -> None:
    """Move a user to another centre or unit (their jurisdiction follows) and log it."""
    check_roles(user.roles, centre, unit)
    before = {"centre": user.centre_id, "unit": user.unit_id}
    user.centre, user.unit = centre, unit
    user.save(update_fields=["centre", "unit"])
    audit.record(
        audit.Event.SCOPE_CHANGE,
        user=actor,
        ip=ip,
        target=f"user:{user.username}",
        before=before,
        after={"centre": user.centre_id, "unit": user.unit_id},
    )


def change_password(user: User, new_password: str, *, ip=None) -> None:
    """Set a new password the user chose; clears the forced-change flag and restarts the 90 days."""
    _validate_password(new_password, user)
    if user.check_password(new_password):
        raise DomainError("新密码不能与当前密码相同", "password_reused")
    user.set_password(new_password)
    user.password_changed_at = clock.now()
    user.must_change_password = False
    user.save(update_fields=["password", "password_changed_at", "must_change_password"])
    audit.record(audit.Event.PASSWORD_CHANGE, user=user, ip=ip, target=f"user:{user.username}")


def set_mediator_profile(
    user: User, *, kind, organisation="", certificate_no="", specialities=()
) -> MediatorProfile:
    if Role.MEDIATOR not in user.roles:
        raise DomainError("只有调解员才能建立调解员档案", "not_a_mediator")
    profile, _ = MediatorProfile.objects.update_or_create(
        user=user,
        defaults={"kind": kind, "organisation": organisation, "certificate_no": certificate_no},
    )
    profile.specialities.set(specialities)
    return profile


def _validate_password(password: str, user: User) -> None:
    from django.core.exceptions import ValidationError

    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise DomainError("；".join(exc.messages), "password_policy") from exc


def _forget_roles(user: User) -> None:
    prefetched = getattr(user, "_prefetched_objects_cache", {})
    prefetched.pop("role_assignments", None)
    user.__dict__.pop("_roles", None)
