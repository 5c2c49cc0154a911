"""The county's risk-assessment system account: the actor of the daily reassessment (overdue
cases rise in risk without anyone acting on them). Analyst role at the county centre, no usable
password, never logs in; created on first use."""

from jiefen.core.errors import DomainError
from jiefen.org.models import Centre, User
from jiefen.org.roles import Role
from jiefen.org.services import system_account

FULL_NAME = "系统风险研判"


def risk_actor(county_centre: Centre) -> User:
    username = f"risk-{county_centre.region.code[:6]}"
    user = system_account(username, FULL_NAME, Role.ANALYST, county_centre)
    if user is None:
        raise DomainError("系统风险研判账户配置有误，请联系管理员", "risk_account_invalid")
    return user
