import getpass
import os

from django.core.management.base import BaseCommand, CommandError

from jiefen.core.errors import DomainError
from jiefen.org import services
from jiefen.org.roles import ADMIN_ROLES, Role


class Command(BaseCommand):
    help = "创建一名管理员（系统、安全或审计管理员，三员分立）。密码取自 JIEFEN_ADMIN_PASSWORD 或交互输入；首次登录须绑定动态口令并修改密码。"

    def add_arguments(self, parser):
        parser.add_argument("--role", required=True, choices=sorted(r.value for r in ADMIN_ROLES))
        parser.add_argument("--username", required=True)
        parser.add_argument("--full-name", required=True)

    def handle(self, *args, role, username, full_name, **options):
        password = os.environ.get("JIEFEN_ADMIN_PASSWORD") or getpass.getpass("密码：")
        try:
            services.create_staff(
                username=username, full_name=full_name, password=password, roles=[role]
            )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(
            f"已创建{Role(role).label} {username}。首次登录须绑定动态口令并修改密码。"
        )
