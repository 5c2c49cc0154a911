"""The fictional demo-case generator (jiefen.cases.demo_text): pure Python, no database."""

import ast
import random
import re
from collections import Counter
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from jiefen.cases import demo_text
from jiefen.cases.demo_text import (
    CATEGORY_NAMES,
    MATTER_TYPES,
    RISK_WORDS,
    CaseSketch,
    citizen_id,
    make_case,
    mobile,
    person_name,
)
from jiefen.core.identifiers import is_valid_citizen_id, is_valid_mobile

SEED = 20250101
PLACES = [
    ("青石村", "青石镇"),
    ("河湾村", "白沙镇"),
    ("东门社区", "城关街道"),
    ("桃源村", "桃源乡"),
]

# --- independent reference for GB 11643 (not the module's own code) -----------------------

REF_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def reference_check_char(first17: str) -> str:
    total = sum(int(ch) * w for ch, w in zip(first17, REF_WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


@pytest.fixture(scope="module")
def batch() -> list[CaseSketch]:
    rng = random.Random(SEED)
    return [make_case(rng, village=v, town=t) for v, t in (PLACES[i % 4] for i in range(3000))]


# --- vocabulary ---------------------------------------------------------------------------


def test_category_names_are_the_ministry_fifteen_in_order():
    assert CATEGORY_NAMES == [
        "婚姻家庭", "邻里", "房屋宅基地", "合同", "生产经营", "损害赔偿", "山林土地", "征地拆迁",
        "环境污染", "劳动争议", "消费", "医疗", "道路交通事故", "物业", "其他",
    ]  # fmt: skip


def test_module_is_pure_python():
    tree = ast.parse(Path(demo_text.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "random", "dataclasses", "collections"}, imported


# --- every category ----------------------------------------------------------------------


@pytest.mark.parametrize("category", CATEGORY_NAMES)
def test_every_category_produces_sketches(category):
    rng = random.Random(category)
    sketches = [
        make_case(rng, category=category, village="青石村", town="青石镇") for _ in range(60)
    ]
    assert all(s.category == category for s in sketches)
    assert all(s.matter_type in MATTER_TYPES for s in sketches)
    assert sum(s.matter_type == "dispute" for s in sketches) >= 30
    assert len({s.description for s in sketches}) == len(sketches)
    for s in sketches:
        assert s.title and len(s.title) <= 30, s.title
        assert 40 <= len(s.description) <= 500, s.description
        assert s.parties and any(p.role == "applicant" for p in s.parties)


@pytest.mark.parametrize("category", CATEGORY_NAMES)
def test_every_category_has_several_dispute_scenarios(category):
    builders = demo_text._BUILDERS[category]["dispute"]
    common = {
        "婚姻家庭",
        "邻里",
        "房屋宅基地",
        "劳动争议",
        "损害赔偿",
        "道路交通事故",
        "物业",
        "合同",
    }
    assert len(builders) >= (6 if category in common else 4)


def test_unknown_category_is_refused():
    with pytest.raises(ValueError):
        make_case(random.Random(1), category="不存在的类别")


# --- a demo county's worth of cases ------------------------------------------------------


def test_three_thousand_cases_are_varied(batch):
    assert len({c.description for c in batch}) >= 2500
    assert len({c.title for c in batch}) >= 1500


def test_same_seed_gives_the_same_cases(batch):
    rng = random.Random(SEED)
    again = [make_case(rng, village=v, town=t) for v, t in (PLACES[i % 4] for i in range(3000))]
    assert [asdict(c) for c in again] == [asdict(c) for c in batch]
    one = make_case(random.Random(7), category="物业", village="东门社区", town="城关街道")
    two = make_case(random.Random(7), category="物业", village="东门社区", town="城关街道")
    assert one == two


def test_other_seed_gives_other_cases(batch):
    rng = random.Random(SEED + 1)
    other = [make_case(rng) for _ in range(50)]
    assert [c.description for c in other] != [c.description for c in batch[:50]]


def test_lengths_and_fields(batch):
    for c in batch:
        assert 40 <= len(c.description) <= 500, c.description
        assert 0 < len(c.title) <= 30, c.title
        assert "@A" not in c.description and "{" not in c.description
        assert c.category in CATEGORY_NAMES
        assert c.matter_type in MATTER_TYPES
        assert c.people_count >= 1
        assert c.amount_yuan is None or c.amount_yuan > 0


def test_matter_type_mix(batch):
    counts = Counter(c.matter_type for c in batch)
    assert set(counts) == set(MATTER_TYPES)
    assert 0.72 <= counts["dispute"] / len(batch) <= 0.88


def test_consultations_are_questions(batch):
    consults = [c for c in batch if c.matter_type == "legal_consult"]
    assert consults
    assert all("？" in c.description for c in consults)


def test_people_counts_are_realistic(batch):
    single = [c.people_count for c in batch if not c.is_group]
    assert sum(1 <= n <= 5 for n in single) / len(single) >= 0.9


def test_group_cases(batch):
    groups = [c for c in batch if c.is_group]
    assert 0.03 <= len(groups) / len(batch) <= 0.10
    assert all(10 <= c.people_count <= 60 for c in groups)
    assert {"劳动争议", "征地拆迁", "物业"} <= {c.category for c in groups}
    wage_groups = [c for c in groups if c.category == "劳动争议" and c.amount_yuan]
    assert wage_groups
    assert all(c.amount_yuan <= 1_500_000 for c in wage_groups)
    assert any(300_000 <= c.amount_yuan for c in wage_groups)


def test_risk_words(batch):
    risky = [c for c in batch if c.risk_words]
    assert 0.03 <= len(risky) / len(batch) <= 0.08
    for c in risky:
        assert any(w in c.description for w in RISK_WORDS), c.description
    for c in batch:
        if not c.risk_words:
            assert not any(w in c.description for w in RISK_WORDS), c.description


def test_parties(batch):
    for c in batch:
        for p in c.parties:
            assert p.role in ("applicant", "respondent", "third_party")
            assert p.kind in ("person", "organisation")
            if p.kind == "person":
                assert 2 <= len(p.name) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", p.name), p.name
                assert p.sex in ("male", "female")
                assert 1930 <= p.birth_year <= 2012
                assert p.ethnicity.endswith("族")
                assert p.occupation and p.address_hint
            else:
                assert len(p.name) >= 4 and not p.sex and p.birth_year is None
    persons = [p for c in batch for p in c.parties if p.kind == "person"]
    han = sum(p.ethnicity == "汉族" for p in persons) / len(persons)
    assert 0.85 <= han < 1.0


def test_place_names_come_from_the_caller():
    rng = random.Random(3)
    sketches = [make_case(rng, village="柳溪村", town="石门镇") for _ in range(300)]
    hints = [p.address_hint for s in sketches for p in s.parties if p.kind == "person"]
    assert sum("柳溪村" in h for h in hints) / len(hints) > 0.8
    assert not any("青石" in s.description for s in sketches)


# --- names and identifiers ---------------------------------------------------------------


def test_person_name():
    rng = random.Random(5)
    for sex in ("male", "female", None):
        for _ in range(300):
            name = person_name(rng, sex)
            assert 2 <= len(name) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", name)


def test_citizen_id_is_valid_and_encodes_birth_year_and_sex():
    rng = random.Random(11)
    for _ in range(2000):
        year = rng.randint(1930, 2015)
        sex = rng.choice(("male", "female"))
        number = citizen_id(rng, year, sex)
        assert re.fullmatch(r"[0-9]{17}[0-9X]", number)
        assert number[:6] == "990121"
        assert number[17] == reference_check_char(number[:17])
        assert int(number[6:10]) == year
        date(year, int(number[10:12]), int(number[12:14]))  # a real calendar day
        assert int(number[16]) % 2 == (1 if sex == "male" else 0)
        assert is_valid_citizen_id(number)
    assert citizen_id(rng, 1980, "female", region6="990122").startswith("990122")


def test_mobile():
    rng = random.Random(13)
    numbers = [mobile(rng) for _ in range(2000)]
    assert all(re.fullmatch(r"1[3-9]\d{9}", n) for n in numbers)
    assert all(is_valid_mobile(n) for n in numbers)
    assert len(set(numbers)) > 1990
