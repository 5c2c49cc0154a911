from jiefen.cases.models.case import Case, CaseLink, CaseNumberSequence, CaseUnit, CaseWatcher
from jiefen.cases.models.events import CaseEvent, DeadlinePolicy, OutboxMessage
from jiefen.cases.models.party import Party
from jiefen.cases.models.records import (
    Agreement,
    Attachment,
    Extension,
    FollowUp,
    MediationSession,
    Supervision,
)

__all__ = [
    "Agreement",
    "Attachment",
    "Case",
    "CaseEvent",
    "CaseLink",
    "CaseNumberSequence",
    "CaseUnit",
    "CaseWatcher",
    "DeadlinePolicy",
    "Extension",
    "FollowUp",
    "MediationSession",
    "OutboxMessage",
    "Party",
    "Supervision",
]
