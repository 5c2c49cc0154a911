"""Only the kernel assigns a case's state (DESIGN.md §3.1): a source scan keeps it that way."""

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "jiefen"
ASSIGNMENT = re.compile(r"\.state\s*=(?!=)|update\([^)]*\bstate\s*=")


def test_nothing_but_the_kernel_assigns_a_case_state():
    offenders = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts or path == SRC / "cases" / "kernel.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if ASSIGNMENT.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_scan_would_catch_an_assignment():
    assert ASSIGNMENT.search("    case.state = State.CLOSED")
    assert ASSIGNMENT.search("Case.objects.filter(pk=1).update(state='closed')")
    assert not ASSIGNMENT.search("if case.state == State.CLOSED:")
