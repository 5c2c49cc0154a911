"""Classifier benchmark: training time, peak memory, model size and classification throughput of
the triage category classifier (src/jiefen/triage/classifier.py) on N generated closed cases plus
the bootstrap set. Prints a markdown table and writes bench/out/classify-<db>.{json,md}.

    python -m bench.classify                        # SQLite, 100 000 cases (~10 min on 2 cores)
    python -m bench.classify --cases 10000          # quick (~3 min)
    python -m bench.classify --db postgres          # the cases in a throw-away PostgreSQL cluster

What a run does (see bench/README.md, "Classifier: throughput and training time"):
  1. texts: N labelled case texts (title + description, category) from jiefen.cases.demo_text,
     the generator behind `jiefen demo`, plus held-out texts from another random stream;
  2. cases: bench.generate fills a temporary database with closed/archived cases (its lifecycle
     data as usual); their title, description and category are then overwritten with the N
     demo_text texts, and classifier.training_set(max_cases=N) reads them back, timed;
  3. training: classifier.fit on 80 % of the bootstrap notes (seeded, stratified, as
     `jiefen train --hold-out`) + the N cases, in a fresh process (its peak RSS is the
     training's), with the steps timed; then the same with the jieba word features dropped
     (character n-grams only: the baseline that says what jieba costs); model size is
     len(classifier.serialise(pipeline));
  4. quality: macro-F1 on the held-out 20 % of the bootstrap set, against a model trained on the
     80 % alone;
  5. throughput: one text at a time through predict_proba and through classifier.predict (the
     intake path, model stored and loaded as the active version), on the held-out bootstrap
     notes; batches of 1,000 held-out generated texts. Full model and baseline alternate.
"""

import argparse
import io
import json
import math
import os
import random
import resource
import shlex
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bench import pg as pgmod

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = {
    "full": "chars + jieba words (as shipped)",
    "chars": "chars only (baseline)",
}


def parse(argv):
    p = argparse.ArgumentParser(
        prog="python -m bench.classify",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--cases",
        type=int,
        default=100_000,
        help="generated closed cases added to the bootstrap set (default 100000)",
    )
    p.add_argument("--seed", type=int, default=42, help="texts, split and model (default 42)")
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument(
        "--holdout",
        type=float,
        default=0.2,
        help="share of the bootstrap set held out for macro-F1 and latency (default 0.2)",
    )
    p.add_argument(
        "--single", type=int, default=1000, help="single-text predictions per model (default 1000)"
    )
    p.add_argument("--batches", type=int, default=20, help="batches per model (default 20)")
    p.add_argument("--batch-size", type=int, default=1000, help="texts per batch (default 1000)")
    p.add_argument(
        "--jobs", type=int, default=2, help="bench.generate processes for the cases (default 2)"
    )
    p.add_argument(
        "--no-baseline", action="store_true", help="skip the chars-only model (saves ~40 %%)"
    )
    p.add_argument("--out", default=str(ROOT / "bench" / "out"))
    return p.parse_args(argv)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}Z] {msg}", flush=True)


def load() -> float:
    return round(os.getloadavg()[0], 2)


