"""What the case page shows of the triage layer: the live risk assessment and its signals, the
case's warnings, the routing suggestion with its reasons, and possible duplicates."""

from jiefen.cases.choices import OPEN_STATES
from jiefen.triage import risk, rules, similar
from jiefen.triage.warnings import HANDLER_ROLES


def case_panel(case, user) -> dict:
    assessment = risk.assess_case(case)
    suggestion = rules.suggest(rules.Facts.of_case(case))
    duplicates = []
    if case.state in OPEN_STATES:
        duplicates = similar.similar_open_cases(
            user,
            title=case.title,
            description=case.description,
            hashes=risk.applicant_hashes(case),
            exclude_pk=case.pk,
        )
    return {
        "assessment": assessment,
        "warnings": list(case.risk_warnings.select_related("acknowledged_by", "handled_by")),
        "can_handle_warnings": bool(HANDLER_ROLES & user.roles),
        "suggestion": suggestion,
        "level_differs": bool(suggestion.target_level and suggestion.target_level != case.level),
        "duplicates": duplicates,
    }
