"""The county's risk-assessment system account: the actor of the daily reassessment (overdue
cases rise in risk without anyone acting on them). Analyst role at the county centre, no usable
password, never logs in; created on first use."""

import secrets

from django.db import IntegrityError, transaction

from jiefen.core.errors import DomainError
from jiefen.org.models import Centre, User
from jiefen.org.roles import Role

FULL_NAME = "系统风险研判"


def risk_actor(county_centre: Centre) -> User:
    username = f"risk-{county_centre.region.code[:6]}"
    user = _existing(username)
    if user is None:
        try:
            with transaction.atomic():
                _create(username, county_centre)
        except (IntegrityError, DomainError):
            pass  # created meanwhile
        user = _existing(username)
    if user is None:
        raise DomainError("系统风险研判账户配置有误，请联系管理员", "risk_account_invalid")
    return user


def _existing(username):
    user = User.objects.with_roles().filter(username=username, is_active=True).first()
    return user if user is not None and Role.ANALYST in user.roles else None


def _create(username, centre):
    from jiefen.org import services

    user = services.create_staff(
        username=username,
        full_name=FULL_NAME,
        password=f"Rr#{secrets.token_urlsafe(24)}9a",
        roles=[Role.ANALYST],
        centre=centre,
        must_change_password=False,
        job_title="系统账户",
    )
    user.set_unusable_password()
    user.save(update_fields=["password"])