def rss_mb() -> float:
    """Resident set size now (not the peak)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def maxrss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main(argv=None) -> int:
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    argv = sys.argv[1:] if argv is None else argv
    args = parse(argv)
    from bench import dbenv

    tmp = tempfile.TemporaryDirectory(prefix=f"jiefen-classify-{args.db}.")
    base = Path(tmp.name)
    cluster = None
    started = time.perf_counter()
    try:
        url = None
        if args.db == "postgres":
            cluster = pgmod.ThrowawayCluster(log=log)
            cluster.start()
            url = cluster.url
        dbenv.configure(db=args.db, data_dir=str(base / "data"), database_url=url)
        (base / "data").mkdir(exist_ok=True)
        dbenv.setup_django()
        from bench.run import meta

        results = {"meta": meta(args, argv)}
        results["meta"]["command"] = f"python -m bench.classify {shlex.join(argv)}".strip()
        results["meta"]["database"] = dbenv.server_version()
        results["meta"]["libraries"] = _versions()
        log(f"database: {results['meta']['database']} (throw-away)")
        results["setup"] = dbenv.prepare(log=log)
        run(args, results, cluster)
        results["meta"]["total_s"] = round(time.perf_counter() - started, 1)
        results["meta"]["finished"] = datetime.now(UTC).isoformat(timespec="seconds")
        from django.db import connection

        connection.close()
    finally:
        if cluster:
            cluster.stop()
        tmp.cleanup()
    write(results, args)
    return 0


def _versions() -> dict:
    import jieba
    import joblib
    import numpy
    import scipy
    import sklearn

    return {
        "scikit-learn": sklearn.__version__,
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "jieba": jieba.__version__,
        "joblib": joblib.__version__,
    }


# --- the run ---------------------------------------------------------------------------------------


def run(args, results: dict, cluster) -> None:
    from jiefen.triage import bootstrap, classifier, evaluation, text

    loads = results["load"] = {"start": load()}
    n = args.cases

    # jieba's dictionary is loaded once per process, on the first text the word features see
    t0 = time.perf_counter()
    text._segmenter()
    results["jieba_init_s"] = round(time.perf_counter() - t0, 2)

    # 1. texts
    loads["texts"] = load()
    held_n = args.batches * args.batch_size
    log(f"1. generating {n:,} training texts and {held_n:,} held-out texts with demo_text …")
    t0 = time.perf_counter()
    train_gen = demo_texts(n, args.seed)
    held_gen = [t[:2] for t in demo_texts(held_n, args.seed + 1)]
    gen_s = time.perf_counter() - t0
    seen = {t[0] for t in train_gen}
    results["texts"] = {
        "train": n,
        "held_out": held_n,
        "seconds": round(gen_s, 1),
        "mean_chars": round(statistics.fmean(len(t[0]) for t in train_gen), 1) if n else None,
        "distinct_train": len(seen),
        "held_out_also_in_train": sum(t[0] in seen for t in held_gen),
        "categories": dict(Counter(t[1] for t in train_gen).most_common()),
    }
    del seen
    log(f"   {results['texts']['seconds']} s, mean {results['texts']['mean_chars']} characters")

    # 2. cases in the database, and the timed read of classifier.training_set
    loads["cases"] = load()
    results["cases"] = fill_database(n, train_gen, args, cluster) if n else {}
    loads["read"] = load()
    log(f"2b. classifier.training_set(use_cases=True, max_cases={n:,}) …")
    t0 = time.perf_counter()
    data = classifier.training_set(use_cases=True, max_cases=n)
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    classifier.training_set(use_cases=False)
    bootstrap_s = time.perf_counter() - t0
    b = data.bootstrap_count
    if data.dropped:
        raise SystemExit(f"categories dropped from the training set: {data.dropped}")
    case_texts, case_labels = data.texts[b:], data.labels[b:]
    expected = Counter(t[:2] for t in train_gen)
    got = Counter(zip(case_texts, case_labels, strict=True))
    results["read"] = {
        "seconds": round(read_s, 2),
        "bootstrap_only_seconds": round(bootstrap_s, 3),
        "bootstrap": b,
        "cases": data.case_count,
        "cases_per_s": round(data.case_count / read_s) if read_s else None,
        "identical_to_generated": sum((expected & got).values()),
    }
    log(f"   {results['read']}")
    del expected, got

    # the bootstrap split: the same call `jiefen train --write-held-out` makes
    examples = bootstrap.load()
    train_ex, held_ex = classifier.split(
        examples, [e.category for e in examples], args.holdout, args.seed
    )[0:2]
    held_ids = {e.id for e in held_ex}
    assert [e.full_text for e in examples] == data.texts[:b]
    boot_texts = [e.full_text for e in train_ex]
    boot_labels = [e.category for e in train_ex]
    train_texts = boot_texts + case_texts
    train_labels = boot_labels + case_labels
    held_texts = [e.full_text for e in held_ex]
    held_labels = [e.category for e in held_ex]
    results["split"] = {
        "seed": args.seed,
        "holdout": args.holdout,
        "bootstrap_train": len(train_ex),
        "bootstrap_held_out": len(held_ids),
        "held_out_mean_chars": round(statistics.fmean(len(t) for t in held_texts), 1),
        "training_examples": len(train_texts),
    }
    del data

    # 3. training, each variant in a fresh process
    training = results["training"] = {}
    variants = ["full"] + ([] if args.no_baseline else ["chars"])
    blobs = {}
    for variant in variants:
        loads[f"train {variant}"] = load()
        log(f"3. training {VARIANTS[variant]} on {len(train_texts):,} examples (own process) …")
        r = train_in_process(train_texts, train_labels, args.seed, variant)
        blobs[variant] = r.pop("blob")
        training[variant] = r
        log(
            f"   fit {r['fit_s']} s (CPU {r['fit_cpu_s']} s), steps {r['steps']}, peak RSS "
            f"{r['maxrss_mb']} MB, model {r['model_bytes'] / 2**20:.1f} MB, "
            f"{r['convergence_warnings']} convergence warnings"
        )
    del train_texts, train_labels, case_texts, case_labels

    # the reference: the same pipeline on the 80 % of the bootstrap set alone (small, in-process)
    loads["train bootstrap"] = load()
    t0 = time.perf_counter()
    boot_only = classifier.fit(boot_texts, boot_labels, args.seed)
    training["bootstrap_only"] = {
        "examples": len(boot_texts),
        "fit_s": round(time.perf_counter() - t0, 2),
        "model_bytes": len(classifier.serialise(boot_only)),
    }

    # store the full model as the active version: the intake path loads it from the database
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    loads["store"] = load()
    t0 = time.perf_counter()
    full = classifier.joblib.load(io.BytesIO(blobs["full"]))
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    stored = classifier.save(
        full,
        classifier.TrainingSet(boot_texts, boot_labels, len(boot_texts), n, {}),
        seed=args.seed,
        seconds=training["full"]["fit_s"],
        metrics={},
        by="bench.classify",
    )
    save_s = time.perf_counter() - t0
    classifier.forget()
    first = held_ex[0]
    t0 = time.perf_counter()
    classifier.predict(first.title, first.text)  # cold: reads the blob, checks sha256, unpickles
    cold_s = time.perf_counter() - t0
    with CaptureQueriesContext(connection) as ctx:
        classifier.predict(first.title, first.text)
    models = {"full": classifier.active_pipeline()[1]}
    results["store"] = {
        "version": stored.version,
        "joblib_load_s": round(load_s, 2),
        "save_s": round(save_s, 2),
        "first_predict_s": round(cold_s, 2),
        "queries_per_predict": len(ctx.captured_queries),
    }
    if "chars" in blobs:
        t0 = time.perf_counter()
        models["chars"] = classifier.joblib.load(io.BytesIO(blobs["chars"]))
        results["store"]["chars_joblib_load_s"] = round(time.perf_counter() - t0, 2)
    del blobs, full
    log(f"   stored as v{stored.version}: {results['store']}")

    # 4. quality on the held-out bootstrap notes
    loads["quality"] = load()
    quality = results["quality"] = {}
    for name, model in (("bootstrap_only", boot_only), *models.items()):
        report = evaluation.score(model, held_texts, held_labels)
        quality[name] = {
            "bootstrap_held_out": {
                "examples": len(held_labels),
                "accuracy": round(report.accuracy, 4),
                "macro_f1": round(report.macro_f1, 4),
                "per_category_f1": {c: v["f1"] for c, v in report.per_category.items()},
            }
        }
    log(
        f"4. held-out bootstrap macro-F1: { {k: v['bootstrap_held_out']['macro_f1'] for k, v in quality.items()} }"
    )

    # 5. throughput
    loads["single"] = load()
    log(f"5a. one text at a time: {args.single} calls per model and through classifier.predict …")
    results["single"] = single_text(models, held_ex, args.single)
    results["intake"] = results["single"].pop("intake")
    loads["batch"] = load()
    log(f"5b. {args.batches} batches of {args.batch_size} texts per model …")
    batch = results["batch"] = batches(models, held_gen, args.batch_size)
    held_gen_labels = [c for _, c in held_gen]
    for name in models:
        report = evaluation.score(
            _Fixed(batch[name].pop("predicted")), [t for t, _ in held_gen], held_gen_labels
        )
        quality[name]["generated_held_out"] = {
            "examples": len(held_gen_labels),
            "accuracy": round(report.accuracy, 4),
            "macro_f1": round(report.macro_f1, 4),
        }
    boot_pred = boot_only.predict([t for t, _ in held_gen])
    report = evaluation.score(_Fixed(list(boot_pred)), [t for t, _ in held_gen], held_gen_labels)
    quality["bootstrap_only"]["generated_held_out"] = {
        "examples": len(held_gen_labels),
        "accuracy": round(report.accuracy, 4),
        "macro_f1": round(report.macro_f1, 4),
    }
    loads["end"] = load()
    results["parent_maxrss_mb"] = maxrss_mb()


class _Fixed:
    """Stands in for a pipeline whose predictions were already made (evaluation.score calls
    ``predict`` once): the batch timings are not run twice."""

    def __init__(self, predicted):
        self.predicted = predicted

    def predict(self, texts):
        assert len(texts) == len(self.predicted)
        return self.predicted


# --- 1. texts ----------------------------------------------------------------------------------------


def demo_texts(n: int, seed: int) -> list[tuple[str, str, str, str]]:
    """n (text, category code, title, description) from demo_text sketches in the demo county's
    towns and villages; text = case_text(title, description), what the classifier sees."""
    from jiefen.cases import demo_text
    from jiefen.org.demo import TOWNS
    from jiefen.org.models import Category
    from jiefen.triage.text import case_text

    codes = dict(Category.objects.filter(source="ministry").values_list("name", "code"))
    places = [(town, village) for _, town, _, vs in TOWNS for _, village, _ in vs]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        town, village = rng.choice(places)
        s = demo_text.make_case(rng, village=village, town=town)
        out.append((case_text(s.title, s.description), codes[s.category], s.title, s.description))
    return out


# --- 2. the cases in the database --------------------------------------------------------------------


def fill_database(n: int, texts: list[tuple[str, str]], args, cluster) -> dict:
    """At least n closed or archived cases (bench.generate), the n most recently closed of them
    then given the generated texts and categories; the rest (beyond max_cases=n) other
    demo_text texts, so that a tie in closed_at cannot bring a template text into the read."""
    from django.db import connection, transaction

    from bench import generate
    from jiefen.cases.choices import State
    from jiefen.cases.models import Case
    from jiefen.org.models import Category

    def eligible():
        return Case.objects.filter(
            state__in=[State.CLOSED, State.ARCHIVED], merged_into__isnull=True
        )

    out = {"generated": 0, "generate_s": 0.0}
    if cluster:
        cluster.make_bulk()
    for _ in range(4):
        have = eligible().count()
        if have >= n:
            break
        # ~88 % of bench.generate's cases end closed or archived
        more = math.ceil((n - have) / 0.85) + 500
        log(f"2. bench.generate: {more:,} cases ({have:,} closed/archived so far) …")
        g = generate.generate(more, seed=args.seed, jobs=args.jobs, log=log)
        out["generated"] += g["cases"]
        out["generate_s"] = round(out["generate_s"] + g["timings"]["total_s"], 1)
        out["states"] = g["states"]
    if cluster:
        cluster.make_durable()
    ids = list(eligible().order_by("-closed_at", "-id").values_list("id", flat=True))
    out["closed_or_archived"] = len(ids)
    extra = demo_texts(max(0, len(ids) - n), args.seed + 2)
    pk = dict(Category.objects.filter(source="ministry").values_list("code", "pk"))
    rows = [
        (title, description, pk[code], case_id)
        for case_id, (_, code, title, description) in zip(ids, texts + extra, strict=False)
    ]
    log(f"2a. writing the texts into {len(rows):,} closed/archived cases …")
    table = Case._meta.db_table
    sql = f"UPDATE {table} SET title = %s, description = %s, category_id = %s WHERE id = %s"
    t0 = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        for i in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[i : i + 5000])
    out["rewrite_s"] = round(time.perf_counter() - t0, 1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {table}")
    return out


# --- 3. training in a fresh process -------------------------------------------------------------------


def train_in_process(texts, labels, seed: int, variant: str) -> dict:
    """Fit in a spawned process (its own django.setup()), so that its peak RSS is the training's:
    Django, the training set and the fit, like a `jiefen train` process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx) as pool:
        return pool.submit(train_job, texts, labels, seed, variant).result()


