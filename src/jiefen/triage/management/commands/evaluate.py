import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiefen.core.errors import DomainError
from jiefen.org.models import Category
from jiefen.triage import classifier
from jiefen.triage.evaluation import format_report, read_jsonl, score
from jiefen.triage.models import ClassifierModel


class Command(BaseCommand):
    help = "评估类别识别模型：FILE.jsonl 每行一个 JSON 对象，至少含 text 和 category"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.add_argument("--model-version", type=int, help="评估指定版本（默认当前使用的版本）")

    def handle(self, *args, **options):
        rows = list(Category.objects.values_list("code", "name"))
        names = dict(rows)
        try:
            model = self._model(options["model_version"])
            texts, truth = read_jsonl(Path(options["file"]), {n: c for c, n in rows}, set(names))
            report = score(classifier.load_blob(model), texts, truth)
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        if options["json"]:
            result = {"model_version": model.version, **report.as_dict(names)}
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
        else:
            self.stdout.write(f"分类模型 v{model.version}，文件 {options['file']}")
            self.stdout.write(format_report(report, names))

    def _model(self, version):
        query = ClassifierModel.objects.all()
        model = (
            query.filter(version=version).first() if version else query.filter(active=True).first()
        )
        if model is None:
            raise DomainError(
                f"没有版本为 v{version} 的分类模型"
                if version
                else "尚无当前使用的分类模型，请先运行 jiefen train",
                "model_missing",
            )
        return model
