"""Fill the database with N realistic cases of the demo county, fast.

    python -m bench.generate --cases 100000            # into the configured database
    python -m bench.run --db postgres --cases 1000000  # (the runner calls generate() itself)

Going through ``perform`` one case at a time would take hours for a million cases, so the
generator simulates each case's life in Python — the same actions, actors, states, deadlines
and event data that ``perform`` would record — and bulk-inserts the rows: COPY on PostgreSQL,
``executemany`` in large transactions on SQLite. Each event's hash is computed with the
kernel's own ``event_payload`` and ``link_hash``, so ``jiefen verify-chains`` passes.

What the data looks like:
- registration times spread over the last 24 months (fewer on weekends, a slow upward trend,
  office hours), ids and case numbers in time order, as in a real database;
- centres: ~45 % village, ~40 % town, ~15 % county; channels, matter types, categories, risk
  levels and party counts drawn from plausible weights;
- each case walks the lifecycle (one-time notice, rejection, escalation village→town→county,
  delegation down, dispatch to stationed units with sign-for or send-back, assignment,
  mediation sessions and agreements, extensions, supervision and urging, resolve, result
  notice, follow-up, close, archive) and stops where "now" is reached — so old cases are
  mostly closed or archived and recent ones open — or, rarely, stalls (an overdue backlog);
- parties carry encrypted ID and phone numbers with their keyed hashes. AES-GCM for two
  million parties is slow, so a pool of distinct values (``--pii-pool``, default 5 000) is
  encrypted once and the ciphertexts are reused: each number appears on ~N/5 000 cases, which
  also gives the repeat-visitor search something to find.

Indexes that no constraint needs are dropped before a large load and rebuilt after it (and,
on PostgreSQL, foreign-key triggers are skipped with ``session_replication_role = replica``):
that is how one bulk-loads any database, and the rows are consistent by construction.
"""

import argparse
import bisect
import json
import random
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta

# Django is set up by the caller (bench.run, or main() below) before this module's functions run.

HOUR = timedelta(hours=1)
SHANGHAI = timedelta(hours=8)  # no daylight saving in China: local date = (UTC + 8 h).date()
COUNTY6 = "990121"


class StopSim(Exception):
    """The next step of a case would happen after "now": the case stays where it is."""


# --- the demo county as the generator sees it ---------------------------------------------------


class Actor:
    __slots__ = ("id", "name", "place", "roles", "centre_id", "unit_id", "username")

    def __init__(self, user):
        self.id = user.pk
        self.username = user.username
        self.name = user.full_name or user.username
        self.place = (
            user.unit.name if user.unit_id else (user.centre.name if user.centre_id else "")
        )
        self.roles = frozenset(user.roles)
        self.centre_id = user.centre_id
        self.unit_id = user.unit_id


class CentreInfo:
    def __init__(self, centre):
        self.id = centre.pk
        self.name = centre.name
        self.region_id = centre.region_id
        self.code = centre.region.code
        self.code_int = int(centre.region.code)
        self.level = centre.region.level
        self.parent: CentreInfo | None = None
        self.places: list[tuple[int, int, str]] = []  # (region id, code, level) in the subtree
        self.clerks, self.handlers, self.leaders, self.supervisors, self.grid, self.heads = (
            [],
            [],
            [],
            [],
            [],
            [],
        )
        self.units = []  # stationed units of this centre with a handler

    @property
    def desk(self):
        return self.clerks or self.leaders


class UnitInfo:
    def __init__(self, unit, handler):
        self.id, self.name, self.kind, self.handler = unit.pk, unit.name, unit.kind, handler
        self.centre_id = unit.centre_id


class World:
    """Regions, centres, staff, units and categories of the demo county, loaded once."""

    def __init__(self):
        from jiefen.org.demo import COUNTY_CODE
        from jiefen.org.models import Category, Centre, Region, Unit, User
        from jiefen.org.roles import Role

        county = Region.objects.get(code=COUNTY_CODE, valid_to__isnull=True)
        prefix = county.prefix
        self.centres = {
            c.pk: CentreInfo(c)
            for c in Centre.objects.select_related("region").filter(region__code__startswith=prefix)
        }
        by_region = {c.region_id: c for c in self.centres.values()}
        regions = list(Region.objects.current().within(prefix).order_by("code"))
        parent_of = {r.pk: r.parent_id for r in regions}
        for c in self.centres.values():
            c.parent = by_region.get(parent_of.get(c.region_id))
        for r in regions:
            node = r.pk
            while node is not None:  # every centre whose area holds this region
                if node in by_region:
                    by_region[node].places.append((r.pk, int(r.code), r.level))
                node = parent_of.get(node)
        self.county = by_region[county.pk]
        self.actors: dict[int, Actor] = {}
        units_handlers: dict[int, Actor] = {}
        for user in User.objects.with_roles().filter(is_active=True).order_by("username"):
            if user.is_administrator or user.centre_id not in self.centres:
                continue
            a = Actor(user)
            self.actors[a.id] = a
            c = self.centres[user.centre_id]
            if user.unit_id:
                units_handlers.setdefault(user.unit_id, a)
                continue
            if Role.WINDOW_CLERK in a.roles:
                c.clerks.append(a)
            if Role.MEDIATOR in a.roles:
                c.handlers.append(a)
            if Role.CENTRE_LEADER in a.roles:
                c.leaders.append(a)
            if Role.SUPERVISOR in a.roles:
                c.supervisors.append(a)
            if Role.GRID_WORKER in a.roles:
                c.grid.append(a)
            if Role.COUNTY_LEADER in a.roles:
                c.heads.append(a)
        for c in self.centres.values():
            c.handlers = c.handlers or c.clerks
        self.units = []
        for unit in Unit.objects.filter(active=True, region__code__startswith=prefix).order_by(
            "pk"
        ):
            info = UnitInfo(unit, units_handlers.get(unit.pk))
            self.units.append(info)
            if info.handler and unit.centre_id in self.centres:
                self.centres[unit.centre_id].units.append(info)
        self.signing_units = [u for u in self.units if u.handler]
        self.units_by_kind: dict[str, list[UnitInfo]] = {}
        for u in self.signing_units:
            self.units_by_kind.setdefault(u.kind, []).append(u)
        self.sources = [
            u
            for u in self.units
            if u.kind in ("police", "court", "petition", "hotline_12345", "traffic_police")
        ]
        self.categories = {c.code: c for c in Category.objects.filter(active=True)}
        # supervisors who oversee a centre: its own (town leader-supervisors), else the county's
        self.county_supervisors = self.county.supervisors or self.county.leaders


# --- weights ------------------------------------------------------------------------------------

