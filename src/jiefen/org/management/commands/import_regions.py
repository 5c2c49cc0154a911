from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiefen.org.importers import import_regions_csv


class Command(BaseCommand):
    help = (
        "从 CSV 文件导入行政区划（列：code, name[, valid_from]）。默认有任何错误行则一行也不导入。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--skip-bad", action="store_true", help="跳过错误行，只导入正确的行")

    def handle(self, *args, file, skip_bad, **options):
        try:
            text = Path(file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"无法读取文件 {file}：{exc}") from exc
        report = import_regions_csv(text, skip_bad=skip_bad)
        for error in report.errors:
            self.stderr.write(error)
        if report.errors and not skip_bad:
            raise CommandError(
                f"发现 {len(report.errors)} 行错误，未导入任何数据。修正后重试，或加 --skip-bad 只导入正确的行。"
            )
        self.stdout.write(f"已导入 {report.created} 个行政区划。")
