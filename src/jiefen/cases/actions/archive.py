"""Archiving (归档): the closed case becomes read-only."""

from jiefen.cases import scope
from jiefen.cases.actions._common import CENTRE_DESK, text
from jiefen.cases.choices import Action, State
from jiefen.cases.kernel import Step, action


@action(
    Action.ARCHIVE, from_states=[State.CLOSED], roles=CENTRE_DESK, scope=scope.at_holding_centre
)
def archive(ctx, *, note="") -> Step:
    """File the closed case; nothing may change it afterwards. Event: archive."""
    case = ctx.case
    case.archived_at = ctx.now
    return Step(
        State.ARCHIVED,
        note=text(note, "归档说明", required=False, max_length=2000),
        data={"number": case.number},
    )
