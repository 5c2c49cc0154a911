from django.core.management.base import BaseCommand

from jiefen.portal import reception


class Command(BaseCommand):
    help = "给明天领导接访的预约群众发送提醒短信（每个预约只提醒一次，可重复运行，建议每天下午定时运行）。"

    def handle(self, *args, **options):
        sent = reception.send_reminders()
        self.stdout.write(f"已发送 {sent} 条接访提醒短信。")
