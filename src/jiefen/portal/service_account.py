"""The portal's service account: one per county, the actor of every case action the public side
takes (register an online submission, supplement, take the result, rate).

It holds the PUBLIC_PORTAL role at the county centre, so its scope is the county; it has no
usable password and never logs in. The web layer decides when it may act for a citizen (the
case's query code was checked), the kernel decides what it may do (the lifecycle table).
"""

from jiefen.cases.errors import CaseError
from jiefen.org import services
from jiefen.org.models import Centre, Level, User
from jiefen.org.roles import Role

FULL_NAME = "网上服务平台"


def county_code_of(code: str) -> str:
    return str(code)[:6] + "000000"


def county_centre(centre_or_region) -> Centre:
    """The county centre above a centre or a region (by the first six digits of its code)."""
    region = getattr(centre_or_region, "region", centre_or_region)
    code = county_code_of(region.code)
    centre = (
        Centre.objects.select_related("region")
        .filter(region__code=code, region__level=Level.COUNTY, region__valid_to__isnull=True)
        .first()
    )
    if centre is None:
        raise CaseError(
            "该县（市、区）尚未开通网上服务，请到当地中心窗口办理", "portal_not_available"
        )
    return centre


def portal_actor(centre_or_region) -> User:
    """The county's service user, created on first use."""
    centre = county_centre(centre_or_region)
    user = services.system_account(
        f"portal-{centre.region.code[:6]}", FULL_NAME, Role.PUBLIC_PORTAL, centre
    )
    if user is None:  # pragma: no cover - only if the username is held by a non-portal account
        raise CaseError("网上服务账户配置有误，请联系管理员", "portal_account_invalid")
    return user


def is_portal_account(user) -> bool:
    return Role.PUBLIC_PORTAL in getattr(user, "roles", set())