def train_job(texts, labels, seed: int, variant: str) -> dict:
    from bench import dbenv

    dbenv.setup_django()
    import warnings

    import numpy as np
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.feature_extraction.text import TfidfVectorizer

    from jiefen.triage import classifier

    # time the steps from inside the one fit: the methods are wrapped on the classes, in this
    # process only, so the fitted objects (and their pickles) are exactly classifier.fit's
    steps: list[dict] = []
    fit_transform, calibrated_fit = TfidfVectorizer.fit_transform, CalibratedClassifierCV.fit

    def timed_fit_transform(self, raw_documents, y=None, **kw):
        t0, c0 = time.perf_counter(), time.process_time()
        matrix = fit_transform(self, raw_documents, y, **kw)
        steps.append(
            {
                "step": "chars" if self.analyzer == "char" else "words",
                "seconds": round(time.perf_counter() - t0, 2),
                "cpu_s": round(time.process_time() - c0, 2),
                "features": int(matrix.shape[1]),
                "nnz": int(matrix.nnz),
            }
        )
        return matrix

    def timed_fit(self, X, y, **kw):
        t0, c0 = time.perf_counter(), time.process_time()
        fitted = calibrated_fit(self, X, y, **kw)
        steps.append(
            {
                "step": "svm+calibration",
                "seconds": round(time.perf_counter() - t0, 2),
                "cpu_s": round(time.process_time() - c0, 2),
                "features": int(X.shape[1]),
                "nnz": int(X.nnz),
            }
        )
        return fitted

    TfidfVectorizer.fit_transform = timed_fit_transform
    CalibratedClassifierCV.fit = timed_fit
    rss_before = rss_mb()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ConvergenceWarning)
            t0, c0 = time.perf_counter(), time.process_time()
            if variant == "full":
                pipeline = classifier.fit(texts, labels, seed)
            else:  # classifier.fit with the jieba word features dropped from the FeatureUnion
                random.seed(seed)
                np.random.seed(seed)
                pipeline = classifier.build_pipeline(seed).set_params(features__words="drop")
                pipeline.fit(texts, labels)
            fit_s, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        TfidfVectorizer.fit_transform, CalibratedClassifierCV.fit = fit_transform, calibrated_fit
    peak = maxrss_mb()
    t0 = time.perf_counter()
    blob = classifier.serialise(pipeline)
    serialise_s = time.perf_counter() - t0
    convergence = [w for w in caught if issubclass(w.category, ConvergenceWarning)]
    by_step = {s["step"]: s for s in steps}
    return {
        "variant": variant,
        "examples": len(texts),
        "classes": len(pipeline.classes_),
        "fit_s": round(fit_s, 2),
        "fit_cpu_s": round(fit_cpu, 2),
        "steps": by_step,
        "other_s": round(max(0.0, fit_s - sum(s["seconds"] for s in steps)), 2),
        "rss_before_fit_mb": rss_before,
        "maxrss_mb": peak,
        "serialise_s": round(serialise_s, 2),
        "model_bytes": len(blob),
        "convergence_warnings": len(convergence),
        "first_warning": str(convergence[0].message) if convergence else "",
        "blob": blob,
    }


