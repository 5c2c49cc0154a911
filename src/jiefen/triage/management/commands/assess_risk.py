from django.core.management.base import BaseCommand
from django.db import transaction

from jiefen.cases.choices import OPEN_STATES, State
from jiefen.cases.kernel import perform
from jiefen.cases.models import Case
from jiefen.org.models import Centre, Level
from jiefen.triage.hooks import reassess
from jiefen.triage.system_account import risk_actor


class Command(BaseCommand):
    help = "重新研判全部在办事项的风险等级（超期等随时间变化的信号），建议每日运行一次"

    def add_arguments(self, parser):
        parser.add_argument("--batch", type=int, default=500)

    def handle(self, *args, **options):
        changed = checked = 0
        actors = {}
        for county in Centre.objects.filter(region__level=Level.COUNTY).select_related("region"):
            prefix = county.region.code[:6]
            low, high = int(prefix) * 10**6, (int(prefix) + 1) * 10**6
            cases = (
                Case.objects.filter(
                    state__in=[*OPEN_STATES, State.RESOLVED],
                    place_code__gte=low,
                    place_code__lt=high,
                )
                .select_related("category")
                .order_by("pk")
            )
            last = 0
            while True:
                batch = list(cases.filter(pk__gt=last)[: options["batch"]])
                if not batch:
                    break
                for case in batch:
                    checked += 1
                    with transaction.atomic():  # the warning and the new level stand together
                        for name, data in reassess(case):
                            actor = actors.get(prefix) or actors.setdefault(
                                prefix, risk_actor(county)
                            )
                            perform(case, name, actor, **data)
                            changed += 1
                last = batch[-1].pk
        self.stdout.write(f"已研判 {checked} 件在办事项，{changed} 件风险等级有变化")