CHANNELS = [  # (channel, weight, levels where it happens)
    ("walk_in", 34, "cvt"),
    ("phone", 12, "cvt"),
    ("hotline_12345", 14, "ct"),
    ("grid", 12, "vt"),
    ("online", 8, "cvt"),
    ("police_110", 5, "ct"),
    ("dept_transfer", 4, "ct"),
    ("letter", 3, "ct"),
    ("platform", 2, "ct"),
    ("higher_assigned", 2, "vt"),
    ("leader_reception", 2, "c"),
    ("leader_assigned", 1, "ct"),
]
MATTER_TYPES = [
    ("dispute", 56),
    ("petition", 11),
    ("complaint", 10),
    ("legal_consult", 10),
    ("help", 6),
    ("suggestion", 4),
    ("psych", 3),
]
CATEGORIES = [
    ("02", 16),
    ("01", 13),
    ("03", 9),
    ("04", 7),
    ("10", 7),
    ("G01", 6),
    ("06", 6),
    ("13", 5),
    ("14", 5),
    ("07", 4),
    ("11", 4),
    ("05", 3),
    ("08", 3),
    ("12", 2),
    ("09", 2),
    ("G02", 2),
    ("G08", 1),
    ("G05", 1),
    ("99", 4),
]
RISK = [("none", 850), ("blue", 80), ("yellow", 50), ("orange", 15), ("red", 5)]
SENT = {
    "hotline_12345",
    "police_110",
    "platform",
    "dept_transfer",
    "higher_assigned",
    "leader_assigned",
}
# the stationed units a category usually goes to (unit kinds), else justice bureau / court / police
UNIT_KINDS = {
    "10": ["labour_arbitration", "human_resources"],
    "G01": ["human_resources", "labour_arbitration"],
    "13": ["traffic_police"],
    "12": ["medical_mediation"],
    "03": ["housing", "natural_resources"],
    "14": ["housing"],
    "07": ["natural_resources"],
    "08": ["natural_resources", "housing"],
    "11": ["market_regulation"],
    "01": ["court", "justice"],
    "04": ["court", "legal_aid"],
    "06": ["court", "police"],
}
DEFAULT_UNIT_KINDS = ["justice", "court", "police", "legal_aid"]

DESCRIPTIONS = {
    "01": "{a}反映与{b}因家庭矛盾长期分居，现就子女抚养和共同财产分割协商未果，请求调解。",
    "02": "{a}称邻居{b}在两家交界处堆放杂物并加高围墙，影响通行和排水，双方多次争吵，请求调解处理。",
    "03": "{a}反映{b}新建房屋占用其宅基地约{n}平方米，双方对界址各执一词，请求调处。",
    "04": "{a}称与{b}签订的买卖合同已履行，对方尚欠货款{m}元拒不支付，请求调解。",
    "05": "{a}反映合伙经营期间与{b}就利润分配和投资款退还产生争议，金额约{m}元。",
    "06": "{a}称{b}饲养的犬只将其咬伤，医疗费等损失约{m}元，对方不愿赔偿，请求调解。",
    "07": "{a}与{b}就承包山林地界发生争议，涉及林地约{n}亩，请求确认界址。",
    "08": "{a}对征地补偿标准有异议，认为房屋附属物未计入补偿，请求重新核定。",
    "09": "{a}反映附近{b}作坊夜间施工噪音和粉尘严重影响生活，多次交涉无果。",
    "10": "{a}等{p}人反映在{b}务工期间被拖欠工资共计{m}元，多次讨要未果。",
    "11": "{a}在{b}购买的商品存在质量问题，商家拒绝退换，涉及金额{m}元。",
    "12": "{a}反映其家属在{b}就诊后病情加重，认为存在医疗过错，要求赔偿。",
    "13": "{a}驾驶电动车与{b}驾驶的小型轿车发生碰撞，双方对责任认定和赔偿金额有争议。",
    "14": "{a}等业主反映{b}物业服务不到位，电梯长期故障，业主拒交物业费引发纠纷。",
    "G01": "{a}等{p}名工人反映{b}项目部拖欠劳务费{m}元，要求尽快结清。",
    "G02": "{a}反映村（社区）务公开不及时，对集体收益分配有异议，要求公开账目。",
    "G05": "{a}反映办事人员{b}工作态度生硬，多次往返未能办结，请求督促。",
    "G08": "{a}对{b}作出的行政执法决定有异议，认为程序不当，请求复核。",
    "99": "{a}反映与{b}之间的纠纷，情况较为复杂，请求中心协调处理。",
}
CONSULT = {
    "legal_consult": "{a}咨询与{b}之间纠纷的法律途径和诉讼时效，请求给予法律意见。",
    "psych": "{a}因与{b}长期矛盾出现焦虑情绪，请求心理疏导。",
    "help": "{a}因与{b}纠纷导致生活困难，请求帮助联系相关部门。",
    "suggestion": "{a}建议加强对辖区{b}相关问题的排查，及早化解矛盾。",
}
ORG_WORDS = "建工 宏达 鑫源 恒通 华兴 金桥 绿源 安泰 顺发 兴农 永盛 富民".split()
MATERIALS = [
    "身份证明复印件",
    "书面申请书",
    "相关合同或协议",
    "证据材料（照片、票据）",
    "村（居）委会证明",
]
ROUTES = ["litigation", "arbitration", "labour_arbitration", "admin_review", "petition", "other"]


def _cum(weights):
    total, out = 0, []
    for _, w in weights:
        total += w
        out.append(total)
    return out, total


class Picker:
    """Fast weighted choice over a fixed list."""

    def __init__(self, rng, items):
        self.rng, self.values = rng, [v for v, _ in items]
        self.cum, self.total = _cum(items)

    def __call__(self):
        return self.values[bisect.bisect_right(self.cum, self.rng.random() * self.total)]


# --- row buffers --------------------------------------------------------------------------------


class Table:
    """One model's rows, kept as dicts until flushed as tuples in column order."""

    def __init__(self, model, vendor):
        from django.db import models

        fields = model._meta.concrete_fields
        self.model, self.name = model, model._meta.db_table
        self.columns = [f.column for f in fields]
        self.attnames = [f.attname for f in fields]
        self.defaults = {}
        for f in fields:
            self.defaults[f.attname] = None if f.primary_key else f.get_default()
        self.adapters = []
        for i, f in enumerate(fields):
            if isinstance(f, models.JSONField):
                self.adapters.append((i, _json))
            elif vendor == "sqlite":
                if isinstance(f, models.DateTimeField):
                    self.adapters.append((i, _sqlite_datetime))
                elif isinstance(f, models.DateField):
                    self.adapters.append((i, _str_or_none))
                elif isinstance(f, models.BooleanField):
                    self.adapters.append((i, _int_or_none))
                elif isinstance(f, models.DecimalField):
                    self.adapters.append((i, _str_or_none))
        self.rows: list[dict] = []
        self.count = 0

    def add(self, values: dict) -> dict:
        row = self.defaults.copy()
        row.update(values)
        self.rows.append(row)
        return row

    def take(self) -> list[tuple]:
        attnames, adapters = self.attnames, self.adapters
        out = []
        for r in self.rows:
            t = [r[a] for a in attnames]
            for i, fn in adapters:
                t[i] = fn(t[i])
            out.append(t)
        self.count += len(out)
        self.rows = []
        return out


def _json(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def _sqlite_datetime(v):
    # what Django's SQLite backend stores for an aware datetime: naive UTC, str()
    return None if v is None else str(v.replace(tzinfo=None))


def _str_or_none(v):
    return None if v is None else str(v)


def _int_or_none(v):
    return None if v is None else int(v)


class Writer:
    """COPY (PostgreSQL) or executemany (SQLite) of flushed rows, one transaction per chunk."""

    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor

    def write(self, table: Table) -> None:
        rows = table.take()
        if not rows:
            return
        cols = ", ".join(f'"{c}"' for c in table.columns)
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.cursor.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(table.columns))
                cursor.executemany(f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})', rows)