# --- 5. throughput ------------------------------------------------------------------------------------


def summary_ms(seconds: list[float]) -> dict:
    from bench.measure import summary_ms as summary

    out = summary(seconds)
    if seconds:
        out["per_s"] = round(len(seconds) / sum(seconds), 1)
    return out


def single_text(models: dict, examples, n: int) -> dict:
    """One text at a time: predict_proba([text]) of each model, and classifier.predict(title,
    description) — the call made at registration: the active model (cached per process),
    case_text, predict_proba, the top 3 and one query for their names. The three alternate text
    by text (rotating which goes first), so that all see the same machine."""
    from jiefen.triage import classifier

    texts = [e.full_text for e in examples]
    calls = {
        name: (lambda i, m=model: m.predict_proba([texts[i]])) for name, model in models.items()
    }
    calls["intake"] = lambda i: classifier.predict(examples[i].title, examples[i].text)
    names = list(calls)
    for name in names:  # warm-up
        for i in range(min(20, len(texts))):
            calls[name](i)
    times = {name: [] for name in names}
    cpu = dict.fromkeys(names, 0.0)
    for k in range(n):
        i = k % len(texts)
        for j in range(len(names)):
            name = names[(k + j) % len(names)]
            t0, c0 = time.perf_counter(), time.process_time()
            calls[name](i)
            times[name].append(time.perf_counter() - t0)
            cpu[name] += time.process_time() - c0
    return {
        name: {**summary_ms(ts), "cpu_mean_ms": round(cpu[name] / len(ts) * 1000, 2)}
        for name, ts in times.items()
    }


