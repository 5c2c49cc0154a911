"""Repeat visitors and possible duplicates.

Repeat visitor: the same person (keyed hash of the ID or phone number) in an earlier case the
user can see. Possible duplicate: an open case in the user's scope, registered within the
configured window, with the same applicant, or whose text is close (cosine similarity of
TF-IDF weighted jieba words; the weights come from the bootstrap set, so words every intake
note shares count little and names, places and particulars count much — a word the set never
saw gets the highest weight)."""

import threading
from dataclasses import dataclass, field
from datetime import timedelta

import numpy as np
from django.db.models import Exists, OuterRef
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

from jiefen.cases.choices import OPEN_STATES
from jiefen.cases.models import Case, Party
from jiefen.cases.selectors import visible_cases
from jiefen.core import clock
from jiefen.triage import bootstrap
from jiefen.triage.risk import any_of, config
from jiefen.triage.text import case_text, normalise, words

MAX_CANDIDATES = 2000
MAX_SHOWN = 5

_lock = threading.Lock()
_model = {}


def _vectoriser():
    if not _model:
        with _lock:
            if not _model:
                hashing = HashingVectorizer(
                    tokenizer=words,
                    token_pattern=None,
                    lowercase=False,
                    preprocessor=normalise,
                    n_features=2**20,
                    alternate_sign=False,
                    norm=None,
                )
                background = [e.full_text for e in bootstrap.load()]
                idf = TfidfTransformer(sublinear_tf=True).fit(hashing.transform(background))
                _model.update(hashing=hashing, idf=idf)
    return _model["hashing"], _model["idf"]


def vectors(texts: list[str]):
    hashing, idf = _vectoriser()
    return idf.transform(hashing.transform(texts))


def similarity(a: str, b: str) -> float:
    m = vectors([a, b])
    return float((m[0] @ m[1].T).toarray()[0, 0])


@dataclass
class Match:
    case: Case
    score: float
    reasons: list[str] = field(default_factory=list)


def earlier_cases(user, hashes: list[tuple[str, str]], *, exclude_pk=None, limit=10) -> list[Case]:
    """Cases in the user's scope with a party carrying one of these keyed hashes, newest first."""
    if not hashes:
        return []
    seen = (
        visible_cases(user)
        .filter(Exists(Party.objects.filter(any_of(hashes), case=OuterRef("pk"))))
        .exclude(pk=exclude_pk)
        .only("pk", "number", "title", "state", "registered_at", "category__name")
        .select_related("category")
        .order_by("-registered_at")
    )
    return list(seen[:limit])


def similar_open_cases(
    user, *, title: str, description: str, hashes=(), exclude_pk=None, now=None
) -> list[Match]:
    policy, _ = config()
    now = now or clock.now()
    since = now - timedelta(days=policy.similar_window_days)
    candidates = list(
        visible_cases(user)
        .filter(state__in=list(OPEN_STATES), registered_at__gte=since)
        .exclude(pk=exclude_pk)
        .only("pk", "number", "title", "description", "state", "registered_at")
        .order_by("-registered_at")[:MAX_CANDIDATES]
    )
    if not candidates:
        return []
    same_party = set()
    if hashes:
        same_party = set(
            Party.objects.filter(
                any_of(hashes), case_id__in=[c.pk for c in candidates]
            ).values_list("case_id", flat=True)
        )
    query = case_text(title, description)
    scores = np.zeros(len(candidates))
    if query.strip():
        m = vectors([query] + [case_text(c.title, c.description) for c in candidates])
        scores = (m[1:] @ m[0].T).toarray().ravel()
    matches = []
    for case, score in zip(candidates, scores, strict=True):
        reasons = []
        if case.pk in same_party:
            reasons.append("同一当事人")
        if score >= policy.similar_min_score:
            reasons.append(f"内容相似度 {score:.0%}")
        if reasons:
            matches.append(Match(case, float(score), reasons))
    matches.sort(key=lambda m: (len(m.reasons), m.score), reverse=True)
    return matches[:MAX_SHOWN]
