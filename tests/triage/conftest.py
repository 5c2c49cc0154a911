"""A classifier trained once per test session on the shipped bootstrap set (a few seconds),
stored as the active model version in each test that asks for it."""

import hashlib

import pytest

from jiefen.core import clock
from jiefen.triage import bootstrap, classifier
from jiefen.triage.models import ClassifierModel

_trained = {}


def _blob() -> bytes:
    if "blob" not in _trained:
        examples = bootstrap.load()
        pipeline = classifier.fit(
            [e.full_text for e in examples], [e.category for e in examples], 42
        )
        _trained["blob"] = classifier.serialise(pipeline)
        _trained["categories"] = sorted({e.category for e in examples})
        _trained["count"] = len(examples)
    return _trained["blob"]


@pytest.fixture
def trained_model(db):
    blob = _blob()
    classifier.forget()
    model = ClassifierModel.objects.create(
        version=1,
        created_at=clock.now(),
        seed=42,
        bootstrap_examples=_trained["count"],
        case_examples=0,
        categories=_trained["categories"],
        training_seconds=0.0,
        sha256=hashlib.sha256(blob).hexdigest(),
        blob=blob,
        active=True,
    )
    yield model
    classifier.forget()