def batches(models: dict, held: list[tuple[str, str]], size: int) -> dict:
    """predict_proba on batches of ``size`` texts, the models alternating batch by batch."""
    import numpy as np

    texts = [t for t, _ in held]
    names = list(models)
    for name in names:
        models[name].predict_proba(texts[:100])
    times = {name: [] for name in names}
    cpu = dict.fromkeys(names, 0.0)
    predicted = {name: [] for name in names}
    for k, i in enumerate(range(0, len(texts), size)):
        chunk = texts[i : i + size]
        for name in names if k % 2 == 0 else reversed(names):
            t0, c0 = time.perf_counter(), time.process_time()
            proba = models[name].predict_proba(chunk)
            times[name].append(time.perf_counter() - t0)
            cpu[name] += time.process_time() - c0
            predicted[name] += list(models[name].classes_[np.argmax(proba, axis=1)])
    out = {}
    for name in names:
        total = sum(times[name])
        out[name] = {
            "batches": len(times[name]),
            "batch_size": size,
            "texts": len(texts),
            "seconds": round(total, 2),
            "texts_per_s": round(len(texts) / total) if total else None,
            "cpu_s": round(cpu[name], 2),
            "texts_per_cpu_s": round(len(texts) / cpu[name]) if cpu[name] else None,
            "batch_p50_ms": round(statistics.median(times[name]) * 1000, 1),
            "predicted": predicted[name],
        }
    return out


