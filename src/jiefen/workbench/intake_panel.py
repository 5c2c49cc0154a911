"""The intake side panel, for what has been typed so far: the category the classifier reads in
the text, the routing suggestion and its reasons, the same person seen before (keyed hash of
the ID or phone number, within the user's scope) and possible duplicates among open cases."""

from decimal import Decimal, InvalidOperation

from jiefen.cases.parties import normalise_phone
from jiefen.core import crypto
from jiefen.core.errors import DomainError
from jiefen.core.identifiers import parse_citizen_id
from jiefen.org.models import Category, Region
from jiefen.triage import classifier, rules, similar


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


def _int(value, default=1) -> int:
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return default


def _amount(value):
    try:
        return Decimal(value) if value not in (None, "") else None
    except InvalidOperation:
        return None


def facts(params, category: Category | None) -> rules.Facts:
    place = params.get("region") or params.get("town") or ""
    if place and not Region.objects.filter(code=place).exists():
        place = ""
    return rules.Facts(
        matter_type=params.get("matter_type", ""),
        category_code=category.code if category else "",
        place_code=place,
        people=_int(params.get("people_count")),
        amount=_amount(params.get("amount")),
        is_group=params.get("is_group") in ("on", "true", "1"),
        text=f"{params.get('title', '')} {params.get('description', '')}",
        risk_level=params.get("risk_level") or "none",
    )


def check(user, params) -> dict:
    title, description = params.get("title", ""), params.get("description", "")
    category = None
    if (params.get("category") or "").isdigit():
        category = Category.objects.filter(pk=params["category"], active=True).first()
    if description.strip():
        version, predictions = classifier.predict(title, description)
    else:
        version, predictions = classifier.active_version(), []
    hashes = _hashes(params)
    suggestion = rules.suggest(facts(params, category))
    ids = dict(
        Category.objects.filter(code__in=[p.code for p in predictions]).values_list("code", "pk")
    )
    return {
        "predictions": [(p, ids.get(p.code)) for p in predictions],
        "category_differs": bool(
            predictions
            and category
            and predictions[0].code != category.code
            and predictions[0].probability >= 0.5
        ),
        "model_version": version,
        "suggestion": suggestion,
        "earlier": similar.earlier_cases(user, hashes),
        "similar": similar.similar_open_cases(
            user, title=title, description=description, hashes=hashes
        )
        if (description.strip() or hashes)
        else [],
    }
