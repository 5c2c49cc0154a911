"""The labelled bootstrap set shipped in the repo (bootstrap/<category code>.jsonl): intake notes
written from the facts of real public disputes, the source of each recorded beside it."""

import json
from dataclasses import dataclass
from pathlib import Path

DIRECTORY = Path(__file__).resolve().parent / "bootstrap"


@dataclass(frozen=True)
class Example:
    text: str
    category: str  # category code
    title: str = ""
    group: bool = False
    amount_yuan: float | None = None
    people: int | None = None
    source: str = ""
    id: str = ""

    @property
    def full_text(self) -> str:
        from jiefen.triage.text import case_text

        return case_text(self.title, self.text)


def load(directory: Path = DIRECTORY) -> list[Example]:
    examples = []
    for path in sorted(directory.glob("*.jsonl")):
        code = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            examples.append(
                Example(
                    text=row["text"],
                    category=code,
                    title=row.get("title", ""),
                    group=bool(row.get("group")),
                    amount_yuan=row.get("amount_yuan"),
                    people=row.get("people"),
                    source=row.get("source", ""),
                    id=row.get("id", ""),
                )
            )
    return examples
