"""The demo county 示范县: a clearly fictional county (province code 99 does not exist) with
towns, villages, centres, stationed units, staff in every role, mediators, experts and this
month's duty roster. Deterministic: the same seed gives the same county."""

import base64
import calendar
import hashlib
import random
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiefen.core import clock
from jiefen.org import services
from jiefen.org.models import (
    Category,
    Centre,
    Department,
    DutyShift,
    Expert,
    Level,
    Region,
    Unit,
    User,
)
from jiefen.org.reference import DEPARTMENTS
from jiefen.org.roles import Role

DEMO_PASSWORD = "Jiefen@2026"
COUNTY_CODE = "990121000000"

# (code, name, slug, [(village code suffix, name, slug)])
TOWNS = [
    (
        "990121001000",
        "城关街道",
        "cg",
        [("001", "东门社区", "dm"), ("002", "西街社区", "xj"), ("003", "南苑社区", "ny")],
    ),
    (
        "990121100000",
        "青石镇",
        "qs",
        [("201", "青石村", "qsc"), ("202", "柳塘村", "lt"), ("203", "石桥村", "sq")],
    ),
    (
        "990121101000",
        "白沙镇",
        "bs",
        [
            ("201", "白沙村", "bsc"),
            ("202", "河湾村", "hw"),
            ("203", "新华村", "xh"),
            ("204", "古井村", "gj"),
        ],
    ),
    (
        "990121102000",
        "临江镇",
        "lj",
        [("001", "临江社区", "ljs"), ("201", "渡口村", "dk"), ("202", "沙洲村", "sz")],
    ),
    (
        "990121200000",
        "桃源乡",
        "ty",
        [("201", "桃源村", "tyc"), ("202", "杏花村", "xhc"), ("203", "竹林村", "zl")],
    ),
]

# (name, kind, form, mode, handler slug)
COUNTY_UNITS = [
    ("示范县人民法院诉讼服务站", Unit.Kind.COURT, "professional", "resident", "fy"),
    ("示范县人民检察院控申窗口", Unit.Kind.PROCURATORATE, "collaborative", "rotating", "jcy"),
    ("示范县公安局矛盾纠纷调处室", Unit.Kind.POLICE, "collaborative", "resident", "ga"),
    ("示范县交警大队事故调解室", Unit.Kind.TRAFFIC_POLICE, "professional", "resident", "jj"),
    ("示范县信访局", Unit.Kind.PETITION, "whole", "resident", "xf"),
    ("示范县司法局", Unit.Kind.JUSTICE, "whole", "resident", "sf"),
    ("示范县法律援助中心", Unit.Kind.LEGAL_AID, "professional", "resident", "fyzx"),
    ("示范县公证处", Unit.Kind.NOTARY, "collaborative", "periodic", ""),
    ("示范县劳动人事争议仲裁院", Unit.Kind.LABOUR_ARBITRATION, "professional", "resident", "ldzc"),
    ("示范县人力资源和社会保障局", Unit.Kind.HUMAN_RESOURCES, "collaborative", "rotating", "rs"),
    ("示范县住房和城乡建设局", Unit.Kind.HOUSING, "collaborative", "rotating", "zj"),
    ("示范县医疗纠纷人民调解委员会", Unit.Kind.MEDICAL_MEDIATION, "professional", "on_call", "ytw"),
    ("示范县自然资源局", Unit.Kind.NATURAL_RESOURCES, "collaborative", "periodic", "zr"),
    ("示范县农业农村局", Unit.Kind.AGRICULTURE, "collaborative", "periodic", ""),
    ("示范县市场监督管理局", Unit.Kind.MARKET_REGULATION, "collaborative", "rotating", "sj"),
    ("示范县妇女联合会", Unit.Kind.WOMEN_FEDERATION, "joint", "on_call", ""),
    ("示范县保险行业纠纷调解室", Unit.Kind.INSURANCE, "joint", "periodic", ""),
    ("老周调解工作室", Unit.Kind.MEDIATION_STUDIO, "joint", "resident", ""),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志红玉文斌宇浩凯鹏飞波辉萍燕慧琳晨阳婷雪梅海峰立新春生德福"


@dataclass
class DemoAccount:
    username: str
    full_name: str
    roles: str
    place: str
    totp_secret: str = ""


class _Names:
    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def next(self) -> str:
        while True:
            given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice([1, 2, 2])))
            name = self.rng.choice(SURNAMES) + given
            if name not in self.used:
                self.used.add(name)
                return name


def is_loaded() -> bool:
    return Region.objects.filter(code=COUNTY_CODE).exists()


@transaction.atomic
def load(seed: int = 2026) -> None:
    rng = random.Random(seed)
    names = _Names(rng)
    county = _regions()
    centres = _centres(county)
    units = _units(centres)
    _staff(centres, units, names)
    _admins()
    _mediators(rng)
    _experts(centres[COUNTY_CODE], rng, names)
    _duty_roster(centres, rng)


