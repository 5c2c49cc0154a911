"""Measure a classifier on labelled texts: accuracy, macro-F1, per-category precision, recall
and F1, and the confusion matrix; read the JSON-lines files ``jiefen evaluate`` takes."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

from jiefen.core.errors import DomainError
from jiefen.triage.text import case_text


@dataclass
class Report:
    accuracy: float
    macro_f1: float
    labels: list[str]
    per_category: dict = field(default_factory=dict)  # code -> {precision, recall, f1, support}
    confusion: list[list[int]] = field(default_factory=list)  # rows: true, columns: predicted

    def as_dict(self, names: dict) -> dict:
        return {
            "examples": sum(v["support"] for v in self.per_category.values()),
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "per_category": {
                code: {"name": names.get(code, code), **values}
                for code, values in self.per_category.items()
            },
            "labels": self.labels,
            "confusion": self.confusion,
        }


def score(pipeline, texts: list[str], truth: list[str]) -> Report:
    predicted = list(pipeline.predict(texts))
    labels = sorted(set(truth) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0
    )
    present = [i for i, lab in enumerate(labels) if lab in set(truth)]
    return Report(
        accuracy=float(accuracy_score(truth, predicted)),
        # macro over the categories the file holds (a category only ever predicted is an error
        # counted in the others' precision, not a category of its own)
        macro_f1=float(sum(f1[i] for i in present) / len(present)),
        labels=labels,
        per_category={
            labels[i]: {
                "precision": round(float(precision[i]), 4),
                "recall": round(float(recall[i]), 4),
                "f1": round(float(f1[i]), 4),
                "support": int(support[i]),
            }
            for i in range(len(labels))
        },
        confusion=confusion_matrix(truth, predicted, labels=labels).tolist(),
    )


def read_jsonl(path: Path, names_to_codes: dict, codes: set) -> tuple[list[str], list[str]]:
    """Texts and category codes from a file of {"text", "category", ...} lines; the category
    may be given by code or by name. Any bad line stops the run with its line number."""
    if not path.exists():
        raise DomainError(f"文件不存在：{path}", "file_missing")
    texts, labels = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            raise DomainError(f"第 {n} 行不是有效的 JSON", "bad_json", line=n) from None
        if not isinstance(row, dict):
            raise DomainError(f"第 {n} 行应为一个 JSON 对象", "bad_json", line=n)
        text, category = row.get("text"), row.get("category")
        if not isinstance(text, str) or not text.strip():
            raise DomainError(f"第 {n} 行缺少 text（事项描述）", "text_missing", line=n)
        if not isinstance(category, str) or not category.strip():
            raise DomainError(f"第 {n} 行缺少 category（类别）", "category_missing", line=n)
        code = category if category in codes else names_to_codes.get(category.strip())
        if code is None:
            raise DomainError(
                f"第 {n} 行的类别“{category}”不在类别代码表中", "unknown_category", line=n
            )
        texts.append(case_text(row.get("title") or "", text))
        labels.append(code)
    if not texts:
        raise DomainError("文件中没有可评估的样本", "empty_file")
    return texts, labels


def format_report(report: Report, names: dict) -> str:
    lines = [
        f"样本数 {sum(v['support'] for v in report.per_category.values())}",
        f"准确率 accuracy  {report.accuracy:.4f}",
        f"宏平均 macro-F1  {report.macro_f1:.4f}",
        "",
        f"{'代码':<6}{'类别':<10}{'精确率':>8}{'召回率':>8}{'F1':>8}{'样本':>6}",
    ]
    for code, v in report.per_category.items():
        name = names.get(code, code)
        lines.append(
            f"{code:<8}{name:<{12 - len(name)}}{v['precision']:>10.3f}{v['recall']:>10.3f}"
            f"{v['f1']:>9.3f}{v['support']:>7d}"
        )
    lines += [
        "",
        "混淆矩阵（行：实际类别，列：预测类别）",
        "      " + " ".join(f"{c:>4}" for c in report.labels),
    ]
    for code, row in zip(report.labels, report.confusion, strict=True):
        lines.append(f"{code:>5} " + " ".join(f"{n:>4}" for n in row))
    return "\n".join(lines)
