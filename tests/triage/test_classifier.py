"""The category classifier and its two commands: training is versioned and reproducible, the
active model predicts calibrated probabilities, ``jiefen evaluate`` reports the figures, bad
input files get a Chinese message and change nothing."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jiefen.cases.models import Case
from jiefen.core.errors import DomainError
from jiefen.org.models import Category
from jiefen.triage import bootstrap, classifier
from jiefen.triage.models import ClassifierModel
from tests.cases.factories import register

pytestmark = pytest.mark.django_db


ALL_NOTES = bootstrap.load()


def small_set():
    """Ten notes per category: enough to train in well under a second."""
    seen, texts, labels = {}, [], []
    for e in ALL_NOTES:
        if seen.get(e.category, 0) < 10:
            seen[e.category] = seen.get(e.category, 0) + 1
            texts.append(e.full_text)
            labels.append(e.category)
    return texts, labels


# --- the bootstrap set ---------------------------------------------------------------------------


def test_the_shipped_bootstrap_set_has_sixty_sourced_notes_per_ministry_category():
    examples = ALL_NOTES
    per = {}
    for e in examples:
        per[e.category] = per.get(e.category, 0) + 1
        assert e.source.startswith(("http://", "https://")), e.id
        assert e.text.strip() and e.title.strip(), e.id
    assert set(per) == {
        "01",
        "02",
        "03",
        "04",
        "05",
        "06",
        "07",
        "08",
        "09",
        "10",
        "11",
        "12",
        "13",
        "14",
        "99",
    }
    assert min(per.values()) >= 60
    assert len({e.text for e in examples}) == len(examples)


# --- prediction ---------------------------------------------------------------------------------


def test_without_a_model_there_is_no_prediction():
    assert classifier.predict("", "工地老板拖欠八名工人工资") == (None, [])


@pytest.mark.parametrize(
    "text, code",
    [
        ("包工头拖欠我们八个人半年的工资共九万多元，多次讨要无果，要求尽快结清。", "10"),
        ("楼上住户卫生间漏水，把我家天花板泡坏了，找他几次都不理。", "02"),
        ("父亲七十八岁，三个儿子都不愿意出赡养费，老人要求每人每月给五百元。", "01"),
        ("我骑电动车在路口被一辆小轿车撞倒，腿部骨折，对方保险公司迟迟不赔。", "13"),
        ("在健身房办了年卡三千元，刚用两个月店就关门了，要求退还剩余费用。", "11"),
        ("母亲在县医院做完胆囊手术后出现感染，家属认为医院处置不当，要求赔偿。", "12"),
        ("小区物业收了停车费却不管理，电梯坏了一个月没人修，业主要求换物业。", "14"),
    ],
)
def test_clear_texts_are_recognised_with_probabilities(trained_model, text, code):
    version, predictions = classifier.predict("", text)
    assert version == 1
    assert predictions[0].code == code
    assert len(predictions) == 3
    assert (
        0
        < predictions[2].probability
        <= predictions[1].probability
        <= predictions[0].probability
        <= 1
    )
    assert predictions[0].name  # the Chinese name from the code table


def test_probabilities_over_all_categories_sum_to_one(trained_model):
    _, pipeline = classifier.active_pipeline()
    probabilities = pipeline.predict_proba(["鱼塘被上游化工厂排放的污水污染，鱼全部死亡"])[0]
    assert abs(sum(probabilities) - 1) < 1e-6


def test_a_tampered_model_is_refused(trained_model):
    ClassifierModel.objects.filter(pk=trained_model.pk).update(sha256="0" * 64)
    classifier.forget()
    with pytest.raises(DomainError, match="校验值不符"):
        classifier.predict("", "拖欠工资")


# --- training -----------------------------------------------------------------------------------


def test_training_with_the_same_seed_gives_the_same_model():
    texts, labels = small_set()
    probe = ["邻居在楼道堆放杂物", "公司不给缴纳社保", "承包地边界被对方多占"]
    first = classifier.fit(texts, labels, seed=7).predict_proba(probe)
    second = classifier.fit(texts, labels, seed=7).predict_proba(probe)
    assert (first == second).all()


def test_train_stores_numbered_versions_and_only_one_is_active(monkeypatch):
    monkeypatch.setattr(bootstrap, "load", _tiny)
    first, _ = classifier.train(seed=1)
    second, _ = classifier.train(seed=1)
    assert (first.version, second.version) == (1, 2)
    assert list(ClassifierModel.objects.filter(active=True).values_list("version", flat=True)) == [
        2
    ]
    classifier.activate(1)
    assert ClassifierModel.objects.get(active=True).version == 1
    with pytest.raises(DomainError, match="没有版本为 v9 的分类模型"):
        classifier.activate(9)


def _tiny():
    texts, labels = small_set()
    return [bootstrap.Example(text=t, category=c) for t, c in zip(texts, labels, strict=True)]


def test_closed_cases_of_the_deployment_join_the_training_set(cast, monkeypatch):
    monkeypatch.setattr(bootstrap, "load", _tiny)
    case = register(cast.town_clerk)
    Case.objects.filter(pk=case.pk).update(state="closed")  # the training set reads closed cases
    data = classifier.training_set()
    assert data.case_count == 1 and data.bootstrap_count == 150
    assert data.labels.count("02") == 11
    assert classifier.training_set(use_cases=False).case_count == 0


def test_categories_with_too_few_examples_are_left_out_and_named(cast, monkeypatch):
    monkeypatch.setattr(bootstrap, "load", _tiny)
    case = register(cast.town_clerk, category=Category.objects.get(code="G01"))
    Case.objects.filter(pk=case.pk).update(state="closed")
    data = classifier.training_set()
    assert data.dropped == {"G01": 1}
    assert "G01" not in data.labels


def test_train_command_reports_the_version_and_held_out_scores(monkeypatch, capsys):
    monkeypatch.setattr(bootstrap, "load", _tiny)
    call_command("train", "--seed", "3", "--bootstrap-only", "--hold-out", "0.2")
    out = capsys.readouterr().out
    assert "分类模型 v1（当前使用）：引导样本 150 条，结案事项 0 条，15 个类别" in out
    assert "留出 30 条评估：准确率" in out and "宏平均 F1" in out
    model = ClassifierModel.objects.get()
    assert model.metrics["examples"] == 30 and 0 <= model.metrics["macro_f1"] <= 1


# --- evaluate -----------------------------------------------------------------------------------


def _write(tmp_path, rows, name="eval.jsonl"):
    path = tmp_path / name
    path.write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows)
        + "\n",
        encoding="utf-8",
    )
    return str(path)


def test_evaluate_prints_accuracy_macro_f1_per_category_and_confusion(
    trained_model, tmp_path, capsys
):
    path = _write(
        tmp_path,
        [
            {
                "text": "老板拖欠我们十二个工人三个月工资，共八万元",
                "category": "劳动争议",
                "group": True,
                "amount_yuan": 80000,
            },
            {"text": "对门邻居在楼道里堆放杂物，还把摄像头对着我家门口", "category": "02"},
            {"text": "儿子不给父母赡养费，老人生活困难", "category": "婚姻家庭"},
        ],
    )
    call_command("evaluate", path)
    out = capsys.readouterr().out
    assert "分类模型 v1" in out and "样本数 3" in out
    assert "准确率 accuracy  1.0000" in out and "宏平均 macro-F1  1.0000" in out
    assert "混淆矩阵（行：实际类别，列：预测类别）" in out
    assert "劳动争议" in out


def test_evaluate_json_output(trained_model, tmp_path, capsys):
    path = _write(
        tmp_path,
        [
            {"text": "老板拖欠我们十二个工人三个月工资", "category": "劳动争议"},
            {
                "text": "被邻居家的狗咬伤了腿，要求赔偿医药费",
                "category": "劳动争议",
            },  # deliberately wrong label
        ],
    )
    call_command("evaluate", path, "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["model_version"] == 1 and result["examples"] == 2
    assert result["accuracy"] == 0.5
    assert result["per_category"]["10"]["recall"] == 0.5
    assert result["per_category"]["10"]["name"] == "劳动争议"
    row = result["labels"].index("10")
    assert sum(result["confusion"][row]) == 2


@pytest.mark.parametrize(
    "rows, message",
    [
        (["{not json"], "第 1 行不是有效的 JSON"),
        ([{"category": "邻里"}], "第 1 行缺少 text（事项描述）"),
        ([{"text": "噪音扰民"}], "第 1 行缺少 category（类别）"),
        (
            [{"text": "噪音扰民", "category": "邻里"}, {"text": "x", "category": "宠物"}],
            "第 2 行的类别“宠物”不在类别代码表中",
        ),
        (["[1, 2]"], "第 1 行应为一个 JSON 对象"),
        ([""], "文件中没有可评估的样本"),
    ],
)
def test_evaluate_refuses_bad_files_with_a_chinese_message(trained_model, tmp_path, rows, message):
    with pytest.raises(CommandError, match=message):
        call_command("evaluate", _write(tmp_path, rows))


def test_evaluate_without_a_model(tmp_path):
    with pytest.raises(CommandError, match="尚无当前使用的分类模型，请先运行 jiefen train"):
        call_command("evaluate", _write(tmp_path, [{"text": "噪音", "category": "邻里"}]))


def test_evaluate_a_missing_file(trained_model, tmp_path):
    with pytest.raises(CommandError, match="文件不存在"):
        call_command("evaluate", str(tmp_path / "missing.jsonl"))


def test_held_out_file_then_evaluate(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(bootstrap, "load", _tiny)
    held = tmp_path / "held.jsonl"
    call_command("train", "--bootstrap-only", "--hold-out", "0.2", "--write-held-out", str(held))
    rows = [json.loads(line) for line in held.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 30 and {"text", "category"} <= set(rows[0])
    model = ClassifierModel.objects.get()
    assert model.bootstrap_examples == 120  # trained without the held-out notes
    capsys.readouterr()
    call_command("evaluate", str(held), "--json")
    assert json.loads(capsys.readouterr().out)["examples"] == 30


def test_notes_written_apart_from_the_bootstrap_set_are_recognised(trained_model, capsys):
    """45 short notes written for this test, three per category, none in the training set: the
    model trained on the bootstrap set must generalise beyond its own sources."""
    fresh = Path(__file__).parent / "data" / "fresh_notes.jsonl"
    call_command("evaluate", str(fresh), "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["examples"] == 45
    assert result["macro_f1"] >= 0.85, result["macro_f1"]