def _regions() -> Region:
    province = Region.objects.create(code="990000000000", name="示范省", level=Level.PROVINCE)
    city = Region.objects.create(
        code="990100000000", name="示范市", level=Level.CITY, parent=province
    )
    county = Region.objects.create(code=COUNTY_CODE, name="示范县", level=Level.COUNTY, parent=city)
    for town_code, town_name, _slug, villages in TOWNS:
        town = Region.objects.create(
            code=town_code, name=town_name, level=Level.TOWN, parent=county
        )
        for suffix, village_name, _vslug in villages:
            Region.objects.create(
                code=town_code[:9] + suffix, name=village_name, level=Level.VILLAGE, parent=town
            )
    return county


def _centres(county: Region) -> dict[str, Centre]:
    centres = {}
    for region in Region.objects.within(county.prefix).order_by("code"):
        village = region.level == Level.VILLAGE
        centre = Centre.objects.create(
            region=region,
            name=f"{region.name}{'综治中心' if village else '社会治理综合服务中心'}",
            kind=Centre.Kind.ZONGZHI if village else Centre.Kind.GOVERNANCE,
            address=f"示范县{'' if region.level == Level.COUNTY else region.name}人民路 {len(centres) + 1} 号",
            phone=f"0999-{6200000 + len(centres) * 13}",
        )
        if not village:
            Department.objects.bulk_create([Department(centre=centre, name=d) for d in DEPARTMENTS])
        centres[region.code] = centre
    return centres


def _units(centres) -> dict[str, Unit]:
    county_centre = centres[COUNTY_CODE]
    units = {}
    for name, kind, form, mode, slug in COUNTY_UNITS:
        unit = Unit.objects.create(
            name=name,
            kind=kind,
            region=county_centre.region,
            centre=county_centre,
            stationing_form=form,
            mode=mode,
            phone=f"0999-{6300000 + len(units) * 7}",
        )
        units[slug or f"nohandler{len(units)}"] = unit
    units["hotline"] = Unit.objects.create(
        name="示范县 12345 政务服务便民热线",
        kind=Unit.Kind.HOTLINE_12345,
        region=county_centre.region,
    )
    cg = centres["990121001000"]
    units["cgpcs"] = Unit.objects.create(
        name="城关派出所",
        kind=Unit.Kind.POLICE,
        region=cg.region,
        centre=cg,
        stationing_form="collaborative",
        mode="resident",
    )
    qs = centres["990121100000"]
    units["qssfs"] = Unit.objects.create(
        name="青石镇司法所",
        kind=Unit.Kind.JUSTICE,
        region=qs.region,
        centre=qs,
        stationing_form="whole",
        mode="resident",
    )
    return units


_HASH: dict[str, str] = {}


def _password_hash() -> str:
    # One argon2 hash of the shared demo password, reused: hashing it 70 times costs ~10 s.
    if "demo" not in _HASH:
        _HASH["demo"] = make_password(DEMO_PASSWORD)
    return _HASH["demo"]


def _make(username, names, roles, centre=None, unit=None, title="", full_name=None):
    return services.create_staff(
        username=username,
        full_name=full_name or names.next(),
        password=DEMO_PASSWORD,
        roles=roles,
        centre=centre,
        unit=unit,
        job_title=title,
        must_change_password=False,
        password_hash=_password_hash(),
    )


def _staff(centres, units, names) -> None:
    county = centres[COUNTY_CODE]
    plan = [
        ("county_clerk", [Role.WINDOW_CLERK], "窗口受理员"),
        ("county_clerk2", [Role.WINDOW_CLERK], "窗口受理员"),
        ("county_mediator", [Role.MEDIATOR], "专职调解员"),
        ("county_mediator2", [Role.MEDIATOR], "专职调解员"),
        ("county_mediator3", [Role.MEDIATOR], "兼职调解员"),
        ("county_supervisor", [Role.SUPERVISOR], "督查科科长"),
        ("county_analyst", [Role.ANALYST], "研判科科员"),
        ("county_leader", [Role.CENTRE_LEADER], "中心主任"),
        ("county_deputy", [Role.CENTRE_LEADER, Role.SUPERVISOR], "中心副主任"),
        ("county_head", [Role.COUNTY_LEADER], "县委副书记"),
        ("county_head2", [Role.COUNTY_LEADER], "副县长"),
        ("county_grid", [Role.GRID_WORKER], "专职网格员"),
    ]
    for username, roles, title in plan:
        _make(username, names, roles, centre=county, title=title)
    for slug, unit in units.items():
        if unit.centre_id == county.pk and not slug.startswith("nohandler"):
            _make(
                f"unit_{slug}",
                names,
                [Role.UNIT_HANDLER],
                centre=county,
                unit=unit,
                title="进驻人员",
            )
    for town_code, _name, slug, villages in TOWNS:
        town = centres[town_code]
        _make(f"{slug}_clerk", names, [Role.WINDOW_CLERK], centre=town, title="窗口受理员")
        _make(f"{slug}_mediator", names, [Role.MEDIATOR], centre=town, title="专职调解员")
        _make(
            f"{slug}_leader",
            names,
            [Role.CENTRE_LEADER, Role.SUPERVISOR],
            centre=town,
            title="中心主任",
        )
        _make(f"{slug}_grid", names, [Role.GRID_WORKER], centre=town, title="网格员")
        for suffix, _vname, vslug in villages:
            village = centres[town_code[:9] + suffix]
            _make(
                f"{vslug}_clerk",
                names,
                [Role.WINDOW_CLERK, Role.MEDIATOR],
                centre=village,
                title="综治专干",
            )
    _make(
        "cg_police",
        names,
        [Role.UNIT_HANDLER],
        centre=centres["990121001000"],
        unit=units["cgpcs"],
        title="社区民警",
    )
    _make(
        "qs_sfs",
        names,
        [Role.UNIT_HANDLER],
        centre=centres["990121100000"],
        unit=units["qssfs"],
        title="司法所所长",
    )


