"""The one door for every read of cases: ``visible_cases(user)``.

Centre staff see every case placed in their region subtree. Because a case is only ever held by
a centre whose area contains its place (registering, delegating and escalating all keep that
true), this also covers "held in the subtree" and the lower centres that handed a case up — so
the scope is one numeric range on an indexed column. Unit handlers see the cases dispatched to
their unit; the three administrators see none.
"""

from django.db import connection
from django.db.models import F, Prefetch
from django.http import Http404

from jiefen.cases.models import Case, CaseEvent, CaseUnit, Party
from jiefen.cases.scope import code_range

LIST_PARTY_FIELDS = ["id", "case_id", "role", "kind", "name"]


def visible_cases(user):
    cases = Case.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_administrator:
        return cases.none()
    if user.unit_id is not None:
        # "id IN (the unit's case ids)", not a correlated EXISTS: SQLite answers EXISTS by scanning
        # the unit's assignments once per case (minutes at 200 000 cases); IN reads them once.
        return cases.filter(pk__in=CaseUnit.objects.filter(unit_id=user.unit_id).values("case_id"))
    prefix = user.jurisdiction_prefix
    if prefix is None:
        return cases.none()
    low, high = code_range(prefix)
    if connection.vendor == "sqlite":
        # SQLite keeps no statistics unless ANALYZE has run, and then prefers the place_code index
        # and sorts the whole jurisdiction (0.7–2.3 s at 1 M cases). "place_code + 0" takes that
        # index out of play, so a newest-first list walks case_recent and stops after a page.
        return cases.alias(place=F("place_code") + 0).filter(place__gte=low, place__lt=high)
    return cases.filter(place_code__gte=low, place_code__lt=high)


def for_lists(cases):
    """What a list row shows, fetched in a fixed number of queries (no personal numbers decrypted)."""
    return cases.select_related("category", "centre", "region", "handler").prefetch_related(
        Prefetch("parties", queryset=Party.objects.only(*LIST_PARTY_FIELDS).order_by("id")),
        Prefetch(
            "units",
            queryset=CaseUnit.objects.filter(active=True).select_related("unit"),
            to_attr="active_units",
        ),
    )


def work_list(user, *, state=None, page: int = 1, size: int = 20):
    cases = visible_cases(user)
    if state:
        cases = cases.filter(state=state)
    start = (max(page, 1) - 1) * size
    return list(for_lists(cases.order_by("-registered_at", "-id"))[start : start + size])


def get_case_for_user_or_404(user, pk) -> Case:
    """The case with everything the detail page shows, or 404 when the user may not see it."""
    try:
        return (
            visible_cases(user)
            .select_related(
                "category",
                "centre__region",
                "region",
                "handler",
                "first_responder",
                "registered_by",
                "source_unit",
                "merged_into",
                "escalation_target",
            )
            .prefetch_related(
                "parties",
                Prefetch("units", queryset=CaseUnit.objects.select_related("unit").order_by("id")),
                Prefetch(
                    "events",
                    queryset=CaseEvent.objects.order_by("seq").prefetch_related("attachments"),
                ),
                "sessions__mediator",
                "agreements",
                "follow_ups__by",
                "supervisions__by",
                "extensions",
                "attachments",
                "links__other",
                "watchers__centre",
            )
            .get(pk=pk)
        )
    except (Case.DoesNotExist, ValueError, TypeError):
        raise Http404("事项不存在或不在您的管辖范围内") from None


def find_by_number(user, number: str) -> Case | None:
    return visible_cases(user).filter(number=number.strip()).first()
