"""Warnings for the intake side panel: the same person seen before (keyed hash of the ID or
phone number, within the user's scope) and similar open cases (same place and category)."""

from datetime import timedelta

from django.db.models import Exists, OuterRef

from jiefen.cases.choices import OPEN_STATES
from jiefen.cases.models import Party
from jiefen.cases.parties import normalise_phone
from jiefen.cases.selectors import visible_cases
from jiefen.core import clock, crypto
from jiefen.core.errors import DomainError
from jiefen.core.identifiers import parse_citizen_id

SIMILAR_WINDOW_DAYS = 90


def _hashes(params) -> list[tuple[str, str]]:
    found = []
    for key, value in params.items():
        value = (value or "").strip()
        if not value:
            continue
        try:
            if key.endswith("id_number"):
                found.append(("id_hash", crypto.keyed_hash(parse_citizen_id(value).number)))
            elif key.endswith("phone"):
                found.append(("phone_hash", crypto.keyed_hash(normalise_phone(value))))
        except DomainError:
            continue
    return found


def check(user, params) -> dict:
    cases = visible_cases(user)
    earlier = []
    for field, value in _hashes(params):
        seen = cases.filter(Exists(Party.objects.filter(case=OuterRef("pk"), **{field: value})))
        earlier += list(
            seen.order_by("-registered_at").only("pk", "number", "title", "state", "registered_at")[
                :10
            ]
        )
    earlier = list({c.pk: c for c in earlier}.values())
    similar = []
    category, place = params.get("category"), params.get("region") or params.get("town")
    if category and place:
        since = clock.now() - timedelta(days=SIMILAR_WINDOW_DAYS)
        similar = list(
            cases.filter(
                category_id=category,
                region__code=place,
                state__in=list(OPEN_STATES),
                registered_at__gte=since,
            )
            .only("pk", "number", "title", "state", "registered_at")
            .order_by("-registered_at")[:5]
        )
    return {"earlier": earlier, "similar": similar}