# --- indexes: drop before a big load, rebuild after -------------------------------------------


def droppable_indexes(connection, tables) -> list[tuple[str, str]]:
    """(name, CREATE statement) of every index on ``tables`` that no constraint owns."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                """SELECT ci.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
                   JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ci ON ci.oid = i.indexrelid
                   WHERE t.relname = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
                   ORDER BY t.relname, ci.relname""",
                [list(tables)],
            )
        else:
            marks = ", ".join(["%s"] * len(tables))
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY tbl_name, name",
                list(tables),
            )
        return list(cursor.fetchall())


def remove_indexes(connection, indexes) -> None:
    with connection.cursor() as cursor:
        for name, _sql in indexes:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')


def create_indexes(connection, indexes, log=print) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET maintenance_work_mem = '512MB'")
            cursor.execute("SET max_parallel_maintenance_workers = 1")
        for name, sql in indexes:
            t0 = time.perf_counter()
            cursor.execute(sql)
            if time.perf_counter() - t0 > 5:
                log(f"  index {name}: {time.perf_counter() - t0:.0f} s")


# --- the generator ------------------------------------------------------------------------------


def _models():
    from jiefen.cases import models as m

    return [
        ("case", m.Case),
        ("party", m.Party),
        ("event", m.CaseEvent),
        ("outbox", m.OutboxMessage),
        ("unit", m.CaseUnit),
        ("watcher", m.CaseWatcher),
        ("session", m.MediationSession),
        ("agreement", m.Agreement),
        ("extension", m.Extension),
        ("supervision", m.Supervision),
        ("followup", m.FollowUp),
    ]


# Upper bounds of rows per case, so that parallel jobs get disjoint id ranges.
ROWS_PER_CASE = {
    "case": 1,
    "party": 3,
    "event": 40,
    "outbox": 40,
    "unit": 12,
    "watcher": 3,
    "session": 3,
    "agreement": 1,
    "extension": 2,
    "supervision": 4,
    "followup": 2,
}


def pii_pool(size: int, seed: int) -> tuple[list, list]:
    """Encrypt ``size`` distinct ID numbers and phone numbers once; cases reuse them."""
    from jiefen.core import crypto
    from jiefen.core.identifiers import citizen_id_check_char, credit_code_check_char
    from jiefen.org.demo import GIVEN, SURNAMES

    r = random.Random(seed)
    people = []
    for _ in range(size):
        born = date(1940, 1, 1) + timedelta(days=r.randrange(365 * 66))
        first17 = f"{r.choice([COUNTY6, COUNTY6, '990100', '330102', '320582', '440303'])}{born:%Y%m%d}{r.randrange(1000):03d}"
        id_number = first17 + citizen_id_check_char(first17)
        phone = f"1{r.choice('3578')}{r.randrange(10)}{r.randrange(10**8):08d}"
        name = r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2, 2))))
        sex = "male" if int(id_number[16]) % 2 else "female"
        people.append(
            (
                name,
                sex,
                born,
                crypto.encrypt(id_number),
                crypto.keyed_hash(id_number),
                crypto.encrypt(phone),
                crypto.keyed_hash(phone),
            )
        )
    orgs = []
    for _ in range(max(size // 20, 50)):
        first17 = (
            "91" + COUNTY6 + "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
        )
        name = f"示范县{r.choice(ORG_WORDS)}{r.choice(['建筑', '商贸', '农业', '物业', '运输', '食品'])}有限公司"
        phone = f"0999-6{r.randrange(10**6):06d}"
        orgs.append(
            (
                name,
                first17 + credit_code_check_char(first17),
                crypto.encrypt(phone),
                crypto.keyed_hash(phone),
                r.choice(SURNAMES) + r.choice(GIVEN),
            )
        )
    return people, orgs


class Generator:
    def __init__(
        self,
        world: World,
        vendor: str,
        *,
        seed: int,
        pii: tuple,
        ids: dict,
        numbers: dict,
        now: datetime,
    ):
        from jiefen.cases.kernel import event_payload
        from jiefen.core.hashing import GENESIS, link_hash

        self.w, self.rng = world, random.Random(seed)
        self.event_payload, self.link_hash, self.genesis = event_payload, link_hash, GENESIS
        self.now = now
        r = self.rng
        self.channel = {
            lvl: Picker(r, [(c, w) for c, w, lv in CHANNELS if lvl[0] in lv])
            for lvl in ("county", "town", "village")
        }
        self.matter = Picker(r, MATTER_TYPES)
        self.category = Picker(r, [(c, w) for c, w in CATEGORIES if c in world.categories])
        self.risk = Picker(r, RISK)
        self.tables = {name: Table(model, vendor) for name, model in _models()}
        self.ids = dict(ids)  # the last id used per table: this job's rows follow it
        self.numbers = dict(numbers)  # the last case number used per year
        self.due_cache: dict = {}
        self.states = Counter()
        self.people, self.orgs = pii
        self._centre_picker()

    # --- pools -----------------------------------------------------------------------------------

    def _centre_picker(self) -> None:
        by_level = {"county": [], "town": [], "village": []}
        for c in self.w.centres.values():
            if c.desk:
                by_level.setdefault(c.level, []).append(c)
        items = []
        for level, share in (("county", 15), ("town", 40), ("village", 45)):
            for c in by_level[level]:
                items.append((c, share / len(by_level[level])))
        self.centre = Picker(self.rng, items)

    # --- helpers ---------------------------------------------------------------------------------

    def _due(self, matter_type, category_id, stage, start: date):
        key = (matter_type, category_id, stage, start)
        try:
            return self.due_cache[key]
        except KeyError:
            from jiefen.cases import deadlines

            value = self.due_cache[key] = deadlines.due_date(matter_type, category_id, stage, start)
            return value

    def _next_id(self, name: str) -> int:
        self.ids[name] += 1
        return self.ids[name]

    # --- one case ----------------------------------------------------------------------------------

    def case(self, registered_at: datetime) -> None:
        r, w = self.rng, self.w
        centre = self.centre()
        level = centre.level
        channel = self.channel[level]()
        matter = self.matter()
        cat_code = self.category()
        category = w.categories[cat_code]
        place_id, place_code, place_level = self._place(centre)
        year = (registered_at + SHANGHAI).year
        seq = self.numbers[year] = self.numbers.get(year, 0) + 1
        number = f"{COUNTY6}-{year}-{seq:07d}"
        case_id = self._next_id("case")
        people = 1 + (r.random() < 0.5) + (r.random() < 0.2)
        is_group = r.random() < 0.03
        if is_group:
            people = r.randint(10, 80)
        amount = None
        if cat_code in ("04", "05", "06", "10", "11", "12", "13", "G01") and r.random() < 0.8:
            amount = f"{r.lognormvariate(9, 1.3):.2f}"
            if float(amount) >= 1e11:
                amount = "99999999.00"
        c = {
            "id": case_id,
            "number": number,
            "matter_type": matter,
            "channel": channel,
            "category_id": category.pk,
            "region_id": place_id,
            "place_code": place_code,
            "centre_id": centre.id,
            "centre_code": centre.code_int,
            "level": level,
            "people_count": people,
            "is_group": is_group or people >= 10,
            "amount": amount,
            "risk_level": self.risk(),
            "registered_at": registered_at,
            "state": "registered",
            "address": f"{r.randint(1, 12)}组{r.randint(1, 80)}号",
            "longitude": f"{112.9 + r.random() * 0.6:.6f}",
            "latitude": f"{28.1 + r.random() * 0.5:.6f}",
        }
        if r.random() < 0.7:
            c["occurred_at"] = registered_at - timedelta(days=r.random() * 30)
        if channel in SENT:
            c["external_ref"] = f"{channel[:4].upper()}-{year}-{r.randrange(10**6):06d}"
        if channel == "dept_transfer" and w.sources:
            c["source_unit_id"] = r.choice(w.sources).id
        # parties
        parties = self._parties(case_id, matter, cat_code)
        a_name, b_name = (
            parties[0],
            parties[1] if len(parties) > 1 else r.choice(ORG_WORDS) + "公司",
        )
        template = CONSULT.get(matter) or DESCRIPTIONS.get(cat_code) or DESCRIPTIONS["99"]
        c["description"] = template.format(
            a=a_name, b=b_name, n=r.randint(5, 300), m=amount or r.randint(800, 90000), p=people
        )
        first = c["description"].split("。")[0]
        c["title"] = first[:30] + ("…" if len(first) > 30 else "")
        c["query_code_hash"] = self._query_hash(number)
        sim = Sim(self, c, centre, category, cat_code, number)
        try:
            sim.run(registered_at, len(parties))
        except StopSim:
            pass
        c["event_count"] = sim.seq
        c["last_event_hash"] = sim.prev
        c["updated_at"] = sim.last_at
        self.states[c["state"]] += 1
        self.tables["case"].add(c)

    def _query_hash(self, number):
        from jiefen.cases.actions.intake import query_code_hash

        code = "".join(self.rng.choice("23456789ABCDEFGHJKMNPQRSTUVWXYZ") for _ in range(8))
        return query_code_hash(number, code)

    def _place(self, centre):
        r = self.rng
        if centre.level == "village" or r.random() < 0.3:
            return centre.region_id, centre.code_int, centre.level
        pid, code, lvl = r.choice(centre.places)
        return pid, code, lvl

    def _parties(self, case_id, matter, cat_code) -> list[str]:
        r, t = self.rng, self.tables["party"]
        names = []
        roles = ["applicant"]
        if matter not in ("legal_consult", "psych", "suggestion") and r.random() < 0.75:
            roles.append("respondent")
        if r.random() < 0.05:
            roles.append("third_party")
        for role in roles:
            if (
                role == "respondent"
                and cat_code in ("04", "05", "10", "11", "14", "G01", "13")
                and r.random() < 0.5
            ):
                name, credit, phone, phone_hash, rep = r.choice(self.orgs)
                t.add(
                    {
                        "id": self._next_id("party"),
                        "case_id": case_id,
                        "role": role,
                        "kind": "organisation",
                        "name": name,
                        "credit_code": credit,
                        "phone": phone,
                        "phone_hash": phone_hash,
                        "representative": rep,
                    }
                )
            else:
                name, sex, born, id_enc, id_hash, ph_enc, ph_hash = r.choice(self.people)
                row = {
                    "id": self._next_id("party"),
                    "case_id": case_id,
                    "role": role,
                    "kind": "person",
                    "name": name,
                    "sex": sex,
                    "phone": ph_enc,
                    "phone_hash": ph_hash,
                }
                if role == "applicant" or r.random() < 0.4:
                    row.update(
                        id_type="citizen_id", id_number=id_enc, id_hash=id_hash, birth_date=born
                    )
                if role == "applicant":
                    row["address"] = f"示范县{r.randint(1, 12)}组{r.randint(1, 80)}号"
                t.add(row)
            names.append(name)
        return names

    # --- a chunk ------------------------------------------------------------------------------------

    def flush(self, writer: Writer) -> int:
        from django.db import transaction

        rows = 0
        with transaction.atomic():
            for table in self.tables.values():
                rows += len(table.rows)
                writer.write(table)
        return rows

    def row_counts(self) -> dict:
        return {t.name: t.count for t in self.tables.values()}


class Sim:
    """One case's walk through the lifecycle; every step appends a hash-chained event."""

    def __init__(self, g: Generator, c: dict, centre: CentreInfo, category, cat_code, number):
        self.g, self.c, self.centre, self.category_id, self.cat_code, self.number = (
            g,
            c,
            centre,
            category.pk,
            cat_code,
            number,
        )
        self.r = g.rng
        self.seq, self.prev, self.last_at = 0, g.genesis, c["registered_at"]
        self.handler: Actor | None = None
        self.units: list[dict] = []  # active CaseUnit rows
        self.supervisions: list[dict] = []
        self.pending_extension = None

    # --- plumbing ---

    def at(self, mean_hours: float, minimum_hours: float = 0.05) -> datetime:
        t = self.last_at + timedelta(hours=minimum_hours + self.r.expovariate(1 / mean_hours))
        if t > self.g.now:
            raise StopSim
        return t

    def stall(self, p: float = 0.004) -> None:
        if self.r.random() < p:
            raise StopSim

    def emit(self, action, actor: Actor, to_state, t, note="", data=None, notify=()) -> int:
        g = self.g
        self.seq += 1
        ev = _Ev(self.seq, action, actor.id, t, self.c["state"], to_state, note, data or {})
        h = g.link_hash(self.prev, g.event_payload(ev, self.number))
        eid = g._next_id("event")
        g.tables["event"].add(
            {
                "id": eid,
                "case_id": self.c["id"],
                "seq": self.seq,
                "action": action,
                "actor_id": actor.id,
                "actor_name": actor.name,
                "actor_centre": actor.place,
                "at": t,
                "from_state": ev.from_state,
                "to_state": to_state,
                "note": note,
                "data": ev.data,
                "idempotency_key": None,
                "prev_hash": self.prev,
                "hash": h,
            }
        )
        done = t + timedelta(seconds=5 + self.r.random() * 60)
        for topic, payload in notify:
            g.tables["outbox"].add(
                {
                    "id": g._next_id("outbox"),
                    "event_id": eid,
                    "topic": topic,
                    "payload": payload,
                    "created_at": t,
                    "claimed_by": "worker-1",
                    "claimed_at": done,
                    "done_at": done,
                    "attempts": 1,
                }
            )
        self.prev, self.last_at = h, t
        self.c["state"] = to_state
        return eid

    def local(self, t) -> date:
        return (t + SHANGHAI).date()

    def due(self, stage, t):
        d = self.g._due(self.c["matter_type"], self.category_id, stage, self.local(t))
        return d

    # --- the walk ---

    def run(self, t0: datetime, n_parties: int) -> None:
        r, c = self.r, self.c
        registrar = self._registrar()
        c["first_responder_id"] = c["registered_by_id"] = registrar.id
        c["acceptance_due"] = self.due("acceptance", t0)
        self.emit(
            "register",
            registrar,
            "registered",
            t0,
            data={
                "number": self.number,
                "channel": c["channel"],
                "matter_type": c["matter_type"],
                "parties": n_parties,
            },
        )
        desk = self._desk
        # intake: one-time notice, rejection, return to the sender
        if r.random() < 0.05:
            items = r.sample(MATERIALS, r.randint(1, 3))
            t = self.at(6)
            c["missing_materials"], c["paused_at"] = items, t
            self.emit(
                "request_materials",
                desk(),
                "awaiting_materials",
                t,
                note="请补充材料后再来",
                data={"items": items},
                notify=[("party.materials_requested", {"items": items})],
            )
            if r.random() < 0.12:
                t = self.at(24 * 20, 24 * 10)
                self._reject(t, "逾期未补正材料")
                return
            t = self.at(24 * 3, 2)
            paused = max((t.date() - c["paused_at"].date()).days, 0) if t >= c["paused_at"] else 0
            from jiefen.cases import deadlines

            c["acceptance_due"] = deadlines.shift(c["acceptance_due"], paused)
            supplied, c["missing_materials"], c["paused_at"] = items, [], None
            self.emit(
                "supplement",
                desk(),
                "registered",
                t,
                note="当事人已补齐材料",
                data={"supplied": supplied, "paused_days": paused, "files": 0},
            )
        self.stall()
        if r.random() < 0.035:
            self._reject(self.at(20), "不属于本中心受理范围")
            return
        if c["channel"] in SENT and r.random() < 0.02:
            t = self.at(20)
            c["reject_reason"], c["other_route"] = "不属于本辖区管辖，退回来源单位", "退回来源单位"
            self.emit(
                "return_to_sender",
                desk(),
                "rejected",
                t,
                note=c["reject_reason"],
                data={"channel": c["channel"]},
                notify=[("sender.returned", {"external_ref": c.get("external_ref", "")})],
            )
            return
        t = self.at(16)
        self._accept(t)
        self.stall()
        # level moves
        if self.centre.level == "village" and r.random() < 0.08:
            self._escalate()
        elif self.centre.level == "town" and r.random() < 0.04:
            self._escalate()
        elif self.centre.level == "county" and r.random() < 0.10:
            self._delegate()
        self.stall()
        # handling
        p_dispatch = {"county": 0.5, "town": 0.25, "village": 0.0}[self.centre.level]
        if r.random() < p_dispatch:
            self._dispatch()
        if c["state"] == "accepted":
            self._assign()
        self.stall()
        self._in_progress()
        self.stall()
        self._resolve()
        self._after()

    def _registrar(self) -> Actor:
        centre, ch, r = self.centre, self.c["channel"], self.r
        if ch == "grid" and centre.grid:
            return r.choice(centre.grid)
        if ch == "leader_reception" and centre.heads:
            return r.choice(centre.heads)
        return r.choice(centre.desk)

    def _desk(self) -> Actor:
        return self.r.choice(self.centre.desk)

    def _reject(self, t, reason):
        c = self.c
        c["reject_reason"], c["other_route"], c["paused_at"] = reason, "可向人民法院起诉", None
        self.emit(
            "reject",
            self._desk(),
            "rejected",
            t,
            note=reason,
            data={"other_route": c["other_route"]},
            notify=[("party.rejected", {"other_route": c["other_route"]})],
        )

    def _accept(self, t):
        c = self.c
        c["accepted_at"] = t
        c["handling_due"] = self.due("handling", t)
        self.emit(
            "accept",
            self._desk(),
            "accepted",
            t,
            data={"handling_due": _iso(c["handling_due"])},
            notify=[("party.accepted", {})],
        )

    def _move(self, target: CentreInfo, t):
        c = self.c
        c["centre_id"], c["level"], c["centre_code"] = target.id, target.level, target.code_int
        self.handler = None
        c["handler_id"] = None
        for u in self.units:
            u["active"] = False
        self.units = []
        c["handling_due"] = self.due("handling", t)
        self.centre = target

    def _watch(self, centre: CentreInfo, reason):
        self.g.tables["watcher"].add(
            {
                "id": self.g._next_id("watcher"),
                "case_id": self.c["id"],
                "centre_id": centre.id,
                "reason": reason,
            }
        )

    def _escalate(self):
        r, c = self.r, self.c
        source, target = self.centre, self.centre.parent
        if target is None or not target.desk:
            return
        t = self.at(24)
        opinion = (
            "涉及多户村民，村级难以调处，提请上级中心处理"
            if source.level == "village"
            else "涉及县级部门职责，提请县中心处理"
        )
        from_state = c["state"]
        self.emit(
            "propose_escalation",
            self._desk(),
            "escalation_pending",
            t,
            note=opinion,
            data={"to": target.name},
            notify=[
                (
                    "centre.escalation_proposed",
                    {"centre_id": target.id if source.level == "village" else source.id},
                )
            ],
        )
        c["escalation_target_id"], c["escalation_opinion"], c["escalation_from_state"] = (
            target.id,
            opinion,
            from_state,
        )
        t = self.at(20)
        if source.level == "village":
            decider = r.choice(target.desk)
        else:
            decider = r.choice(source.leaders) if source.leaders else None
            if decider is None:
                return
        c["escalation_target_id"], c["escalation_opinion"], c["escalation_from_state"] = (
            None,
            "",
            "",
        )
        if r.random() < 0.15:
            self.emit("deny_escalation", decider, from_state, t, note="本级可以调处，不同意提级")
            return
        self._move(target, t)
        self._watch(source, "escalated")
        self.emit(
            "approve_escalation",
            decider,
            "accepted",
            t,
            note="同意",
            data={"from": source.name, "to": target.name, "handling_due": _iso(c["handling_due"])},
            notify=[("centre.escalated", {"centre_id": target.id})],
        )

    def _delegate(self):
        c, source = self.c, self.centre
        lower = [
            x
            for x in self.g.w.centres.values()
            if x.parent is source
            and x.desk
            and any(code == c["place_code"] for _, code, _ in x.places)
        ]
        if not lower:
            return
        target = lower[0]
        t = self.at(12)
        self._move(target, t)
        self._watch(source, "delegated")
        self.emit(
            "delegate_down",
            self._desk_of(source),
            "accepted",
            t,
            note="属地化解，指派下级中心办理",
            data={"from": source.name, "to": target.name, "handling_due": _iso(c["handling_due"])},
            notify=[("centre.delegated", {"centre_id": target.id})],
        )

    def _desk_of(self, centre):
        return self.r.choice(centre.desk)

    def _dispatch(self):
        r, c, w = self.r, self.c, self.g.w
        kinds = UNIT_KINDS.get(self.cat_code, DEFAULT_UNIT_KINDS)
        if c["matter_type"] == "petition":
            kinds = ["petition", *kinds]
        candidates = [u for k in kinds for u in w.units_by_kind.get(k, [])] or w.signing_units
        local = self.centre.units
        lead = r.choice(local) if local and r.random() < 0.6 else r.choice(candidates)
        chosen = [lead]
        for _ in range(r.choice((0, 0, 0, 1, 1, 2))):
            other = r.choice(w.units)
            if other not in chosen:
                chosen.append(other)
        t = self.at(8)
        for u in self.units:
            u["active"] = False
        self.units = []
        for u in chosen:
            self.units.append(
                self.g.tables["unit"].add(
                    {
                        "id": self.g._next_id("unit"),
                        "case_id": c["id"],
                        "unit_id": u.id,
                        "role": "lead" if u is lead else "assist",
                        "status": "pending",
                        "active": True,
                        "dispatched_at": t,
                    }
                )
            )
        c["sign_for_due"] = self.due("sign_for", t)
        self.emit(
            "dispatch",
            self._desk(),
            "dispatched",
            t,
            note="请牵头单位会同配合单位办理",
            data={
                "units": [u.name for u in chosen],
                "lead": lead.name,
                "sign_for_due": _iso(c["sign_for_due"]),
            },
            notify=[("unit.dispatched", {"unit_id": u.id, "lead": u is lead}) for u in chosen],
        )
        self.stall(0.01)
        lead_row = self.units[0]
        if r.random() < 0.05:  # the lead unit sends it back
            t = self.at(10)
            lead_row.update(status="returned", active=False, returned_reason="不属于本单位职责")
            for u in self.units:
                u["active"] = False
            self.units = []
            c["sign_for_due"] = None
            self.emit(
                "send_back",
                lead.handler,
                "accepted",
                t,
                note="不属于本单位职责",
                data={"unit": lead.name, "role": "lead"},
                notify=[("centre.sent_back", {"unit": lead.name})],
            )
            return
        t = self.at(10)
        lead_row.update(status="signed", signed_at=t, note="已签收")
        self.handler = self.handler or lead.handler
        c["handler_id"] = self.handler.id
        self.emit(
            "sign_for",
            lead.handler,
            "in_progress",
            t,
            note="已签收",
            data={"unit": lead.name, "role": "lead"},
        )
        for row, u in zip(self.units[1:], chosen[1:], strict=True):
            if u.handler and r.random() < 0.8:
                t = self.at(12)
                row.update(status="signed", signed_at=t, note="已签收")
                self.emit(
                    "sign_for",
                    u.handler,
                    "in_progress",
                    t,
                    note="已签收",
                    data={"unit": u.name, "role": "assist"},
                )

    def _assign(self):
        c, r = self.c, self.r
        t = self.at(8)
        person = r.choice(self.centre.handlers)
        previous = self.handler.name if self.handler else ""
        self.handler = person
        c["handler_id"] = person.id
        self.emit(
            "assign",
            self._desk(),
            "in_progress",
            t,
            data={"handler": person.name, "previous": previous},
            notify=[("staff.assigned", {"user_id": person.id})],
        )

    def _overseer(self) -> Actor:
        centre = self.centre
        while centre is not None:
            if centre.supervisors:
                return self.r.choice(centre.supervisors)
            centre = centre.parent
        return self.r.choice(self.g.w.county_supervisors)

    def _in_progress(self):
        r, c, g = self.r, self.c, self.g
        handler = self.handler or self._desk()
        if r.random() < 0.05:
            t = self.at(24 * 5)
            due = self.local(t) + timedelta(days=r.randint(3, 10))
            by = self._overseer()
            self.supervisions.append(
                g.tables["supervision"].add(
                    {
                        "id": g._next_id("supervision"),
                        "case_id": c["id"],
                        "kind": "supervise",
                        "by_id": by.id,
                        "at": t,
                        "due": due,
                        "note": "请加快办理进度，按期报告结果",
                    }
                )
            )
            c["is_supervised"] = True
            self.emit(
                "supervise",
                by,
                c["state"],
                t,
                note="请加快办理进度，按期报告结果",
                data={"due": due.isoformat()},
                notify=[("centre.supervised", {"due": due.isoformat()})],
            )
        for _ in range(1 if r.random() < 0.08 else 0):
            t = self.at(24 * 7)
            by = self._overseer()
            g.tables["supervision"].add(
                {
                    "id": g._next_id("supervision"),
                    "case_id": c["id"],
                    "kind": "urge",
                    "by_id": by.id,
                    "at": t,
                    "note": "该事项临近期限，请抓紧办理",
                }
            )
            c["urge_count"] = c.get("urge_count", 0) + 1
            self.emit(
                "urge",
                by,
                c["state"],
                t,
                note="该事项临近期限，请抓紧办理",
                data={"count": c["urge_count"]},
                notify=[("staff.urged", {})],
            )
        if r.random() < 0.04:
            t = self.at(24 * 6)
            days = (
                r.choice((7, 10, 15, 30))
                if c["matter_type"] != "petition"
                else r.choice((10, 15, 30))
            )
            ext = g.tables["extension"].add(
                {
                    "id": g._next_id("extension"),
                    "case_id": c["id"],
                    "requested_by_id": handler.id,
                    "requested_at": t,
                    "days": days,
                    "reason": "需进一步调查核实",
                    "status": "pending",
                }
            )
            self.emit(
                "request_extension",
                handler,
                c["state"],
                t,
                note="需进一步调查核实",
                data={"days": days},
                notify=[("centre.extension_requested", {"days": days})],
            )
            t = self.at(24)
            by = self._overseer()
            from jiefen.cases import deadlines

            c["handling_due"] = deadlines.shift(c["handling_due"], days)
            c["extended_days"] = c.get("extended_days", 0) + days
            ext.update(status="granted", decided_by_id=by.id, decided_at=t, decision_note="同意")
            data = {"approved": True, "days": days, "handling_due": _iso(c["handling_due"])}
            self.emit(
                "grant_extension",
                by,
                c["state"],
                t,
                note="同意",
                data=data,
                notify=[("staff.extension_decided", data)],
            )
        self.session_ok = None
        if c["matter_type"] == "dispute" and r.random() < 0.7:
            for _ in range(1 + (r.random() < 0.25)):
                t = self.at(24 * 6, 1)
                ok = r.random() < 0.6
                sid = g._next_id("session")
                g.tables["session"].add(
                    {
                        "id": sid,
                        "case_id": c["id"],
                        "held_at": t - timedelta(minutes=90),
                        "place": "调解室",
                        "mediator_id": handler.id,
                        "recorder": "",
                        "participants": "双方当事人及调解员",
                        "applicant_account": "要求对方承担责任",
                        "respondent_account": "同意协商解决" if ok else "不同意对方要求",
                        "facts_verified": "经现场查看，情况基本属实",
                        "result": "双方达成协议" if ok else "双方分歧较大，未达成协议",
                        "succeeded": ok,
                    }
                )
                data = {"session": sid, "succeeded": ok}
                if ok:
                    signed = self.local(t)
                    jc = g._due(c["matter_type"], self.category_id, "judicial_confirmation", signed)
                    agreement_no = f"{self.number}-X1"
                    g.tables["agreement"].add(
                        {
                            "id": g._next_id("agreement"),
                            "case_id": c["id"],
                            "session_id": sid,
                            "number": agreement_no,
                            "facts": "双方就争议事项陈述了事实",
                            "terms": "双方自愿达成协议，按约履行",
                            "performance": "协议签订后十日内履行完毕",
                            "signed_at": signed,
                            "judicial_confirmation_due": jc,
                        }
                    )
                    data.update(agreement=agreement_no, judicial_confirmation_due=_iso(jc))
                self.emit(
                    "record_session",
                    handler,
                    c["state"],
                    t,
                    note="双方达成协议" if ok else "双方分歧较大，未达成协议",
                    data=data,
                )
                self.session_ok = ok
                if ok:
                    break

    def _resolve(self):
        r, c = self.r, self.c
        t = self.at(24 * 10, 2)
        if self.session_ok:
            outcome, route = "agreement", ""
        elif self.session_ok is False:
            outcome, route = "failed", r.choice(ROUTES)
        elif r.random() < 0.03:
            outcome, route = "withdrawn", ""
        elif c["matter_type"] in ("legal_consult", "psych", "petition", "suggestion", "complaint"):
            outcome, route = "answered", ""
        else:
            outcome, route = "handled", ""
        feedback = "已按要求办理并反馈" if c["channel"] in SENT else ""
        c.update(
            outcome=outcome,
            outcome_route=route,
            feedback=feedback,
            resolved_at=t,
            result_summary="经调解，双方达成一致"
            if outcome == "agreement"
            else "已依法依规处理并答复当事人",
            follow_up_due=self.due("follow_up", t),
        )
        for s in self.supervisions:
            s["closed_at"] = t
        c["is_supervised"] = False
        actor = self.handler or self._desk()
        self.emit(
            "resolve",
            actor,
            "resolved",
            t,
            note=c["result_summary"],
            data={"outcome": outcome, "route": route, "follow_up_due": _iso(c["follow_up_due"])},
            notify=[("sender.feedback", {"external_ref": c.get("external_ref", "")})]
            if feedback
            else [],
        )

    def _after(self):
        r, c, g = self.r, self.c, self.g
        self.stall(0.01)
        t = self.at(12)
        method = r.choice(("phone", "phone", "in_person", "sms"))
        c["notified_at"] = t
        actor = self.handler if self.handler and self.handler.unit_id is None else self._desk()
        self.emit(
            "notify_result",
            actor,
            "resolved",
            t,
            data={"method": method},
            notify=[("party.result", {"outcome": c["outcome"]})],
        )
        self.stall(0.01)
        t = self.at(36)
        satisfaction = r.choices(("satisfied", "basically", "dissatisfied"), (80, 15, 5))[0]
        by = self._desk()
        note = "当事人表示满意" if satisfaction != "dissatisfied" else "当事人对结果不满意"
        g.tables["followup"].add(
            {
                "id": g._next_id("followup"),
                "case_id": c["id"],
                "at": t,
                "by_id": by.id,
                "method": "phone",
                "satisfaction": satisfaction,
                "note": note,
            }
        )
        c["satisfaction"] = satisfaction
        self.emit(
            "follow_up",
            by,
            "resolved",
            t,
            note=note,
            data={"method": "phone", "satisfaction": satisfaction, "escalation_signs": False},
        )
        self.stall(0.01)
        t = self.at(24)
        c["closed_at"] = t
        self.emit(
            "close",
            self._desk(),
            "closed",
            t,
            note="已结案" if satisfaction != "dissatisfied" else "已做解释工作，予以结案",
            data={"satisfaction": satisfaction},
        )
        if r.random() < 0.85:
            t = self.at(24 * 20, 24)
            c["archived_at"] = t
            self.emit("archive", self._desk(), "archived", t, data={"number": self.number})