# --- report ------------------------------------------------------------------------------------------


def _n(x, digits=0):
    if x is None:
        return "—"
    return f"{x:,.{digits}f}"


def _ratio(a, b, digits=2):
    if not a or not b:
        return "—"
    return f"{a / b:.{digits}f}×"


def headline(r: dict) -> list[tuple]:
    """(figure, full model, chars-only baseline, full ÷ baseline)."""
    tr = r["training"]
    full, chars = tr["full"], tr.get("chars", {})
    rows = [
        (
            "training examples (bootstrap 80 % + cases)",
            _n(full["examples"]),
            _n(chars.get("examples")),
            "",
        ),
        (
            "**fit time** (classifier.fit)",
            f"{full['fit_s']:,.1f} s",
            _s(chars.get("fit_s")),
            _ratio(full["fit_s"], chars.get("fit_s")),
        ),
    ]
    for step, label in (
        ("chars", "— TF-IDF char 1–3-grams (fit_transform)"),
        ("words", "— TF-IDF jieba words 1–2-grams (fit_transform)"),
        ("svm+calibration", "— LinearSVC + sigmoid calibration (3-fold + final)"),
    ):
        a = full["steps"].get(step, {}).get("seconds")
        b = chars.get("steps", {}).get(step, {}).get("seconds") if chars else None
        rows.append((label, _s(a), _s(b), ""))
    rows.append(
        ("— the rest (hstack, Pipeline)", _s(full["other_s"]), _s(chars.get("other_s")), "")
    )
    fa = full["steps"].get("svm+calibration", {}).get("features")
    fb = chars.get("steps", {}).get("svm+calibration", {}).get("features") if chars else None
    rows += [
        ("features", _n(fa), _n(fb), ""),
        (
            "**peak RSS** of the training process (ru_maxrss)",
            f"{full['maxrss_mb']:,.0f} MB",
            _mb(chars.get("maxrss_mb")),
            _ratio(full["maxrss_mb"], chars.get("maxrss_mb")),
        ),
        (
            "— RSS before the fit (Django + training set)",
            _mb(full["rss_before_fit_mb"]),
            _mb(chars.get("rss_before_fit_mb")),
            "",
        ),
        (
            "**model size** len(serialise(pipeline)), joblib compress=3",
            _mb(full["model_bytes"] / 2**20, 1),
            _mb(chars["model_bytes"] / 2**20, 1) if chars else "—",
            _ratio(full["model_bytes"], chars.get("model_bytes")),
        ),
        ("serialise time", _s(full["serialise_s"]), _s(chars.get("serialise_s")), ""),
        (
            "ConvergenceWarnings (LinearSVC, max_iter 1000)",
            str(full["convergence_warnings"]),
            str(chars.get("convergence_warnings", "—")),
            "",
        ),
    ]
    s, b = r["single"], r["batch"]
    sf, sc = s["full"], s.get("chars", {})
    rows += [
        (
            "**one text at a time**, predict_proba: texts/s",
            _n(sf["per_s"]),
            _n(sc.get("per_s")),
            _ratio(sf["per_s"], sc.get("per_s")),
        ),
        (
            "— latency p50 / p95",
            f"{sf['p50_ms']:.2f} / {sf['p95_ms']:.2f} ms",
            f"{sc['p50_ms']:.2f} / {sc['p95_ms']:.2f} ms" if sc else "—",
            _ratio(sf["p50_ms"], sc.get("p50_ms")),
        ),
        (
            "— CPU per text (process time, mean)",
            f"{sf['cpu_mean_ms']:.2f} ms",
            f"{sc['cpu_mean_ms']:.2f} ms" if sc else "—",
            _ratio(sf["cpu_mean_ms"], sc.get("cpu_mean_ms")),
        ),
        (
            "intake call classifier.predict(title, description): texts/s, p50 / p95",
            f"{r['intake']['per_s']:,.0f}/s, {r['intake']['p50_ms']:.2f} / {r['intake']['p95_ms']:.2f} ms",
            "",
            "",
        ),
        (
            f"**batches of {b['full']['batch_size']:,}**, predict_proba: texts/s",
            _n(b["full"]["texts_per_s"]),
            _n(b.get("chars", {}).get("texts_per_s")),
            _ratio(b["full"]["texts_per_s"], b.get("chars", {}).get("texts_per_s")),
        ),
        (
            "— texts per CPU second (process time)",
            _n(b["full"]["texts_per_cpu_s"]),
            _n(b.get("chars", {}).get("texts_per_cpu_s")),
            _ratio(b["full"]["texts_per_cpu_s"], b.get("chars", {}).get("texts_per_cpu_s")),
        ),
        (
            "— one batch, p50",
            f"{b['full']['batch_p50_ms']:,.0f} ms",
            f"{b['chars']['batch_p50_ms']:,.0f} ms" if "chars" in b else "—",
            "",
        ),
    ]
    q = r["quality"]
    qb = q["bootstrap_only"]["bootstrap_held_out"]
    rows += [
        (
            f"**macro-F1, held-out bootstrap notes** ({qb['examples']})",
            f"{q['full']['bootstrap_held_out']['macro_f1']:.3f}",
            f"{q['chars']['bootstrap_held_out']['macro_f1']:.3f}" if "chars" in q else "—",
            "",
        ),
        (
            "— the same pipeline on the 80 % bootstrap alone",
            f"{qb['macro_f1']:.3f}",
            "",
            "",
        ),
        (
            "macro-F1, held-out generated texts",
            f"{q['full']['generated_held_out']['macro_f1']:.3f}",
            f"{q['chars']['generated_held_out']['macro_f1']:.3f}" if "chars" in q else "—",
            "",
        ),
    ]
    return rows


