from django.core.management.base import BaseCommand

from jiefen.core import audit
from jiefen.core.rotation import rotate_all


class Command(BaseCommand):
    help = "用当前启用的字段密钥重新加密全部个人信息，并重算检索用的密钥哈希。"

    def handle(self, *args, **options):
        counts = rotate_all()
        audit.record(audit.Event.KEY_ROTATION, username="jiefen rotate-keys", rewritten=counts)
        for label, n in counts.items():
            self.stdout.write(f"{label}: 重新加密 {n} 条")
        self.stdout.write("完成。")
