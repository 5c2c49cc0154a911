"""The category classifier: TF-IDF over character n-grams and jieba words, a linear SVM with
sigmoid-calibrated probabilities (scikit-learn). Trained on the bootstrap set plus the
deployment's own closed cases; each trained model is stored as a numbered version in the
database, one of them active."""

import hashlib
import io
import random
import threading
import time
from dataclasses import dataclass

import joblib
import numpy as np
from django.db import transaction
from django.db.models import Max
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from jiefen.cases.choices import State
from jiefen.cases.models import Case
from jiefen.core import clock
from jiefen.core.errors import DomainError
from jiefen.org.models import Category
from jiefen.triage import bootstrap
from jiefen.triage.models import ClassifierModel
from jiefen.triage.text import case_text, normalise, words

MIN_EXAMPLES_PER_CATEGORY = 5
DEFAULT_MAX_CASES = 200_000
CACHE_SECONDS = 30


def build_pipeline(seed: int) -> Pipeline:
    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char",
                    ngram_range=(1, 3),
                    preprocessor=normalise,
                    sublinear_tf=True,
                    min_df=1,
                    max_features=300_000,
                    dtype=np.float32,
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    tokenizer=words,
                    preprocessor=normalise,
                    token_pattern=None,
                    lowercase=False,
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    max_features=200_000,
                    dtype=np.float32,
                ),
            ),
        ]
    )
    svm = LinearSVC(C=1.0, random_state=seed)
    calibrated = CalibratedClassifierCV(
        svm,
        method="sigmoid",
        cv=StratifiedKFold(n_splits=3, shuffle=True, random_state=seed),
        ensemble=False,
    )
    return Pipeline([("features", features), ("model", calibrated)])


@dataclass
class TrainingSet:
    texts: list[str]
    labels: list[str]
    bootstrap_count: int
    case_count: int
    dropped: dict  # category code -> examples, for categories too small to learn


def training_set(*, use_cases: bool = True, max_cases: int = DEFAULT_MAX_CASES) -> TrainingSet:
    examples = bootstrap.load()
    texts = [e.full_text for e in examples]
    labels = [e.category for e in examples]
    case_count = 0
    if use_cases:
        rows = (
            Case.objects.filter(state__in=[State.CLOSED, State.ARCHIVED], merged_into__isnull=True)
            .order_by("-closed_at")
            .values_list("title", "description", "category__code")[:max_cases]
        )
        for title, description, code in rows.iterator(chunk_size=5000):
            texts.append(case_text(title, description))
            labels.append(code)
            case_count += 1
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    small = {c: n for c, n in counts.items() if n < MIN_EXAMPLES_PER_CATEGORY}
    if small:
        kept = [(t, lab) for t, lab in zip(texts, labels, strict=True) if lab not in small]
        texts, labels = [t for t, _ in kept], [lab for _, lab in kept]
    return TrainingSet(texts, labels, len(examples), case_count, small)


def fit(texts: list[str], labels: list[str], seed: int) -> Pipeline:
    if len(set(labels)) < 2:
        raise DomainError("训练样本至少需要两个类别", "too_few_categories")
    random.seed(seed)
    np.random.seed(seed)
    return build_pipeline(seed).fit(texts, labels)


def split(texts, labels, holdout: float, seed: int):
    """Stratified, seeded split: the same seed gives the same held-out examples."""
    return train_test_split(texts, labels, test_size=holdout, random_state=seed, stratify=labels)


def serialise(pipeline: Pipeline) -> bytes:
    buffer = io.BytesIO()
    joblib.dump(pipeline, buffer, compress=3)
    return buffer.getvalue()


