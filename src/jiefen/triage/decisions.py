"""Record, at each decision point, what the system suggested and what staff did, so the
suggestions can be measured (采纳率) and the classifier checked against staff's categories."""

from django.db.models import Count, Q

from jiefen.cases.choices import Action
from jiefen.core import clock
from jiefen.org.models import Level, Unit
from jiefen.triage import rules
from jiefen.triage.models import RoutingDecision

Stage = RoutingDecision.Stage


def _record(
    case,
    stage,
    action,
    actor,
    *,
    suggested,
    suggested_label,
    chosen,
    chosen_label,
    followed,
    **extra,
):
    return RoutingDecision.objects.create(
        case=case,
        stage=stage,
        action=action,
        actor=actor,
        at=clock.now(),
        suggested=suggested,
        suggested_label=suggested_label,
        chosen=chosen,
        chosen_label=chosen_label,
        followed=followed,
        **extra,
    )


def on_register(case, actor, *, suggested_code: str, probability=None, version=None):
    """The category the intake panel showed the clerk (its top prediction), against the one
    registered. Recorded by the intake screen, which knows what was on the screen; the kernel's
    registration path stays free of the classifier."""
    from jiefen.org.models import Category

    shown = Category.objects.filter(code=suggested_code).first()
    if shown is None:
        return None
    try:
        probability = min(max(float(probability), 0.0), 1.0)
    except (TypeError, ValueError):
        probability = None
    try:
        version = int(version)
    except (TypeError, ValueError):
        version = None
    return _record(
        case,
        Stage.CATEGORY,
        Action.REGISTER,
        actor,
        suggested=shown.code,
        suggested_label=shown.name,
        chosen=case.category.code,
        chosen_label=case.category.name,
        followed=shown.code == case.category.code,
        confidence=round(probability, 4) if probability is not None else None,
        model_version=version,
    )


def _fired_names(suggestion) -> list[str]:
    return [f.rule.name for f in suggestion.fired]


def on_level(case, action, actor, chosen_level: str):
    suggestion = rules.suggest(rules.Facts.of_case(case))
    if not suggestion.target_level:
        return
    _record(
        case,
        Stage.LEVEL,
        action,
        actor,
        suggested=suggestion.target_level,
        suggested_label=Level(suggestion.target_level).label,
        chosen=chosen_level,
        chosen_label=Level(chosen_level).label,
        followed=suggestion.target_level == chosen_level,
        rules=_fired_names(suggestion),
    )


def on_dispatch(case, actor):
    lead = next(
        (cu.unit for cu in case.units.filter(active=True, role="lead").select_related("unit")), None
    )
    suggestion = rules.suggest(rules.Facts.of_case(case))
    if lead is None or (suggestion.lead_unit is None and not suggestion.lead_unit_kind):
        return
    if suggestion.lead_unit is not None:
        suggested, label = f"unit:{suggestion.lead_unit.pk}", suggestion.lead_unit.name
        followed = lead.pk == suggestion.lead_unit.pk
    else:
        suggested, label = (
            f"kind:{suggestion.lead_unit_kind}",
            Unit.Kind(suggestion.lead_unit_kind).label,
        )
        followed = lead.kind == suggestion.lead_unit_kind
    _record(
        case,
        Stage.UNIT,
        Action.DISPATCH,
        actor,
        suggested=suggested,
        suggested_label=label,
        chosen=f"unit:{lead.pk}",
        chosen_label=lead.name,
        followed=followed,
        rules=_fired_names(suggestion),
    )


def quality(decisions) -> list[dict]:
    """Per stage: how many suggestions, how many followed, the rate."""
    rows = decisions.values("stage").annotate(
        total=Count("id"), followed=Count("id", filter=Q(followed=True))
    )
    labels = dict(Stage.choices)
    result = []
    for row in sorted(rows, key=lambda r: list(labels).index(r["stage"])):
        rate = row["followed"] / row["total"] if row["total"] else 0.0
        result.append({**row, "label": labels[row["stage"]], "rate": rate})
    return result


def by_rule(decisions) -> list[dict]:
    """Per fired rule (level and unit stages): suggestions and how often staff followed them."""
    counts: dict[str, list[int]] = {}
    for fired, followed in decisions.exclude(stage=Stage.CATEGORY).values_list("rules", "followed"):
        for name in fired or []:
            total_followed = counts.setdefault(name, [0, 0])
            total_followed[0] += 1
            total_followed[1] += int(followed)
    return sorted(
        ({"rule": n, "total": t, "followed": f, "rate": f / t} for n, (t, f) in counts.items()),
        key=lambda r: (-r["total"], r["rule"]),
    )
