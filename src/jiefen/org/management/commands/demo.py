from django.core.management.base import BaseCommand

from jiefen.org import demo


class Command(BaseCommand):
    help = "载入示范县演示数据（区划、中心、进驻单位、各级各类工作人员、调解员、专家库、本月值班表），并列出演示账户。"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="已载入时不再载入，只列出账户")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--quiet", action="store_true", help="不列出账户")

    def handle(self, *args, if_empty, seed, quiet, **options):
        if demo.is_loaded():
            if not if_empty:
                self.stdout.write("示范县数据已存在，未重复载入。")
        else:
            demo.load(seed=seed)
            self.stdout.write(self.style.SUCCESS("已载入示范县演示数据。"))
        if not quiet:
            self._print_accounts()

    def _print_accounts(self):
        self.stdout.write("")
        self.stdout.write(f"演示账户（密码均为 {demo.DEMO_PASSWORD}）：")
        for account in demo.accounts():
            line = f"  {account.username:<16} {account.full_name:<6} {account.roles:<24} {account.place}"
            if account.totp_secret:
                line += f"  动态口令密钥 {account.totp_secret}"
            self.stdout.write(line)
        self.stdout.write("管理员登录后须输入认证器（如 Google Authenticator、FreeOTP）根据上面的密钥生成的 6 位动态口令。")
        self.stdout.write("示范县为虚构地区（区划代码 99 开头），所有人名、电话均为演示数据。")
