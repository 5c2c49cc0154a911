"""Verify every case's hash-chained history (``jiefen verify-chains``)."""

from dataclasses import dataclass

from jiefen.cases.kernel import event_payload
from jiefen.cases.models import Case, CaseEvent
from jiefen.core.hashing import GENESIS, link_hash


@dataclass
class BrokenChain:
    case_number: str
    seq: int | None
    message: str

    def __str__(self):
        where = f"事项 {self.case_number}" + (f" 第 {self.seq} 条记录" if self.seq else "")
        return f"{where}：{self.message}"


def verify_case(case: Case, events) -> BrokenChain | None:
    """The first break in one case's chain, or None."""
    prev_hash, expected_seq = GENESIS, 1
    for event in events:
        if event.seq != expected_seq or event.prev_hash != prev_hash:
            return BrokenChain(
                case.number,
                event.seq,
                f"与第 {expected_seq - 1} 条记录的链接断开：有记录被删除或改动",
            )
        if link_hash(event.prev_hash, event_payload(event, case.number)) != event.hash:
            return BrokenChain(case.number, event.seq, "内容与其哈希不符：该记录被改动")
        prev_hash, expected_seq = event.hash, expected_seq + 1
    if expected_seq - 1 != case.event_count or prev_hash != (case.last_event_hash or GENESIS):
        return BrokenChain(
            case.number,
            None,
            f"应有 {case.event_count} 条流转记录，实有 {expected_seq - 1} 条：最新的记录被删除",
        )
    return None


def verify_all(batch_size: int = 2000, cases=None):
    """Yield the first break of every broken case, walking the cases in primary-key batches."""
    cases = (
        (cases if cases is not None else Case.objects.all())
        .order_by("pk")
        .only("pk", "number", "event_count", "last_event_hash")
    )
    last_pk = 0
    while True:
        batch = list(cases.filter(pk__gt=last_pk)[:batch_size])
        if not batch:
            return
        by_case: dict[int, list] = {c.pk: [] for c in batch}
        for event in CaseEvent.objects.filter(case_id__in=by_case).order_by("case_id", "seq"):
            by_case[event.case_id].append(event)
        for case in batch:
            if (problem := verify_case(case, by_case[case.pk])) is not None:
                yield problem
        last_pk = batch[-1].pk
