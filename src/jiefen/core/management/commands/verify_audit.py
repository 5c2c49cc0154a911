from django.core.management.base import BaseCommand, CommandError

from jiefen.core.audit import verify_chain
from jiefen.core.models import AuditEntry


class Command(BaseCommand):
    help = "校验审计日志的哈希链；发现被改动或删除的记录时以非零状态退出并指出是哪一条。"

    def handle(self, *args, **options):
        problems = verify_chain()
        if problems:
            for problem in problems:
                self.stderr.write(str(problem))
            raise CommandError(f"审计日志校验未通过：发现 {len(problems)} 处问题。")
        self.stdout.write(f"审计日志完整：共 {AuditEntry.objects.count()} 条记录，哈希链校验通过。")
