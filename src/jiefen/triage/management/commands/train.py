import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiefen.core.errors import DomainError
from jiefen.org.models import Category
from jiefen.triage import bootstrap, classifier


class Command(BaseCommand):
    help = "训练类别识别模型：引导样本 + 已结案事项，按种子可复现；新版本默认设为当前使用"

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument("--bootstrap-only", action="store_true", help="只用仓库中的引导样本")
        parser.add_argument("--max-cases", type=int, default=classifier.DEFAULT_MAX_CASES)
        parser.add_argument(
            "--hold-out",
            type=float,
            default=0.0,
            help="先留出这一比例的样本评估（如 0.2），评估结果记入模型版本",
        )
        parser.add_argument(
            "--write-held-out",
            metavar="FILE.jsonl",
            help="与 --bootstrap-only 和 --hold-out 同用：只用其余样本训练，并把留出的引导样本写入此文件，供 jiefen evaluate 使用",
        )
        parser.add_argument("--no-activate", action="store_true", help="训练后不设为当前使用")
        parser.add_argument(
            "--activate", type=int, metavar="VERSION", help="把已有版本设为当前使用"
        )

    def handle(self, *args, **options):
        try:
            if options["activate"]:
                model = classifier.activate(options["activate"])
                self.stdout.write(f"已将分类模型 v{model.version} 设为当前使用")
                return
            if options["write_held_out"]:
                return self._train_without_held_out(options)
            model, data = classifier.train(
                seed=options["seed"],
                use_cases=not options["bootstrap_only"],
                max_cases=options["max_cases"],
                activate=not options["no_activate"],
                holdout=options["hold_out"],
                by="jiefen train",
            )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self._report(model, data)

    def _train_without_held_out(self, options):
        holdout = options["hold_out"] or 0.2
        if not options["bootstrap_only"]:
            raise CommandError("--write-held-out 只能与 --bootstrap-only 一起使用")
        examples = bootstrap.load()
        train_part, held_part = classifier.split(
            examples, [e.category for e in examples], holdout, options["seed"]
        )[0:2]
        names = dict(Category.objects.values_list("code", "name"))
        path = Path(options["write_held_out"])
        with path.open("w", encoding="utf-8") as out:
            for e in held_part:
                row = {
                    "id": e.id,
                    "title": e.title,
                    "text": e.text,
                    "category": names.get(e.category, e.category),
                    "group": e.group,
                    "amount_yuan": e.amount_yuan,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        data = classifier.TrainingSet(
            [e.full_text for e in train_part],
            [e.category for e in train_part],
            len(train_part),
            0,
            {},
        )
        import time

        started = time.perf_counter()
        pipeline = classifier.fit(data.texts, data.labels, options["seed"])
        seconds = time.perf_counter() - started
        model = classifier.save(
            pipeline,
            data,
            seed=options["seed"],
            seconds=seconds,
            metrics={"held_out_file": str(path), "held_out_examples": len(held_part)},
            by="jiefen train --write-held-out",
            activate=not options["no_activate"],
        )
        self.stdout.write(f"留出 {len(held_part)} 条引导样本写入 {path}")
        self._report(model, data)

    def _report(self, model, data):
        self.stdout.write(
            f"分类模型 v{model.version}{'（当前使用）' if model.active else ''}：引导样本 "
            f"{model.bootstrap_examples} 条，结案事项 {model.case_examples} 条，"
            f"{len(model.categories)} 个类别，训练 {model.training_seconds:.1f} 秒，种子 {model.seed}"
        )
        if data.dropped:
            self.stdout.write(
                "样本不足未参与训练的类别："
                + "、".join(f"{c}（{n} 条）" for c, n in data.dropped.items())
            )
        if model.metrics.get("macro_f1") is not None:
            self.stdout.write(
                f"留出 {model.metrics['examples']} 条评估：准确率 {model.metrics['accuracy']:.4f}，"
                f"宏平均 F1 {model.metrics['macro_f1']:.4f}"
            )
