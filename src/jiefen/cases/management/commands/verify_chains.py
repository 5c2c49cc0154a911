from django.core.management.base import BaseCommand, CommandError

from jiefen.cases.chains import verify_all
from jiefen.cases.models import Case


class Command(BaseCommand):
    help = "校验全部事项流转记录的哈希链；发现问题时以非零状态退出，并指出第一条出问题的记录。"

    def handle(self, *args, **options):
        problems = 0
        for problem in verify_all():
            problems += 1
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"流转记录校验未通过：{problems} 件事项的哈希链有问题。")
        self.stdout.write(f"流转记录完整：共 {Case.objects.count()} 件事项，哈希链校验通过。")