def demo_totp_key(username: str) -> bytes:
    """A fixed demo key so the printed secret keeps working after a reload. Demo only."""
    return hashlib.sha256(f"jiefen-demo-totp:{username}".encode()).digest()[:20]


def _admins() -> None:
    for username, role, full_name in [
        ("sysadmin", Role.SYSTEM_ADMIN, "系统管理员"),
        ("secadmin", Role.SECURITY_ADMIN, "安全管理员"),
        ("auditadmin", Role.AUDIT_ADMIN, "审计管理员"),
    ]:
        user = _make(username, None, [role], full_name=full_name)
        TOTPDevice.objects.create(
            user=user, name="演示认证器", confirmed=True, key=demo_totp_key(username).hex()
        )


def _mediators(rng: random.Random) -> None:
    categories = list(Category.objects.filter(source="ministry"))
    for user in User.objects.filter(role_assignments__role=Role.MEDIATOR).order_by("username"):
        kind = (
            "part_time"
            if user.centre.level == Level.VILLAGE or user.username.endswith("3")
            else "full_time"
        )
        services.set_mediator_profile(
            user,
            kind=kind,
            organisation=f"{user.centre.region.name}人民调解委员会",
            certificate_no=f"SFX-TJ-{rng.randint(10000, 99999)}",
            specialities=rng.sample(categories, 3),
        )


def _experts(county: Centre, rng: random.Random, names) -> None:
    from jiefen.core import crypto

    plan = [
        ("judge", "示范县人民法院"),
        ("judge", "示范市中级人民法院"),
        ("lawyer", "示范律师事务所"),
        ("lawyer", "衡平律师事务所"),
        ("lawyer", "明德律师事务所"),
        ("notary", "示范县公证处"),
        ("arbitrator", "示范市仲裁委员会"),
        ("psychologist", "示范县心理健康服务中心"),
        ("psychologist", "示范市第三人民医院"),
        ("official", "示范县自然资源局"),
        ("official", "示范县住房和城乡建设局"),
        ("official", "示范县人力资源和社会保障局"),
    ]
    categories = list(Category.objects.filter(source="ministry"))
    for profession, organisation in plan:
        phone = f"13{rng.randint(5, 9)}{rng.randint(10**7, 10**8 - 1)}"
        expert = Expert.objects.create(
            centre=county,
            name=names.next(),
            profession=profession,
            organisation=organisation,
            phone=phone,
            phone_hash=crypto.keyed_hash(phone),
        )
        expert.specialities.set(rng.sample(categories, 2))


def _duty_roster(centres, rng: random.Random) -> None:
    today = clock.today()
    days = calendar.monthrange(today.year, today.month)[1]
    rows = []
    for code, centre in centres.items():
        if centre.level == Level.VILLAGE:
            continue
        staff = list(User.objects.filter(centre=centre, unit__isnull=True).order_by("username"))
        leaders = [u for u in staff if u.has_role(Role.CENTRE_LEADER, Role.COUNTY_LEADER)] or staff[
            :1
        ]
        others = [u for u in staff if u not in leaders]
        for day in range(1, days + 1):
            date = today.replace(day=day)
            rows.append(
                DutyShift(
                    centre=centre,
                    date=date,
                    shift="day",
                    duty_role="leader",
                    user=leaders[day % len(leaders)],
                )
            )
            rows.append(
                DutyShift(
                    centre=centre,
                    date=date,
                    shift="day",
                    duty_role="staff",
                    user=others[day % len(others)],
                )
            )
            if code == COUNTY_CODE:
                rows.append(
                    DutyShift(
                        centre=centre,
                        date=date,
                        shift="night",
                        duty_role="staff",
                        user=others[(day + 3) % len(others)],
                    )
                )
    DutyShift.objects.bulk_create(rows)


def accounts() -> list[DemoAccount]:
    result = []
    for user in User.objects.with_roles().order_by("centre__region__code", "username"):
        place = (
            user.unit.name if user.unit else (user.centre.name if user.centre else "（系统管理）")
        )
        secret = ""
        if user.is_administrator:
            secret = base64.b32encode(demo_totp_key(user.username)).decode()
        result.append(DemoAccount(user.username, user.full_name, user.role_labels, place, secret))
    return result
