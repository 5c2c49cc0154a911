"""Check the bootstrap labelled set: schema, counts, duplicates, sources.

    python scripts/check_bootstrap.py [CODE ...]
"""

import collections
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent.parent / "src/jiefen/triage/bootstrap"
NAMES = {
    "01": "婚姻家庭", "02": "邻里", "03": "房屋宅基地", "04": "合同", "05": "生产经营",
    "06": "损害赔偿", "07": "山林土地", "08": "征地拆迁", "09": "环境污染", "10": "劳动争议",
    "11": "消费", "12": "医疗", "13": "道路交通事故", "14": "物业", "99": "其他",
}
REQUIRED = {"id", "category", "title", "text", "source", "source_title"}
OPTIONAL = {"people", "amount_yuan", "group"}
MIN_PER_CATEGORY = 60


def check(code: str) -> list[str]:
    path = HERE / f"{code}.jsonl"
    if not path.exists():
        return [f"{path.name}: missing"]
    problems, texts, per_source = [], set(), collections.Counter()
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for n, line in enumerate(lines, 1):
        where = f"{path.name}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not JSON ({exc})")
            continue
        keys = set(row)
        if REQUIRED - keys:
            problems.append(f"{where}: missing {sorted(REQUIRED - keys)}")
        if keys - REQUIRED - OPTIONAL:
            problems.append(f"{where}: unknown keys {sorted(keys - REQUIRED - OPTIONAL)}")
        if row.get("category") != NAMES[code]:
            problems.append(f"{where}: category must be {NAMES[code]!r}")
        if row.get("id") != f"{code}-{n:03d}":
            problems.append(f"{where}: id must be {code}-{n:03d}")
        text = row.get("text", "")
        if not (25 <= len(text) <= 600):
            problems.append(f"{where}: text length {len(text)} outside 25..600")
        if text in texts:
            problems.append(f"{where}: duplicate text")
        texts.add(text)
        if not (4 <= len(row.get("title", "")) <= 40):
            problems.append(f"{where}: title length outside 4..40")
        source = row.get("source", "")
        if not source.startswith(("http://", "https://")):
            problems.append(f"{where}: source must be a URL")
        per_source[source] += 1
        if row.get("amount_yuan") is not None and not isinstance(row["amount_yuan"], (int, float)):
            problems.append(f"{where}: amount_yuan must be a number or null")
        if row.get("people") is not None and not (isinstance(row["people"], int) and row["people"] >= 1):
            problems.append(f"{where}: people must be a positive integer or null")
        if row.get("group") is not None and not isinstance(row["group"], bool):
            problems.append(f"{where}: group must be true/false")
    for source, count in per_source.items():
        if count > 3:
            problems.append(f"{path.name}: {count} examples from one source {source} (max 3)")
    if len(lines) < MIN_PER_CATEGORY:
        problems.append(f"{path.name}: {len(lines)} examples, need at least {MIN_PER_CATEGORY}")
    lengths = sorted(len(json.loads(ln).get("text", "")) for ln in lines if ln.strip().startswith("{"))
    if lengths:
        print(f"{code} {NAMES[code]}: {len(lines)} examples, text length min {lengths[0]} "
              f"median {lengths[len(lengths) // 2]} max {lengths[-1]}, {len(per_source)} sources")
    return problems


def main(codes: list[str]) -> int:
    problems = []
    for code in codes or sorted(NAMES):
        problems += check(code)
    for p in problems:
        print(p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
