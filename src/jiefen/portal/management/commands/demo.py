import time

from django.core.management.base import BaseCommand

from jiefen.cases import demo as case_demo
from jiefen.cases.models import Case
from jiefen.org import demo
from jiefen.portal import hall, reception
from jiefen.triage import classifier


class Command(BaseCommand):
    help = "载入示范县演示数据（区划、中心、进驻单位、各级各类工作人员、调解员、专家库、本月值班表，以及近两年约 3000 件事项），并列出演示账户。"

    def add_arguments(self, parser):
        parser.add_argument("--if-empty", action="store_true", help="已载入时不再载入，只列出账户")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--cases", type=int, default=3000, help="演示事项数量（默认 3000）")
        parser.add_argument("--quiet", action="store_true", help="不列出账户")

    def handle(self, *args, if_empty, seed, cases, quiet, **options):
        if demo.is_loaded():
            if not if_empty:
                self.stdout.write("示范县数据已存在，未重复载入。")
        else:
            started = time.monotonic()
            demo.load(seed=seed)
            model, _ = classifier.train(seed=seed, use_cases=False, by="jiefen demo")
            self.stdout.write(
                f"已载入示范县组织机构与人员；类别识别模型 v{model.version} 已用 "
                f"{model.bootstrap_examples} 条引导样本训练。"
            )
            self.stdout.write("正在生成演示事项（首次约需一两分钟）……")
            made = case_demo.load(count=cases, seed=seed, progress=self._progress)
            self._seed_hall()
            self.stdout.write(
                self.style.SUCCESS(
                    f"已载入示范县演示数据：{made} 件事项，用时 {time.monotonic() - started:.0f} 秒。"
                )
            )
        if not quiet:
            self._print_accounts()

    def _seed_hall(self):
        hall.seed_demo_windows()
        reception.seed_demo_schedule()

    def _progress(self, done, total):
        self.stdout.write(f"  {done}/{total}", ending="\r")
        self.stdout.flush()

    def _print_accounts(self):
        self.stdout.write("")
        self.stdout.write(f"演示账户（密码均为 {demo.DEMO_PASSWORD}）：")
        for account in demo.accounts():
            line = f"  {account.username:<18}{account.full_name:<5}\t{account.roles:<16}\t{account.place}"
            if account.totp_secret:
                line += f"  动态口令密钥 {account.totp_secret}"
            self.stdout.write(line)
        self.stdout.write(
            "管理员登录后须输入认证器（如 FreeOTP、Google Authenticator）根据上面的密钥生成的 6 位动态口令。"
        )
        self.stdout.write(
            f"示范县为虚构地区（区划代码 99 开头），所有人名、证件号、电话均为演示数据。现有事项 {Case.objects.count()} 件。"
        )