class _Ev:
    """What ``kernel.event_payload`` reads from an event."""

    __slots__ = ("seq", "action", "actor_id", "at", "from_state", "to_state", "note", "data")

    def __init__(self, seq, action, actor_id, at, from_state, to_state, note, data):
        self.seq, self.action, self.actor_id, self.at = seq, action, actor_id, at
        self.from_state, self.to_state, self.note, self.data = from_state, to_state, note, data


def _iso(d):
    return d.isoformat() if d is not None else None


def _max_id(model) -> int:
    from django.db.models import Max

    return model.objects.aggregate(m=Max("id"))["m"] or 0


def _number_sequences() -> dict:
    """The last case number given per year. On PostgreSQL numbers come from a database
    sequence per county-year (jiefen.cases.numbering); its high-water mark is copied into
    CaseNumberSequence first."""
    from jiefen.cases import numbering
    from jiefen.cases.models import CaseNumberSequence

    numbering.sync_high_water_marks()
    return {s.year: s.last_value for s in CaseNumberSequence.objects.filter(county_code=COUNTY6)}


def _save_sequences(numbers: dict) -> None:
    """Record the generated numbers, so that perform numbers on above them."""
    from django.db import connection

    from jiefen.cases import numbering
    from jiefen.cases.models import CaseNumberSequence

    for year, last in numbers.items():
        seq, _ = CaseNumberSequence.objects.get_or_create(county_code=COUNTY6, year=year)
        if seq.last_value < last:
            CaseNumberSequence.objects.filter(pk=seq.pk).update(last_value=last)
        if connection.vendor == "postgresql":  # a sequence that exists already moves on too
            name = numbering.sequence_name(COUNTY6, year)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT last_value FROM pg_sequences WHERE sequencename = %s", [name]
                )
                row = cursor.fetchone()
                if row is not None and (row[0] or 0) < last:
                    cursor.execute("SELECT setval(%s, %s)", [name, last])


