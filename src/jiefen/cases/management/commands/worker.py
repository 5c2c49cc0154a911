import os
import socket
import time

from django.core.management.base import BaseCommand

from jiefen.cases import outbox


class Command(BaseCommand):
    help = "后台投递进程：发送事项流转产生的通知（短信、单位提醒、对外回调）。"

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="只处理当前积压后退出")
        parser.add_argument("--interval", type=float, default=2.0)

    def handle(self, *args, once, interval, **options):
        worker = f"{socket.gethostname()}:{os.getpid()}"
        while True:
            sent = outbox.run_once(worker)
            if once:
                self.stdout.write(f"已投递 {sent} 条。")
                return
            if not sent:
                time.sleep(interval)