def _s(x):
    return "—" if x is None else f"{x:,.1f} s"


def _mb(x, digits=0):
    return "—" if x is None else f"{x:,.{digits}f} MB"


def markdown(r: dict) -> str:
    m, mach = r["meta"], r["meta"]["machine"]
    lib = m["libraries"]
    out = [
        f"# jiefen classifier benchmark — {r['texts']['train']:,} generated cases + bootstrap, {m['database']}",
        "",
        f"- date: {m['date']} · machine: {mach['cores']} cores ({mach['cpu']}), {mach['memory']} RAM, {mach['os']}",
        f"- Python {mach['python']}, Django {mach['django']}, scikit-learn {lib['scikit-learn']}, "
        f"numpy {lib['numpy']}, scipy {lib['scipy']}, jieba {lib['jieba']}, git {m.get('git', '')}",
        f"- command: `{m['command']}` — {m['total_s']:,.0f} s in all",
        "",
        "## Headline",
        "",
        f"| figure | {VARIANTS['full']} | {VARIANTS['chars']} | full ÷ baseline |",
        "|---|---:|---:|---:|",
    ]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in headline(r)]
    t, c, rd, sp = r["texts"], r.get("cases", {}), r["read"], r["split"]
    out += [
        "",
        "## Data",
        "",
        f"- Texts: {t['train']:,} training and {t['held_out']:,} held-out texts from "
        f"`jiefen.cases.demo_text.make_case` in {t['seconds']} s; mean {t['mean_chars']} characters "
        f"(held-out bootstrap notes: {sp['held_out_mean_chars']}); {t['distinct_train']:,} distinct; "
        f"{t['held_out_also_in_train']} held-out texts also in the training texts.",
        "- Categories of the training texts: "
        + ", ".join(f"{k} {v:,}" for k, v in t["categories"].items())
        + ".",
    ]
    if c:
        out.append(
            f"- Database: `bench.generate` made {c['generated']:,} cases in {c['generate_s']} s, "
            f"{c['closed_or_archived']:,} of them closed or archived; their title, description and "
            f"category were overwritten with demo_text texts in {c['rewrite_s']} s."
        )
    out += [
        f"- Read: `classifier.training_set(use_cases=True, max_cases={t['train']:,})` returned "
        f"{rd['bootstrap']:,} bootstrap notes + {rd['cases']:,} cases in **{rd['seconds']} s** "
        f"({_n(rd['cases_per_s'])} cases/s; the bootstrap files alone {rd['bootstrap_only_seconds']} s); "
        f"{rd['identical_to_generated']:,} of the cases read are the generated (text, category) pairs.",
        f"- Split: `classifier.split` of the bootstrap set, seed {sp['seed']}, {sp['holdout'] * 100:.0f} % held out: "
        f"{sp['bootstrap_train']} notes to train, {sp['bootstrap_held_out']} held out; "
        f"{sp['training_examples']:,} training examples in all.",
        f"- jieba dictionary load (once per process): {r['jieba_init_s']} s. "
        f"Storing the model (`classifier.save`): {r['store']['save_s']} s; first "
        f"`classifier.predict` after it (blob read, sha256, unpickle): {r['store']['first_predict_s']} s "
        f"(`joblib.load` alone {r['store']['joblib_load_s']} s); then "
        f"{r['store']['queries_per_predict']} SQL query per call.",
        "",
        "## Held-out quality",
        "",
        "| model | macro-F1 bootstrap held-out | accuracy | macro-F1 generated held-out |",
        "|---|---:|---:|---:|",
    ]
    labels = {
        "bootstrap_only": "bootstrap 80 % only (chars + words)",
        "full": f"bootstrap 80 % + {t['train']:,} cases, {VARIANTS['full']}",
        "chars": f"bootstrap 80 % + {t['train']:,} cases, {VARIANTS['chars']}",
    }
    for name, q in r["quality"].items():
        b, g = q["bootstrap_held_out"], q.get("generated_held_out", {})
        out.append(
            f"| {labels[name]} | {b['macro_f1']:.3f} | {b['accuracy']:.3f} | "
            f"{g.get('macro_f1', float('nan')):.3f} |"
        )
    cats = sorted(r["quality"]["full"]["bootstrap_held_out"]["per_category_f1"])
    out += [
        "",
        "Per-category F1 on the held-out bootstrap notes:",
        "",
        "| model | " + " | ".join(cats) + " |",
        "|---|" + "---:|" * len(cats),
    ]
    for name, q in r["quality"].items():
        f1 = q["bootstrap_held_out"]["per_category_f1"]
        out.append(f"| {name} | " + " | ".join(f"{f1.get(c, 0):.2f}" for c in cats) + " |")
    out += ["", "## Training steps", ""]
    out += [
        "| model | step | seconds | CPU s | features | non-zeros |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for name in ("full", "chars"):
        tr = r["training"].get(name)
        if not tr:
            continue
        for s in tr["steps"].values():
            out.append(
                f"| {name} | {s['step']} | {s['seconds']} | {s['cpu_s']} | {s['features']:,} | {s['nnz']:,} |"
            )
        out.append(f"| {name} | whole fit | {tr['fit_s']} | {tr['fit_cpu_s']} | | |")
    out += [
        "",
        "## Latency, one text at a time (held-out bootstrap notes, cycled)",
        "",
        "| path | n | p50 ms | p95 ms | p99 ms | mean ms | CPU ms (mean) | texts/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in r["single"].items():
        out.append(
            f"| predict_proba, {VARIANTS[name]} | {s['n']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['mean_ms']} | {s['cpu_mean_ms']} | {s['per_s']:,} |"
        )
    s = r["intake"]
    out.append(
        f"| classifier.predict (intake) | {s['n']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['mean_ms']} | {s['cpu_mean_ms']} | {s['per_s']:,} |"
    )
    out += [
        "",
        "## Machine load (1-minute load average when each phase started; 2 cores)",
        "",
        ", ".join(f"{k} {v}" for k, v in r["load"].items())
        + f". Peak RSS of the benchmark's main process: {r['parent_maxrss_mb']:,.0f} MB.",
        "",
    ]
    return "\n".join(out)


def write(results: dict, args) -> None:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = f"classify-{args.db}"
    (out / f"{name}.json").write_text(
        json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n"
    )
    md = markdown(results)
    (out / f"{name}.md").write_text(md + "\n")
    print()
    print(md)
    print(f"(written to {out / (name + '.json')} and .md)")


if __name__ == "__main__":
    sys.exit(main())