@transaction.atomic
def save(pipeline, data: TrainingSet, *, seed, seconds, metrics, by="", activate=True):
    blob = serialise(pipeline)
    version = (ClassifierModel.objects.aggregate(v=Max("version"))["v"] or 0) + 1
    if activate:
        ClassifierModel.objects.filter(active=True).update(active=False)
    model = ClassifierModel.objects.create(
        version=version,
        created_at=clock.now(),
        created_by=by,
        seed=seed,
        bootstrap_examples=data.bootstrap_count,
        case_examples=data.case_count,
        categories=sorted(set(data.labels)),
        metrics=metrics,
        training_seconds=round(seconds, 3),
        sha256=hashlib.sha256(blob).hexdigest(),
        blob=blob,
        active=activate,
    )
    forget()
    return model


def train(
    *,
    seed: int = 42,
    use_cases: bool = True,
    max_cases=DEFAULT_MAX_CASES,
    by="",
    activate=True,
    holdout: float = 0.0,
):
    """Train a model and store it as the next version. With ``holdout`` a seeded share of the
    data is kept back first to measure it; the stored model is then fitted on everything."""
    data = training_set(use_cases=use_cases, max_cases=max_cases)
    metrics = {}
    if holdout:
        from jiefen.triage.evaluation import score

        train_x, test_x, train_y, test_y = split(data.texts, data.labels, holdout, seed)
        report = score(fit(train_x, train_y, seed), test_x, test_y)
        metrics = {
            "holdout": holdout,
            "accuracy": report.accuracy,
            "macro_f1": report.macro_f1,
            "examples": len(test_y),
        }
    started = time.perf_counter()
    pipeline = fit(data.texts, data.labels, seed)
    seconds = time.perf_counter() - started
    return save(
        pipeline, data, seed=seed, seconds=seconds, metrics=metrics, by=by, activate=activate
    ), data


def load_blob(model: ClassifierModel) -> Pipeline:
    blob = bytes(model.blob)
    if hashlib.sha256(blob).hexdigest() != model.sha256:
        raise DomainError(f"分类模型 v{model.version} 的校验值不符，拒绝加载", "model_tampered")
    return joblib.load(io.BytesIO(blob))


activate_lock = threading.Lock()
_cache = {"checked": 0.0, "version": None, "pipeline": None}


def forget() -> None:
    _cache.update(checked=0.0, version=None, pipeline=None)


def active_pipeline() -> tuple[int | None, Pipeline | None]:
    """The active model, loaded once per process and re-checked every few seconds."""
    now = time.monotonic()
    if now - _cache["checked"] < CACHE_SECONDS and _cache["pipeline"] is not None:
        return _cache["version"], _cache["pipeline"]
    version = ClassifierModel.objects.filter(active=True).values_list("version", flat=True).first()
    if version is None:
        forget()
        return None, None
    if version != _cache["version"]:
        with activate_lock:
            pipeline = load_blob(ClassifierModel.objects.get(version=version))
            _cache.update(version=version, pipeline=pipeline)
    _cache["checked"] = now
    return _cache["version"], _cache["pipeline"]


def active_version() -> int | None:
    return ClassifierModel.objects.filter(active=True).values_list("version", flat=True).first()


@dataclass(frozen=True)
class Prediction:
    code: str
    name: str
    probability: float


def predict(title: str, description: str, top: int = 3) -> tuple[int | None, list[Prediction]]:
    """Top categories with calibrated probabilities, best first; ([], None) without a model."""
    version, pipeline = active_pipeline()
    text = case_text(title, description)
    if pipeline is None or not text.strip():
        return version, []
    probabilities = pipeline.predict_proba([text])[0]
    classes = pipeline.classes_
    order = np.argsort(probabilities)[::-1][:top]
    names = dict(
        Category.objects.filter(code__in=[classes[i] for i in order]).values_list("code", "name")
    )
    return version, [
        Prediction(classes[i], names.get(classes[i], classes[i]), float(probabilities[i]))
        for i in order
    ]


def activate(version: int) -> ClassifierModel:
    with transaction.atomic():
        model = ClassifierModel.objects.select_for_update().filter(version=version).first()
        if model is None:
            raise DomainError(f"没有版本为 v{version} 的分类模型", "model_not_found")
        ClassifierModel.objects.filter(active=True).update(active=False)
        model.active = True
        model.save(update_fields=["active"])
    forget()
    return model