def _reset_pk_sequences(connection, table_names) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite's AUTOINCREMENT follows explicit ids by itself
    with connection.cursor() as cursor:
        for t in table_names:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'id'), GREATEST((SELECT MAX(id) FROM \"{t}\"), 1))"
            )


# --- timeline -------------------------------------------------------------------------------------


def day_counts(n: int, start: date, days: int, rng) -> list[int]:
    """How many cases are registered on each day: weekdays ×1, weekends ×0.35, +35 % over the span."""
    weights = []
    for i in range(days):
        d = start + timedelta(days=i)
        weights.append(
            (1.0 if d.weekday() < 5 else 0.35) * (1 + 0.35 * i / days) * (0.85 + 0.3 * rng.random())
        )
    total = sum(weights)
    counts, acc, given = [], 0.0, 0
    for wgt in weights:  # cumulative rounding: exactly n in all
        acc += n * wgt / total
        k = round(acc) - given
        counts.append(k)
        given += k
    return counts


def times_of_day(rng, d: date, k: int, now: datetime) -> list[datetime]:
    """k registration moments on local day d (mostly office hours), sorted, in UTC, before now."""
    out = []
    base = datetime(d.year, d.month, d.day, tzinfo=UTC) - SHANGHAI  # local midnight in UTC
    for _ in range(k):
        if rng.random() < 0.9:
            sec = rng.uniform(8.5 * 3600, 17.75 * 3600)
        else:
            sec = rng.uniform(0, 24 * 3600)
        t = base + timedelta(seconds=sec)
        out.append(t if t < now else now - timedelta(seconds=rng.uniform(1, 3600)))
    out.sort()
    return out


# --- entry points ---------------------------------------------------------------------------------


def generate(
    n: int,
    *,
    seed: int = 2026,
    pii: int = 5000,
    chunk: int = 5000,
    months: int = 24,
    jobs: int = 2,
    drop_indexes: bool | None = None,
    log=print,
) -> dict:
    """Add ``n`` cases to the configured database. Returns timings and row counts.

    The days are split into ``jobs`` consecutive ranges, each generated and written by its own
    process (spawned: its own django.setup() and connection) with its own id and case-number
    ranges, so the Python work runs on every core while the database ingests."""
    from django.db import connection

    timings = {}
    t_start = time.perf_counter()
    from jiefen.core import clock

    now = clock.now().astimezone(UTC)
    rng = random.Random(seed + _max_id(_models()[0][1]))
    days = int(months * 30.44)
    start = (now + SHANGHAI).date() - timedelta(days=days - 1)
    counts = day_counts(n, start, days, rng)
    pool = pii_pool(pii, seed)
    ids = {name: _max_id(model) for name, model in _models()}
    numbers = _number_sequences()
    jobs = max(1, min(jobs, n // 1000 or 1))
    specs, first_day = [], 0
    for j in range(jobs):  # consecutive day ranges with about n / jobs cases each
        target = n * (j + 1) // jobs
        last_day, acc = first_day, sum(counts[:first_day])
        while last_day < days and (acc < target or j == jobs - 1):
            acc += counts[last_day]
            last_day += 1
        span = counts[first_day:last_day]
        k = sum(span)
        specs.append(
            {
                "job": j,
                "seed": rng.randrange(2**32),
                "start": start + timedelta(days=first_day),
                "counts": span,
                "ids": dict(ids),
                "numbers": dict(numbers),
                "now": now,
                "chunk": chunk,
            }
        )
        for name in ids:
            ids[name] += k * ROWS_PER_CASE[name]
        for i in range(first_day, last_day):  # case numbers run on per year in time order
            y = (start + timedelta(days=i)).year
            numbers[y] = numbers.get(y, 0) + counts[i]
        first_day = last_day
    timings["prepare_s"] = round(time.perf_counter() - t_start, 1)
    table_names = [model._meta.db_table for _, model in _models()]
    if drop_indexes is None:
        drop_indexes = n >= 50_000 and n >= _max_id(_models()[0][1])
    indexes = droppable_indexes(connection, table_names) if drop_indexes else []
    results = []
    try:
        if indexes:
            remove_indexes(connection, indexes)
        connection.close()
        t0 = time.perf_counter()
        if jobs == 1:
            results.append(run_job(specs[0], pool, log))
        else:
            import multiprocessing

            ctx = multiprocessing.get_context("spawn")
            with ctx.Pool(jobs) as workers:
                pending = [workers.apply_async(run_job, (spec, pool)) for spec in specs]
                results = [p.get() for p in pending]
        timings["load_s"] = round(time.perf_counter() - t0, 1)
        _save_sequences(numbers)
        _reset_pk_sequences(connection, table_names)
    finally:
        if indexes:
            t0 = time.perf_counter()
            log(f"  rebuilding {len(indexes)} indexes …")
            create_indexes(connection, indexes, log)
            timings["index_s"] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    analyze(connection)
    timings["analyze_s"] = round(time.perf_counter() - t0, 1)
    timings["total_s"] = round(time.perf_counter() - t_start, 1)
    rows, states = Counter(), Counter()
    for r in results:
        rows.update(r["rows"])
        states.update(r["states"])
    return {
        "cases": n,
        "jobs": jobs,
        "rows": dict(rows),
        "rows_total": sum(rows.values()),
        "states": dict(states.most_common()),
        "timings": timings,
        "indexes_rebuilt": len(indexes),
        "pii_pool": pii,
        "months": months,
        "cases_per_s": round(n / timings["total_s"]) if timings["total_s"] else None,
    }


def run_job(spec: dict, pii: tuple, log=None) -> dict:
    """Generate and write one range of days (in this process or a spawned one)."""
    from django.conf import settings

    if not settings.configured:
        from bench import dbenv

        dbenv.setup_django()
    from django.db import connection

    world = World()
    gen = Generator(
        world,
        connection.vendor,
        seed=spec["seed"],
        pii=pii,
        ids=spec["ids"],
        numbers=spec["numbers"],
        now=spec["now"],
    )
    writer = Writer(connection)
    _bulk_session(connection, True)
    t0 = last_log = time.perf_counter()
    done = 0
    total = sum(spec["counts"])
    try:
        for i, k in enumerate(spec["counts"]):
            for t in times_of_day(gen.rng, spec["start"] + timedelta(days=i), k, gen.now):
                gen.case(t)
                done += 1
                if done % spec["chunk"] == 0:
                    gen.flush(writer)
                    if time.perf_counter() - last_log > 60:
                        el = time.perf_counter() - t0
                        print(
                            f"  job {spec['job']}: {done:,} / {total:,} cases, {el:.0f} s ({done / el:,.0f} cases/s)",
                            flush=True,
                        )
                        last_log = time.perf_counter()
        gen.flush(writer)
    finally:
        _bulk_session(connection, False)
        connection.close()
    return {
        "rows": gen.row_counts(),
        "states": dict(gen.states),
        "seconds": time.perf_counter() - t0,
    }


def _bulk_session(connection, on: bool) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            try:
                cursor.execute(f"SET session_replication_role = {'replica' if on else 'DEFAULT'}")
            except (
                Exception
            ):  # not a superuser (autocommit: nothing to roll back): keep the FK triggers
                pass
            cursor.execute(f"SET synchronous_commit = {'off' if on else 'DEFAULT'}")
        else:
            cursor.execute(f"PRAGMA foreign_keys = {'OFF' if on else 'ON'}")
            cursor.execute(f"PRAGMA synchronous = {'OFF' if on else 'NORMAL'}")
            cursor.execute(f"PRAGMA cache_size = {-512000 if on else -2000}")


def analyze(connection) -> None:
    """Fresh planner statistics after a bulk load (autovacuum would get there on its own later)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            for t in (
                "cases_case",
                "cases_party",
                "cases_caseevent",
                "cases_caseunit",
                "cases_outboxmessage",
            ):
                cursor.execute(f"VACUUM (ANALYZE) {t}")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def verify(sample: int | None = 20_000, log=print) -> dict:
    """Check the hash chains: all cases (sample=None) or ``sample`` cases in three id ranges."""
    from django.db.models import Max, Min

    from jiefen.cases.chains import verify_all
    from jiefen.cases.models import Case, CaseEvent

    t0 = time.perf_counter()
    if sample is None:
        qs = Case.objects.all()
    else:
        bounds = Case.objects.aggregate(lo=Min("id"), hi=Max("id"))
        lo, hi = bounds["lo"] or 0, bounds["hi"] or 0
        third = max(sample // 3, 1)
        mid = (lo + hi) // 2
        from django.db.models import Q

        qs = Case.objects.filter(
            Q(id__lt=lo + third) | Q(id__gte=mid, id__lt=mid + third) | Q(id__gt=hi - third)
        )
    n_cases = qs.count()
    problems = list(verify_all(cases=qs))
    n_events = (
        CaseEvent.objects.filter(case__in=qs).count()
        if sample is not None
        else CaseEvent.objects.count()
    )
    seconds = time.perf_counter() - t0
    return {
        "cases": n_cases,
        "events": n_events,
        "broken": len(problems),
        "first_problems": [str(p) for p in problems[:5]],
        "seconds": round(seconds, 1),
        "events_per_s": round(n_events / seconds) if seconds else None,
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        description="Fill the configured jiefen database with N realistic demo-county cases."
    )
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--pii-pool", type=int, default=5000, help="distinct encrypted ID/phone values to reuse"
    )
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--chunk", type=int, default=5000, help="cases per transaction")
    parser.add_argument("--jobs", type=int, default=2, help="generator processes (default 2)")
    parser.add_argument(
        "--keep-indexes", action="store_true", help="do not drop and rebuild secondary indexes"
    )
    parser.add_argument("--verify", choices=["none", "sample", "all"], default="sample")
    args = parser.parse_args(argv)
    from bench import dbenv

    dbenv.setup_django()
    dbenv.prepare()
    result = generate(
        args.cases,
        seed=args.seed,
        pii=args.pii_pool,
        chunk=args.chunk,
        months=args.months,
        jobs=args.jobs,
        drop_indexes=False if args.keep_indexes else None,
    )
    if args.verify != "none":
        result["verify"] = verify(None if args.verify == "all" else 20_000)
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
