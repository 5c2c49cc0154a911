"""Fictional demo case content for the demo county 示范县.

Pure Python (no Django). Every generator takes a ``random.Random`` and draws only from
it, so a given seed always yields the same cases. All people, firms, places, amounts and
events are invented; any likeness to real persons or businesses is coincidental.

``make_case`` picks a category (or takes the one given), a matter type, and one of several
scenario builders for that pair. A builder assembles the story from interchangeable parts
(who, what set it off, how long it has gone on, what is asked) and a frame then writes it
up in one of several intake styles: a clerk's terse note, a registration-form summary,
a narrative, a grid worker's report, a phone record, a transfer from another body.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "CATEGORY_NAMES",
    "MATTER_TYPES",
    "RISK_WORDS",
    "CaseSketch",
    "PartySketch",
    "citizen_id",
    "make_case",
    "mobile",
    "person_name",
]

COUNTY = "示范县"
NOW_YEAR = 2025  # the demo's "this year"; events are dated 2021–2025

CATEGORY_NAMES = [
    "婚姻家庭",
    "邻里",
    "房屋宅基地",
    "合同",
    "生产经营",
    "损害赔偿",
    "山林土地",
    "征地拆迁",
    "环境污染",
    "劳动争议",
    "消费",
    "医疗",
    "道路交通事故",
    "物业",
    "其他",
]

MATTER_TYPES = ["dispute", "petition", "complaint", "legal_consult", "psych", "help", "suggestion"]

# Escalation signals (DOMAIN.md §6). A description carries one of these exactly when
# ``risk_words`` is True; ordinary descriptions are written to avoid them.
RISK_WORDS = (
    "扬言",
    "聚集",
    "进京",
    "到省",
    "过激",
    "自伤",
    "轻生",
    "报复",
    "持刀",
    "堵路",
    "横幅",
    "民转刑",
    "喝农药",
    "极端",
)

# Share of cases per category when none is asked for (people's-mediation statistics put
# family, neighbour and homestead matters on top).
_CATEGORY_WEIGHTS = {
    "婚姻家庭": 16,
    "邻里": 19,
    "房屋宅基地": 9,
    "合同": 7,
    "生产经营": 3,
    "损害赔偿": 9,
    "山林土地": 5,
    "征地拆迁": 3.5,
    "环境污染": 2.5,
    "劳动争议": 8,
    "消费": 3,
    "医疗": 2,
    "道路交通事故": 6,
    "物业": 5,
    "其他": 4,
}
_MATTER_WEIGHTS = {
    "dispute": 80,
    "petition": 6,
    "complaint": 5,
    "legal_consult": 4.5,
    "psych": 1.5,
    "help": 1.5,
    "suggestion": 1.5,
}


@dataclass
class PartySketch:
    role: str  # "applicant" | "respondent" | "third_party"
    kind: str  # "person" | "organisation"
    name: str
    sex: str = ""
    birth_year: int | None = None
    ethnicity: str = "汉族"
    occupation: str = ""
    address_hint: str = ""


@dataclass
class CaseSketch:
    category: str
    matter_type: str
    title: str
    description: str
    people_count: int
    amount_yuan: int | None
    is_group: bool
    risk_words: bool
    parties: list[PartySketch] = field(default_factory=list)


# --- names --------------------------------------------------------------------------------

_SURNAMES = (
    "王李张刘陈杨黄赵吴周"
    "徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
    "彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊"
    "秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_SURNAME_WEIGHTS = [6] * 10 + [3] * 20 + [1] * (len(_SURNAMES) - 30)

_GIVEN = {
    ("male", "old"): (
        "建国 建华 建军 国强 国庆 德福 德明 德贵 长生 长青 永福 永贵 福生 金生 水生 春生 有才 "
        "有福 明亮 志强 玉林 玉山 树林 树根 海生 家富 保国 卫东 卫国 和平 光明 文华 茂林 满仓 "
        "连生 贵平 庆余 炳坤 正清 维新 强 军 刚 平 勇 明 华 林 斌 兵 成 忠 荣 贵 福 发 富 全 才"
    ).split(),
    ("male", "mid"): (
        "志伟 海涛 建波 晓东 小军 俊杰 文斌 国华 金龙 永强 红军 海峰 立新 春雷 云飞 明辉 建峰 "
        "伟东 剑锋 新华 学军 振华 小兵 爱民 家明 少华 德胜 冬生 秋明 宏伟 "
        "伟 磊 涛 勇 斌 杰 波 超 鹏 辉 峰 亮 鑫 龙 俊 飞 浩 凯 健 毅 锋 翔"
    ).split(),
    ("male", "young"): (
        "子轩 浩然 宇航 梓豪 俊熙 博文 一鸣 明轩 皓宇 天佑 思远 锦程 泽宇 嘉豪 宇轩 家乐 "
        "睿 晨 昊 航 宇 阳 铭 哲 朗 煜"
    ).split(),
    ("female", "old"): (
        "秀英 桂英 桂兰 秀兰 玉兰 玉珍 凤英 翠兰 桂香 春花 冬梅 金凤 素珍 淑芬 秀珍 月娥 菊英 "
        "兰英 荷花 秋菊 银花 满香 英 兰 芳 珍 娥 凤 莲 菊"
    ).split(),
    ("female", "mid"): (
        "丽华 晓燕 海燕 红梅 小红 春燕 丽娟 秀丽 美玲 雪梅 婷婷 小芳 玉梅 慧敏 晓丽 翠萍 艳红 "
        "桂芳 琳琳 丹丹 丽 芳 娟 敏 静 燕 红 霞 艳 玲 萍 琴 梅"
    ).split(),
    ("female", "young"): (
        "欣怡 梓涵 诗涵 雨萱 思琪 佳怡 可欣 紫萱 梦琪 语桐 一诺 雨彤 子涵 佳琪 婉清 晨曦 "
        "琪 萱 悦 彤 婷 洁"
    ).split(),
}

# Combinations that would name a well-known person; re-drawn if they come up.
_AVOID_NAMES = frozenset(
    "李强 王刚 李宁 马云 李娜 刘翔 姚明 王菲 赵薇 孙俪 李白 杜甫 张飞 刘备 关羽 李斌 李明 "
    "王伟 张勇 朱德 李鹏 陈云 王震 周涛 李勇 刘斌 刘洋 杨利伟 王建国 刘建国 李建国 张国强 "
    "李国强 赵乐际 王沪宁 丁薛祥 李希 蔡奇 张杰 王林 张明 王华".split()
)

_ETHNIC_MINORITIES = [
    "回族",
    "壮族",
    "苗族",
    "土家族",
    "彝族",
    "满族",
    "瑶族",
    "侗族",
    "蒙古族",
    "布依族",
]

_RURAL_OCC = [
    "农民",
    "农民",
    "农民",
    "务农",
    "务工人员",
    "务工人员",
    "个体工商户",
    "养殖户",
    "种植户",
    "货车司机",
    "建筑工人",
    "退休职工",
    "村医",
    "教师",
    "快递员",
    "小卖部店主",
    "泥瓦匠",
]
_TOWN_OCC = [
    "个体工商户",
    "退休职工",
    "企业职工",
    "教师",
    "网约车司机",
    "快递员",
    "务工人员",
    "销售员",
    "餐馆经营者",
    "保洁员",
    "自由职业",
    "公司职员",
    "退休教师",
    "外卖骑手",
]
_OLD_OCC = ["农民", "务农", "退休职工", "无业", "退休教师"]
_WORKER_OCC = ["建筑工人", "务工人员", "钢筋工", "木工", "泥瓦工", "普工", "电焊工", "杂工"]

_CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def _era(birth_year: int) -> str:
    if birth_year < 1972:
        return "old"
    if birth_year < 1993:
        return "mid"
    return "young"


def _name(
    rng: random.Random, sex: str, birth_year: int | None = None, surname: str | None = None
) -> str:
    if birth_year is None:
        birth_year = rng.randint(1945, 2008)
    era = _era(birth_year)
    # Names drift between generations; borrow from the neighbouring pool now and then.
    if rng.random() < 0.25:
        era = {"old": "mid", "mid": rng.choice(("old", "young")), "young": "mid"}[era]
    for _ in range(20):
        sur = surname or rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]
        name = sur + rng.choice(_GIVEN[(sex, era)])
        if name not in _AVOID_NAMES:
            return name
    return name


def person_name(rng: random.Random, sex: str | None = None) -> str:
    """A fictional two- or three-character Chinese personal name."""
    if sex not in ("male", "female"):
        sex = rng.choice(("male", "female"))
    return _name(rng, sex)


# --- identifiers --------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def citizen_id(rng: random.Random, birth_year: int, sex: str, region6: str = "990121") -> str:
    """A GB 11643 citizen ID with a valid check character; odd 17th digit for men."""
    if len(region6) != 6 or not region6.isdigit():
        raise ValueError("region6 must be six digits")
    month = rng.randint(1, 12)
    leap = birth_year % 4 == 0 and (birth_year % 100 != 0 or birth_year % 400 == 0)
    days = 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]
    day = rng.randint(1, days)
    order = rng.randint(0, 99)
    sex_digit = rng.choice((1, 3, 5, 7, 9) if sex == "male" else (0, 2, 4, 6, 8))
    first17 = f"{region6}{birth_year:04d}{month:02d}{day:02d}{order:02d}{sex_digit}"
    total = sum(int(ch) * w for ch, w in zip(first17, _ID_WEIGHTS, strict=True))
    return first17 + _ID_CHECK[total % 11]


_MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 175 176 177 178 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199"
).split()


def mobile(rng: random.Random) -> str:
    """An 11-digit mainland mobile number with a real-looking prefix."""
    return rng.choice(_MOBILE_PREFIXES) + "".join(rng.choice("0123456789") for _ in range(8))


# --- places, firms, dates, money ----------------------------------------------------------

_ZIHAO = (
    "鑫达 宏盛 恒通 永丰 顺发 金鼎 瑞祥 广源 兴旺 盛泰 博远 众诚 佳禾 旺达 锦程 隆昌 富民 "
    "天成 福瑞 嘉和 润泽 森茂 祥和 海川 通达 明辉 宝丰 益民 绿源 青峰 信义 昌盛 华宇 鼎鑫 "
    "腾达 联发 同心 百顺 长兴 丰泰"
).split()
_ESTATES = (
    "锦绣花园 翠湖苑 阳光新城 金桂园 滨江名苑 福源小区 和平里小区 幸福家园 东方华府 学府雅居 "
    "丽景湾 御景园 桂花苑 龙湾小区 新河湾 安居小区 状元府 江南一品"
).split()
_VILLAGE_SPOTS = [
    "村东头",
    "村西头",
    "村口",
    "后山脚下",
    "老祠堂旁",
    "晒谷场边",
    "河沟边",
    "水泥路旁",
    "大樟树下",
    "水塘边",
    "老村部附近",
    "小学旁边",
]
_FIELD_NAMES = [
    "大丘田",
    "塘边田",
    "长垅",
    "坳上",
    "岭背",
    "冲里",
    "下洋坂",
    "石门坑",
    "马鞍坡",
    "竹山湾",
    "后背山",
    "老虎垅",
    "上坪",
    "三角丘",
]
_CROPS = ["水稻", "玉米", "油菜", "花生", "红薯", "辣椒", "柑橘", "茶叶", "烟叶", "蔬菜"]
_PROJECTS = [
    "县城东扩安置区",
    "国道改线工程",
    "工业园区二期",
    "高铁站连接线",
    "城南污水处理厂",
    "县第二中学新校区",
    "物流园",
    "河道综合治理工程",
    "乡村振兴产业园",
    "滨河公园",
]


def _money(n: int) -> str:
    if n >= 10000 and n % 100 == 0:
        return f"{n / 10000:.2f}".rstrip("0").rstrip(".") + "万元"
    return f"{n}元"


class _Ctx:
    """The random source and the place a case happens in, plus small drawing helpers."""

    def __init__(self, rng: random.Random, village: str, town: str):
        self.rng = rng
        self.village = village
        self.town = town
        self.urban = village.endswith(("社区", "居委会")) or town.endswith("街道")
        self.town_short = town.removesuffix("街道").removesuffix("镇").removesuffix("乡") or town

    # generic draws
    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def num(self, lo: int, hi: int, step: int = 1) -> int:
        return self.rng.randrange(lo, hi + 1, step)

    def yuan(self, lo: int, hi: int, step: int = 100) -> int:
        return self.rng.randrange(lo // step, hi // step + 1) * step

    def cn(self, lo: int = 1, hi: int = 12) -> str:
        return _CN[self.rng.randint(lo, hi) - 1]

    # places
    def grp(self) -> str:
        return f"{self.cn(1, 12)}组"

    def estate(self) -> str:
        return self.pick(_ESTATES)

    def home(self) -> str:
        if self.urban:
            return f"{self.village}{self.estate()}{self.num(1, 18)}栋"
        return f"{self.village}{self.grp()}"

    def spot(self) -> str:
        return self.pick(_VILLAGE_SPOTS)

    def field(self) -> str:
        return self.pick(_FIELD_NAMES)

    def zihao(self) -> str:
        return self.pick(_ZIHAO)

    def firm(self, trade: str, suffix: str = "有限公司") -> str:
        return f"{COUNTY}{self.zihao()}{trade}{suffix}"

    def collective(self) -> str:
        return self.pick(
            [
                f"{self.town}{self.village}股份经济合作社",
                f"{self.village}村民委员会",
                f"{self.village}第{self.cn(1, 10)}村民小组",
            ]
        )

    # time
    def year(self, lo: int = 2021, hi: int = NOW_YEAR) -> int:
        return self.rng.randint(lo, hi)

    def ym(self, lo: int = 2022, hi: int = NOW_YEAR) -> str:
        y = self.year(lo, hi)
        m = self.rng.randint(1, 9 if y == NOW_YEAR else 12)
        return f"{y}年{m}月"

    def when(self) -> str:
        if self.chance(0.5):
            return self.ym() + self.pick(["", "", "初", "中旬", "底", "下旬"])
        return self.pick(
            [
                "去年秋收后",
                "今年开春",
                "去年腊月",
                "今年端午前后",
                "前年年底",
                "上个月",
                "今年清明前",
                "去年夏天",
                "今年年初",
                "去年国庆期间",
                "上半年",
                "今年春节后",
                "去年梅雨季",
            ]
        )

    def since(self) -> str:
        """A clause that stands as its own sentence: how long the trouble has lasted."""
        return self.pick(
            [
                "此事前后已有两年多",
                "矛盾已持续近半年",
                "双方为此断断续续闹了三四年",
                "问题从去年到现在一直没解决",
                "此事已拖了好几个月",
                "两家为此已有七八年不说话",
                "前后已有一年多",
            ]
        )

    def alt(self, options: list[tuple]) -> tuple:
        """Pick one coupled variant (trigger, ask, counter …); list members are picked from again."""
        chosen = self.pick(options)
        return tuple(self.pick(x) if isinstance(x, list) else x for x in chosen)

    def daytime(self) -> str:
        return self.pick(
            [
                "早上七点多",
                "上午十点左右",
                "中午",
                "下午三点多",
                "傍晚",
                "晚上八点多",
                "夜里十一点左右",
            ]
        )

    # people
    def person(
        self,
        role: str = "applicant",
        sex: str | None = None,
        age: tuple[int, int] = (28, 68),
        occ: str | list[str] | None = None,
        surname: str | None = None,
        where: str | None = None,
        birth_year: int | None = None,
    ) -> PartySketch:
        rng = self.rng
        sex = sex or rng.choice(("male", "female"))
        by = birth_year if birth_year is not None else NOW_YEAR - rng.randint(*age)
        if occ is None:
            if NOW_YEAR - by >= 66:
                occ = _OLD_OCC
            else:
                occ = _TOWN_OCC if self.urban else _RURAL_OCC
        occupation = occ if isinstance(occ, str) else rng.choice(occ)
        eth = "汉族" if rng.random() < 0.93 else rng.choice(_ETHNIC_MINORITIES)
        return PartySketch(
            role=role,
            kind="person",
            name=_name(rng, sex, by, surname),
            sex=sex,
            birth_year=by,
            ethnicity=eth,
            occupation=occupation,
            address_hint=where or self.home(),
        )

    def child_of(self, parent: PartySketch, role: str, sex: str | None = None, **kw) -> PartySketch:
        """A son or daughter of ``parent`` (same surname), 20–34 years younger."""
        by = min((parent.birth_year or 1960) + self.num(20, 34), NOW_YEAR - 18)
        return self.person(role, sex=sex, surname=parent.name[0], birth_year=by, **kw)

    def org(self, role: str, name: str, where: str | None = None) -> PartySketch:
        return PartySketch(
            role=role,
            kind="organisation",
            name=name,
            sex="",
            birth_year=None,
            ethnicity="",
            occupation="",
            address_hint=where or self.town,
        )


def _age(p: PartySketch) -> int:
    return NOW_YEAR - (p.birth_year or NOW_YEAR - 40)


def _kid(sex: str) -> str:
    return "儿子" if sex == "male" else "女儿"


# --- drafts and the builder registry -----------------------------------------------------


@dataclass
class _Draft:
    """What a scenario builder hands to the frames.

    ``facts``, ``ask`` and ``counter`` may contain the marker ``@A`` for the first applicant;
    the frame replaces it by a name, "申请人" or "其" to suit its style. ``ask`` reads after
    要求/希望/诉求; ``counter`` is the other side's answer and starts with a verb (称/认为/表示).
    For legal_consult ``ask`` is the question, without the question mark. ``text`` (if set)
    is a finished description used as it stands.
    """

    subject: str
    facts: list[str]
    ask: str
    parties: list[PartySketch]
    intro: str = ""
    counter: str = ""
    amount: int | None = None
    people: int | None = None
    group: bool = False
    text: str | None = None
    title: str | None = None
    sources: list[str] | None = None
    evidence: str = ""


_Builder = Callable[[_Ctx], _Draft]
# category -> matter type -> [(builder, weight)]
_BUILDERS: dict[str, dict[str, list[tuple[_Builder, float]]]] = {
    name: {} for name in CATEGORY_NAMES
}


def _builder(category: str, matter: str = "dispute", weight: float = 1.0):
    def register(fn: _Builder) -> _Builder:
        _BUILDERS[category].setdefault(matter, []).append((fn, weight))
        return fn

    return register


# =========================================================================================
# 婚姻家庭
# =========================================================================================


@_builder("婚姻家庭", weight=1.3)
def _fam_support(c: _Ctx) -> _Draft:
    old = c.person("applicant", age=(70, 90))
    n = c.num(2, 5)
    kids = [c.child_of(old, "respondent") for _ in range(min(n, 3))]
    first, last = kids[0].name, kids[-1].name
    fee = c.pick([200, 300, 300, 400, 500, 600, 800])
    widowed = c.pick(
        ["老伴早年去世", f"老伴于{c.year(2015, 2024)}年病故", "老伴常年卧病在床", "老伴身体尚可"]
    )
    trigger, ask = c.alt(
        [
            (
                f"{c.when()}@A在家中摔倒致股骨骨折，住院花去{_money(c.yuan(8000, 42000, 500))}，出院后生活基本不能自理",
                [
                    "子女共同分担住院费用，并商定由谁接其同住照料",
                    f"子女每人每月支付赡养费{fee}元，并轮流照料生活",
                ],
            ),
            (
                "@A患有高血压、糖尿病，常年吃药，今年以来腿脚越来越不灵便",
                [
                    f"子女每人每月支付赡养费{fee}元，药费凭票据平摊",
                    "子女按月给付赡养费，生病住院时共同分担费用",
                ],
            ),
            (
                f"@A原本跟{last}一家生活，{c.when()}与儿媳拌嘴后搬回老屋独居",
                [
                    f"{last}把其接回家中同住，其他子女按月出钱",
                    "子女商量好由谁接其同住，其余子女按月出钱",
                ],
            ),
            (
                "@A住的土坯老屋年久失修，一下雨就漏",
                ["子女出钱修缮老屋，平时轮流上门照看", "子女接其同住，或者合伙出钱把老屋修好"],
            ),
            (
                f"@A每月只有一百多元养老金，{c.when()}起连买药钱都难以为继",
                [f"子女每人每月支付赡养费{fee}元", f"{first}等子女按月给付赡养费"],
            ),
        ]
    )
    quarrel = c.pick(
        [
            f"子女们在谁出钱、谁照料的问题上互相推诿，{first}认为当年分家时老人的积蓄都给了弟弟，自己不该多出",
            f"{first}以自己在外打工收入不稳为由，一直不肯出钱",
            "子女之间对赡养费怎么分摊意见不一，有人主张按人头平摊，有人主张谁分得房子谁多出",
            f"子女们曾口头约定轮流照顾，每家一个月，但{last}家轮到时常以农忙为由把老人送回老屋",
            "几个子女平时很少回家看望，逢年过节也只是打个电话",
        ]
    )
    return _Draft(
        subject=c.pick(["赡养纠纷", "赡养费纠纷", "老人赡养纠纷"]),
        facts=[f"@A今年{_age(old)}岁，{widowed}，育有{n}个子女，均已成家", trigger, quarrel],
        ask=ask,
        parties=[old, *kids],
        intro=f"系{'父' if old.sex == 'male' else '母'}亲与子女关系",
        counter=c.pick(
            [
                "表示愿意出钱，但要求其他兄弟姐妹一起分摊",
                "称自己家里孩子还在上学，负担重，只能少出一些",
                "认为老人分家时偏心，好处都给了别人",
                "称愿意把老人接去同住，但老人不愿离开老屋",
            ]
        ),
        people=1 + min(n, 4),
        evidence="村委会出具的家庭情况说明、老人的病历和药费票据",
    )


@_builder("婚姻家庭")
def _fam_child_support(c: _Ctx) -> _Draft:
    mother_keeps = c.chance(0.75)
    a = c.person("applicant", sex="female" if mother_keeps else "male", age=(27, 45))
    b = c.person("respondent", sex="male" if mother_keeps else "female", age=(28, 48))
    sex = c.pick(("male", "female"))
    child = _name(c.rng, sex, NOW_YEAR - 8, (b if mother_keeps else a).name[0])
    kid_age = c.num(3, 15)
    y = c.year(2016, 2023)
    fee = c.pick([500, 600, 800, 1000, 1200, 1500, 2000])
    owed = fee * c.num(5, 30)
    trigger, ask, amount = c.alt(
        [
            (
                f"{b.name}自{c.ym(2023)}起以{c.pick(['工地停工', '再婚后负担重', '做生意亏了本', '身体不好干不了重活'])}为由停付，至今累计欠付{_money(owed)}",
                f"{b.name}补付欠付的抚养费{_money(owed)}，此后按月按时支付",
                owed,
            ),
            (
                f"孩子今年升入{c.pick(['初中', '县城小学', '高中'])}，学费、生活费明显增加，@A要求{b.name}提高抚养费，{b.name}不同意",
                f"抚养费由每月{fee}元调整为{fee + c.pick([300, 500, 800])}元",
                None,
            ),
            (
                f"{b.name}只付过头几个月，后来电话不接、微信不回，累计欠付约{_money(owed)}",
                f"{b.name}一次性补齐欠款{_money(owed)}",
                owed,
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["抚养费纠纷", "子女抚养费纠纷", "离婚后抚养费纠纷"]),
        facts=[
            f"@A与{b.name}原系夫妻，{y}年{c.pick(['协议离婚', '经法院调解离婚', '在民政部门办理离婚'])}，"
            f"婚生{_kid(sex)}{child}（现{kid_age}岁）随@A生活，约定{b.name}每月支付抚养费{fee}元",
            trigger,
        ],
        ask=ask,
        parties=[a, b],
        intro="原系夫妻",
        counter=c.pick(
            [
                "称自己收入微薄，愿意恢复支付，但无力一次还清欠款",
                "认为@A阻挠其探望孩子，所以才停付",
                "表示孩子开销应由双方共同负担",
                "称已通过给孩子买衣服、交学费等方式支付过一部分",
            ]
        ),
        amount=amount,
        people=3,
        evidence="离婚协议书、孩子的学费票据和微信聊天记录",
    )


@_builder("婚姻家庭", weight=0.8)
def _fam_visitation(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(27, 46))
    b = c.person("respondent", sex="female" if a.sex == "male" else "male", age=(26, 45))
    sex = c.pick(("male", "female"))
    trigger, counter = c.alt(
        [
            (
                f"{c.when()}以来，{b.name}以孩子要补课、身体不舒服等理由多次拒绝@A探望",
                ["称并非阻挠，只是孩子确实课业紧", "表示可以探望，但不同意把孩子接走过夜"],
            ),
            (
                f"{b.name}带着孩子搬到{c.pick(['外省', '娘家', '县城', '市里'])}居住，没有告知@A住址",
                ["称搬家是因为工作调动，不是故意躲着", "表示可以告知住址，但要求@A先付清抚养费"],
            ),
            (
                f"@A上次接孩子时晚送回两个小时，{b.name}就此不再让其接孩子",
                ["称@A不守约定，孩子回来后哭闹不止", "表示只要按时送回，可以恢复探望"],
            ),
            (
                f"{b.name}再婚后，认为@A频繁探望影响孩子适应新家庭",
                ["希望减少探望次数，改为每月一次", "称孩子现在不愿意见@A"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["探望权纠纷", "子女探望纠纷"]),
        facts=[
            f"@A与{b.name}于{c.year(2018, 2024)}年离婚，{_kid(sex)}（{c.num(2, 12)}岁）随{b.name}生活，"
            f"离婚协议约定@A{c.pick(['每月可探望两次', '每周末可接孩子回家住一晚', '寒暑假可带孩子各住半个月'])}",
            trigger,
        ],
        ask=c.pick(
            [
                "明确每月探望的时间和方式，对方不得阻挠",
                f"{b.name}按离婚协议配合探望",
                "恢复正常探望，寒暑假能接孩子回家住几天",
            ]
        ),
        parties=[a, b],
        intro="原系夫妻",
        counter=counter,
        people=3,
    )


@_builder("婚姻家庭")
def _fam_betrothal(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="male", age=(46, 64))
    b = c.person(
        "respondent",
        sex=c.pick(("male", "female")),
        age=(44, 62),
        where=f"{c.town}{c.pick(['石桥村', '河口村', '上坪村', '新田村', '岭下村', '长塘村'])}",
    )
    groom = _name(c.rng, "male", NOW_YEAR - 27, a.name[0])
    bride = _name(c.rng, "female", NOW_YEAR - 25, b.name[0] if b.sex == "male" else None)
    gift = c.pick([68000, 88000, 100000, 128000, 138000, 168000, 188000, 200000])
    part = c.pick([20000, 30000]) if gift < 100000 else c.pick([30000, 50000, 60000])
    y = c.year(2022, 2024)
    status = c.pick(
        [
            "双方没有办理结婚登记，男方一直在外地打工",
            f"双方{y}年底办了酒席，但未领结婚证",
            "双方已办理结婚登记，但共同生活不到一年",
            "订婚后女方一直住在娘家，双方来往不多",
        ]
    )
    reason = c.pick(
        [
            "性格不合、经常吵架",
            "在县城买房写谁的名字谈不拢",
            "女方嫌男方收入不稳定",
            "男方家里老人生病需要照顾，婚期一拖再拖",
            "双方家长在办酒的事情上闹了矛盾",
        ]
    )
    split_year = c.year(y + 1, NOW_YEAR)
    return _Draft(
        subject=c.pick(["彩礼返还纠纷", "婚约财产纠纷", "彩礼纠纷"]),
        facts=[
            f"@A之子{groom}与{b.name}之女{bride}经{c.pick(['媒人', '亲戚', '同学', '朋友'])}介绍相识，"
            f"{y}年{c.num(1, 10)}月按当地风俗订婚，男方给付彩礼{_money(gift)}，另购买了金项链、金戒指等“三金”",
            status,
            f"{split_year}年{c.num(1, 9)}月两人因{reason}提出分手",
        ],
        ask=c.pick(
            [
                f"女方返还彩礼{_money(gift)}及三金",
                f"女方至少返还彩礼{_money(gift - part)}",
                "女方全额返还彩礼",
            ]
        ),
        parties=[a, b],
        counter=c.pick(
            [
                f"称彩礼已用于置办嫁妆和办酒，且是男方先提出分手，只同意退还{_money(part)}",
                "认为女儿已在男方家生活过一段时间，不应全退",
                "表示三金可以退还，彩礼只能退一半",
            ]
        ),
        amount=gift,
        people=4,
        evidence="媒人证言、彩礼转账记录和订婚照片",
    )


@_builder("婚姻家庭", weight=1.2)
def _fam_marriage(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="female" if c.chance(0.7) else "male", age=(26, 55))
    b = c.person(
        "respondent",
        sex="male" if a.sex == "female" else "female",
        age=(27, 57),
        where=a.address_hint,
    )
    cause, ask, counter = c.alt(
        [
            (
                f"{b.name}长期在外务工，很少往家里寄钱，{c.when()}回家后双方为家里开支大吵一架",
                [
                    "家里收入由双方共同管理，对方每月按时寄回生活费",
                    "协议离婚，孩子由@A抚养，共同财产依法分割",
                ],
                ["称在外开销大，挣的钱本来就不多", "同意以后每月寄钱回家"],
            ),
            (
                f"{b.name}迷上网络赌博，先后输掉家中积蓄约{_money(c.yuan(30000, 200000, 1000))}，还借了网贷",
                [f"{b.name}写下保证书戒赌，网贷由其个人偿还", "解除婚姻关系，赌债由对方个人承担"],
                ["表示愿意戒赌，不同意离婚", "称借网贷也有一部分用在了家里"],
            ),
            (
                f"{b.name}酒后常辱骂@A，{c.when()}还动手推搡，致@A手臂淤青",
                [f"{b.name}写下保证书，戒酒、不再动手", "先分开居住，对方不得再骚扰"],
                ["承认酒后失态，表示愿意改", "称是双方互相推搡，不是单方动手"],
            ),
            (
                "两人因照顾老人、孩子上学等问题长期争吵，已分居一年多",
                ["协议离婚，孩子由@A抚养，共同财产依法分割", "双方坐下来商量好家务和孩子的安排"],
                ["同意离婚，但要求孩子归自己抚养", "不同意离婚，希望@A回家"],
            ),
            (
                f"{b.name}在外与他人交往过密，被@A发现后拒不认错",
                ["解除婚姻关系，对方在财产分割上少分", "对方断绝与他人来往，写下保证书"],
                ["否认有不正当关系", "同意离婚，但不同意少分财产"],
            ),
        ]
    )
    assets = c.pick(
        [
            f"双方婚后在县城按揭购买商品房一套，尚欠贷款约{_money(c.yuan(100000, 400000, 10000))}",
            "双方婚后共同经营一家小超市",
            "婚后两人在宅基地上建了三层楼房",
            f"家中有存款约{_money(c.yuan(20000, 150000, 1000))}和一辆面包车",
            "婚生子女两人均在读书",
        ]
    )
    return _Draft(
        subject=c.pick(["婚姻家庭纠纷", "夫妻感情纠纷", "离婚纠纷", "夫妻矛盾纠纷"]),
        facts=[f"@A与{b.name}结婚{c.num(3, 25)}年，{assets}", cause],
        ask=ask,
        parties=[a, b],
        intro="系夫妻关系",
        counter=counter,
        people=2,
    )


@_builder("婚姻家庭")
def _fam_inheritance(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 66))
    b = c.person(
        "respondent", surname=a.name[0], sex=c.pick(("male", "male", "female")), age=(36, 68)
    )
    rel = _sibling_rel(a, b)
    estate = c.pick(
        [
            "村里两间老瓦房和一块菜地",
            "县城一套五十多平方米的老房子",
            f"银行存款约{_money(c.yuan(50000, 300000, 1000))}",
            "一栋两层砖混楼房",
            f"老屋被征收后的补偿款{_money(c.yuan(150000, 600000, 1000))}",
        ]
    )
    point, ask, counter = c.alt(
        [
            (
                "父亲生前没有立书面遗嘱，只在病中口头说过“老屋给小的”",
                "按法定继承平均分配",
                ["称父亲的意思大家都听到了", "同意分，但要扣除自己为父母看病垫付的钱"],
            ),
            (
                f"{b.name}一直与父母同住，认为自己尽了主要赡养义务，应当多分",
                ["按法定继承平均分配", "适当照顾对方，但自己也要分得一份"],
                ["认为@A多年不回家、未尽赡养义务，不应平分", "同意分，但自己要多分"],
            ),
            (
                f"{b.name}将老屋出租，租金一直自己收取",
                [f"{b.name}拿出租金的一半，房子由兄弟姐妹共有", "把租金和房子一并分清"],
                ["称老屋是自己出钱修缮的，租金应归自己", "同意分租金，但要扣除修缮费"],
            ),
            (
                f"{b.name}拿出一份父亲生前写的字条，@A认为笔迹不像父亲的",
                ["对字条进行笔迹鉴定，不是真的就按法定继承分", "按法定继承平均分配"],
                ["坚持字条是父亲亲笔写的", "同意鉴定"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["继承纠纷", "分家析产纠纷", "遗产继承纠纷", "家庭财产分割纠纷"]),
        facts=[
            f"父亲于{c.ym(2020)}病故，母亲{c.pick(['早年去世', '随后也去世了'])}，留下{estate}",
            point,
        ],
        ask=ask,
        parties=[a, b],
        intro=f"系{rel}",
        counter=counter,
        people=c.num(2, 5),
    )


@_builder("婚姻家庭")
def _fam_inlaws(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="female", age=(52, 75))
    b = c.person("respondent", sex="female", age=(25, 42), where=a.address_hint)
    son = c.child_of(a, "third_party", sex="male", where=a.address_hint)
    topic = c.pick(
        ["带孙子", "做家务", "家里开支", "过年回谁家", "孩子上学要不要去县城租房", "老人看病花钱"]
    )
    return _Draft(
        subject=c.pick(["婆媳矛盾纠纷", "家庭矛盾纠纷", "家庭纠纷"]),
        facts=[
            f"@A与儿媳{b.name}同住一栋楼，{c.pick(['近几年', '这两年', '自孙子出生后'])}常因{topic}等琐事闹矛盾",
            f"{c.when()}双方又因{c.pick(['孙子哭闹', '一顿饭', '电费谁交', '晒谷场上的谷子'])}争吵，{b.name}带着孩子回了娘家，至今未回",
            f"儿子{son.name}{c.pick(['在外地务工', '在工地上班', '跑货运'])}，夹在中间两头为难",
        ],
        ask=c.pick(
            [f"{b.name}回家，今后分灶吃饭", "楼上楼下分开住，家务各管各的", "当面把误会说开"]
        ),
        parties=[a, b, son],
        intro="系婆媳关系",
        counter=c.pick(
            [
                "称婆婆处处挑剔，不分开住就不回去",
                "表示可以回去，但要求丈夫回家工作",
                "认为婆婆偏心小叔子一家",
            ]
        ),
        people=3,
    )


@_builder("婚姻家庭", weight=0.7)
def _fam_elder_money(c: _Ctx) -> _Draft:
    old = c.person("applicant", age=(68, 88))
    son = c.child_of(old, "respondent", sex="male")
    amount = c.yuan(20000, 180000, 1000)
    what = c.pick(["征地补偿款", "养老金存折", "老屋的租金", "卖猪卖粮的积蓄", "危房改造补助款"])
    trigger, counter = c.alt(
        [
            (
                f"{c.when()}@A想取钱看病，才发现钱已被{son.name}拿去{c.pick(['买车', '做生意', '还债', '给孙子付首付'])}",
                ["同意分期归还", "称钱用于家里开支，没有乱花"],
            ),
            (
                f"{son.name}每月只给@A一两百元零花钱，其余不让过问",
                ["称是替老人保管，怕老人被保健品推销骗走", "同意每月多给一些"],
            ),
            (
                f"@A向{son.name}要回存折，{son.name}以“怕被骗”为由拒绝",
                ["称前年老人被人骗过一次，担心再被骗", "同意交还存折，但要由其他子女一起监督"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["家庭财产纠纷", "赡养纠纷", "老人财产纠纷"]),
        facts=[
            f"@A今年{_age(old)}岁，{what}一直由儿子{son.name}代管，共计约{_money(amount)}",
            trigger,
        ],
        ask=c.pick(
            [
                f"{son.name}归还{_money(amount)}",
                "交还存折和银行卡，由自己保管",
                "写下还款计划，按月归还",
            ]
        ),
        parties=[old, son],
        intro=f"系{'父' if old.sex == 'male' else '母'}子关系",
        counter=counter,
        amount=amount,
        people=2,
    )


@_builder("婚姻家庭", "legal_consult")
def _fam_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 70))
    gift = c.pick([88000, 128000, 168000])
    subject, fact, question = c.pick(
        [
            (
                "离婚财产分割问题",
                "其与丈夫结婚十二年，婚后在宅基地上建了楼房，但宅基地登记在公公名下",
                "离婚时这栋楼房自己能不能分得份额",
            ),
            (
                "子女抚养权问题",
                f"其准备离婚，儿子今年{c.num(3, 12)}岁，双方都想要孩子",
                "孩子归谁抚养一般怎么判，孩子几岁可以自己选择跟谁",
            ),
            (
                "彩礼返还问题",
                f"其女儿订婚时收了男方彩礼{_money(gift)}，现在男方提出退婚",
                "彩礼是否必须全部退还，办酒的花费能否扣除",
            ),
            (
                "出嫁女继承问题",
                "其出嫁多年，父母去世后老屋被哥哥一家占用",
                "出嫁的女儿对父母的房子还有没有继承份额",
            ),
            (
                "抚养费执行问题",
                "前夫拖欠抚养费一年多，法院调解书早已生效",
                "能否申请法院强制执行，需要准备哪些材料",
            ),
            (
                "遗嘱效力问题",
                "父亲临终前口述遗嘱，由村干部代写，只有一人在场签字",
                "这样的遗嘱是否有效",
            ),
            (
                "赡养义务问题",
                "其父母离婚后一直由母亲抚养，父亲二十多年没有管过",
                "现在父亲年老要求其支付赡养费，自己是否必须支付",
            ),
            (
                "婚前财产问题",
                "其儿子准备结婚，婚房首付是自己出的",
                "房子怎样登记才算儿子的婚前个人财产",
            ),
            ("离婚冷静期问题", "其与妻子已在民政部门提交离婚登记申请", "冷静期内一方反悔了怎么办"),
            (
                "夫妻共同债务问题",
                "丈夫瞒着其在外借了十几万元，现在债主上门催讨",
                "这笔钱是否属于夫妻共同债务，自己要不要还",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


@_builder("婚姻家庭", "psych")
def _fam_psych(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="female" if c.chance(0.7) else "male", age=(24, 60))
    subject, fact = c.pick(
        [
            ("离婚后情绪困扰", "离婚后独自带孩子，近半年常常失眠、不愿出门，觉得生活没有盼头"),
            ("丧亲哀伤", f"配偶{c.when()}在外务工时因意外去世，此后一直情绪低落，对孩子也没了耐心"),
            ("亲子关系困扰", "孩子沉迷手机游戏、不愿上学，亲子间多次激烈争吵，其感到焦虑无助"),
            ("家庭关系困扰", "与配偶因债务问题长期争吵，出现心慌、胸闷、整夜睡不着等情况"),
            ("婆媳关系困扰", "与婆婆多年不和，丈夫不闻不问，近来经常莫名哭泣"),
        ]
    )
    referrer = c.pick(["村妇联主席", "网格员", "调解员", "其姐姐", "孩子的班主任", "社区干部"])
    return _Draft(
        subject=subject,
        facts=[fact, f"经{referrer}介绍来到中心心理服务室"],
        ask=c.pick(
            [
                "得到心理疏导，调整好情绪",
                "为其和孩子做一次家庭心理辅导",
                "学会和家人沟通，缓和家庭关系",
            ]
        ),
        parties=[a],
        people=1,
    )


@_builder("婚姻家庭", "help")
def _fam_help(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 80))
    subject, fact, ask = c.pick(
        [
            (
                "老人照料",
                f"其母亲{c.num(82, 95)}岁，独居在老屋，子女都在外地，近期行动不便无人照看",
                "村里协助联系子女，落实日常照料",
            ),
            (
                "家庭暴力",
                "丈夫酒后多次殴打其，昨晚又动了手，现不敢回家",
                "帮助申请人身安全保护令，并联系临时住处",
            ),
            (
                "困难救助",
                "丈夫外出打工后失联半年，两个孩子上学的费用没有着落",
                "协助申请临时救助，并帮忙寻找丈夫下落",
            ),
            ("户籍办理", "孩子出生时父母未登记结婚，至今没有落户", "帮助办理孩子的户口登记"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=c.num(1, 3))


# =========================================================================================
# 邻里
# =========================================================================================


def _sibling_rel(a: PartySketch, b: PartySketch) -> str:
    elder, younger = (a, b) if _age(a) >= _age(b) else (b, a)
    return ("兄" if elder.sex == "male" else "姐") + ("弟" if younger.sex == "male" else "妹")


def _neighbours(c: _Ctx, **kw) -> tuple[PartySketch, PartySketch]:
    a = c.person("applicant", **kw)
    b = c.person("respondent", age=(30, 72), where=a.address_hint)
    return a, b


@_builder("邻里")
def _nb_eaves(c: _Ctx) -> _Draft:
    a, b = _neighbours(c, age=(35, 78))
    cm = c.num(20, 80, 5)
    harm, ask, counter = c.alt(
        [
            (
                "每逢下雨，雨水直接滴进@A家院子，墙根常年返潮长青苔",
                ["对方加装落水管和接水槽，不让雨水滴进自家院内", "对方把屋檐截短到自家界内"],
                ["认为@A家墙体返潮是房子太老造成的", "同意装落水管，但不同意截短屋檐"],
            ),
            (
                "雨水顺着屋檐冲刷@A家的老土墙，墙脚已被淘空一块",
                ["对方修好被冲坏的墙脚并加装落水管", "对方赔偿修墙费用并改造屋檐"],
                ["称墙脚是老鼠打洞淘空的", "同意装落水管，修墙费用两家分担"],
            ),
            (
                "@A家晒在院里的谷子、衣物多次被屋檐水淋湿",
                ["对方加装落水管和接水槽", "对方把屋檐截短到自家界内"],
                ["称屋檐伸出是按老规矩留的滴水位置", "同意装落水管"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["滴水檐纠纷", "邻里滴水纠纷", "屋檐滴水纠纷"]),
        facts=[
            f"{b.name}家{c.when()}拆旧建新，新楼屋檐向@A家一侧伸出约{cm}厘米",
            harm,
            c.pick(
                [
                    "@A多次上门理论未果",
                    f"双方为此吵过几次，{b.name}称按老规矩滴水留一尺就够了",
                    "村干部来量过一次，但没有定论",
                ]
            ),
        ],
        ask=ask,
        parties=[a, b],
        intro=c.pick(["系前后邻居", "系左右相邻"]),
        counter=counter,
        people=c.num(2, 4),
        evidence="现场照片和下雨时拍的视频",
    )


@_builder("邻里")
def _nb_drain(c: _Ctx) -> _Draft:
    a, b = _neighbours(c)
    cause, harm, ask, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}硬化门前地坪时把排水沟填平了",
                "下大雨时积水倒灌进@A家厨房和堂屋，家具受潮损坏",
                ["恢复原有排水沟，保证排水畅通", "对方另行埋设排水管，并赔偿受潮家具损失"],
                ["称排水沟在自家地界内，有权处理", "同意埋管，但要求@A分担一半费用"],
            ),
            (
                f"{b.name}在排水沟上加盖了一间杂物房，沟被压住后常年堵塞",
                "@A家院子积水排不出去，地基已有下沉迹象",
                ["对方拆除压在沟上的杂物房，疏通水沟", "对方另行埋设排水管，不得影响自家"],
                ["认为积水是@A家地势低造成的", "同意把沟清通，但杂物房不拆"],
            ),
            (
                f"{b.name}把自家厨房和猪圈的污水接进排水沟",
                "夏天污水发臭，蚊蝇很多，还渗到@A家菜地",
                ["对方停止往沟里排污，自建化粪池", "对方把污水管改走别处"],
                ["称村里家家户户都是这样排的", "同意建化粪池，但需要时间"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["排水纠纷", "排水沟纠纷", "邻里排水纠纷"]),
        facts=[
            f"@A与{b.name}两家房屋相邻，{c.pick(['屋后', '门前', '两家之间'])}原有一条排水沟，几十年来两家共用",
            cause,
            harm,
        ],
        ask=ask,
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=c.num(2, 5),
        evidence="积水时的照片和视频",
    )


@_builder("邻里")
def _nb_noise(c: _Ctx) -> _Draft:
    a, b = _neighbours(c, age=(30, 78))
    source, ask, counter = c.alt(
        [
            (
                f"{b.name}在自家一楼开了个小型{c.pick(['木材加工', '钢筋加工', '豆腐', '米粉'])}作坊，机器从早上六点响到晚上十点",
                ["对方中午和夜间停工，机器加装减震隔音", "对方把作坊搬离居住区"],
                ["称是养家糊口的营生，声音不算大", "表示做完这批货就考虑搬", "同意晚上九点后停机"],
            ),
            (
                f"{b.name}家{c.pick(['孩子', '儿子'])}每天深夜在楼上打游戏、拍桌子，声音很大",
                ["对方晚上十点后保持安静", "对方管好孩子，夜间不得吵闹"],
                ["称孩子已经成年，管不了", "同意提醒孩子注意"],
            ),
            (
                f"{b.name}家一楼开了麻将馆，每晚打到凌晨一两点",
                ["麻将馆晚上十一点前关门", "对方做好隔音，夜里不得喧哗"],
                ["称只是邻居们来玩玩，不收钱", "同意晚上十一点前散场"],
            ),
            (
                f"{b.name}家在装修，周末和中午也在电钻、敲墙",
                ["对方中午和周末不得施工", "对方按规定时间装修"],
                ["称工期紧，想早点搬进去", "同意调整施工时间"],
            ),
            (
                f"{b.name}在自家门口安装大功率音箱放歌、跳舞，每晚到十点多",
                ["对方降低音量，晚上九点前结束", "对方把音箱挪到村文化广场去"],
                ["称跳舞是锻炼身体，大家都喜欢", "同意把音量调小"],
            ),
            (
                f"{b.name}家养了一只公鸡和几只鹅，天不亮就叫个不停",
                ["对方把禽舍挪远一些", "对方把公鸡关在远离卧室一侧"],
                ["称农村养鸡养鹅很正常", "同意把鸡舍挪到屋后"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["噪音纠纷", "噪音扰民纠纷", "邻里噪音纠纷"]),
        facts=[
            source,
            c.pick(
                [
                    f"@A家有{c.pick(['高三的孩子', '刚出院的老人', '两个月大的孙子', '上夜班的儿子'])}，休息受到严重影响",
                    f"@A{c.pick(['上门', '打电话', '托村干部'])}提醒过几次，对方表面答应，过几天照旧",
                    "双方因此在门口发生过争吵",
                ]
            ),
        ],
        ask=ask,
        parties=[a, b],
        intro="系楼上楼下邻居" if c.urban else "系隔壁邻居",
        counter=counter,
        people=c.num(2, 4),
        evidence="手机录的噪音视频",
    )


@_builder("邻里")
def _nb_dog(c: _Ctx) -> _Draft:
    a, b = _neighbours(c, age=(28, 75))
    dog = c.pick(["一条大黄狗", "两条土狗", "一条半人高的大狗", "一条藏獒串种狗", "一条狼狗"])
    harm, ask, counter = c.alt(
        [
            (
                "狗经常冲着路过的老人、小孩狂吠，@A孙子上学路过时多次被吓哭",
                ["对方把狗拴好或关进院内，出门牵绳", "对方拴养犬只，不得放到路上"],
                ["称狗不咬人，只是叫", "同意以后拴养"],
            ),
            (
                "狗在@A家门口随地大小便，屡说不改",
                ["对方处理好狗粪并看管好狗", "对方把狗拴在自家院内"],
                ["称不一定是自家狗拉的", "同意以后拴养"],
            ),
            (
                "夜里狗叫个不停，@A一家无法入睡",
                ["对方晚上把狗关进屋内", "对方把狗送走或关好"],
                ["称农村养狗看家很正常", "同意夜里把狗关进杂屋"],
            ),
            (
                f"{c.when()}狗追咬@A家的鸡，咬死了{c.num(3, 12)}只",
                ["对方赔偿被咬死的鸡，并拴好狗", "对方照价赔偿并拴养"],
                ["认为鸡是跑进自家院子才被咬的", "同意赔偿，但对只数有异议"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["养犬纠纷", "邻里养狗纠纷", "饲养犬只纠纷"]),
        facts=[
            f"{b.name}家养了{dog}，{c.pick(['长期不拴', '白天散放在路上', '只用一根细绳拴在门口'])}",
            harm,
        ],
        ask=ask,
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=2,
    )


@_builder("邻里")
def _nb_passage(c: _Ctx) -> _Draft:
    a, b = _neighbours(c)
    block, ask, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}在路口砌了一道围墙，只留一个小铁门，晚上还上锁",
                ["对方拆除围墙，恢复原来的通行道路", "铁门晚上不上锁，保证通行"],
                ["称路在自家地界内，可以让走但不能通车", "同意留门，但要求@A家出一半砌墙钱"],
            ),
            (
                f"{b.name}在路上堆放砖块、柴草，三轮车已经开不进去",
                ["对方清走堆放物，保留通行宽度"],
                ["称建房材料只是暂时堆放，房子建好就清走", "同意挪走柴草"],
            ),
            (
                f"{b.name}认为路是自家宅基地的一部分，要求@A另外找路",
                ["由村里出面确认这条路的性质，保留通道", "恢复原来的通行道路"],
                ["要求@A出钱补偿占用的地", "表示可以让路，但@A要先把越界的猪圈拆了"],
            ),
            (
                f"{b.name}在路边种了一排果树，把路挤得只剩半米宽",
                ["对方移走果树，恢复原有路宽"],
                ["称树苗才栽下去，移走会死", "同意移走两棵"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["通行纠纷", "相邻通行纠纷", "出行道路纠纷"]),
        facts=[
            f"@A家出入要经过{b.name}家屋旁一条约{c.pick(['一米五', '两米', '一米二', '两米半'])}宽的小路，两家走了几十年",
            block,
            c.pick(
                [
                    "@A家老人看病、孩子上学都很不方便",
                    "农忙时化肥、稻谷运不进运不出",
                    "双方因此已吵了好几次",
                ]
            ),
        ],
        ask=ask,
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=c.num(2, 5),
    )


@_builder("邻里")
def _nb_trees(c: _Ctx) -> _Draft:
    a, b = _neighbours(c)
    tree, harm, ask, counter = c.alt(
        [
            (
                ["几棵大樟树", "一排杉树", "一棵泡桐"],
                "遮挡了@A家的阳光，屋里白天也要开灯",
                ["对方修剪靠近自家一侧的树枝", "对方砍掉靠近房屋的几棵树"],
                ["称树是祖上栽的，不能随便砍", "同意修剪，但费用要两家平摊"],
            ),
            (
                ["竹林", "一片毛竹"],
                "竹根蔓延过来，把@A家的地坪和墙脚拱裂",
                ["对方挖沟断根，防止竹根再蔓延", "对方砍掉靠近房屋的竹子并修好地坪"],
                ["称竹子是卖钱的，不同意砍", "同意挖沟断根，地坪不负责"],
            ),
            (
                ["一棵老桂花树", "几棵大樟树", "一排杉树"],
                "落叶常年堵塞@A家屋顶的天沟，下雨时屋里漏水",
                ["对方修剪伸到自家屋顶的树枝", "对方每年秋天清理落叶"],
                ["认为漏水是@A家屋顶老化", "同意修剪"],
            ),
            (
                ["一棵泡桐", "几棵大樟树", "一排杉树"],
                "刮大风时树枝刮坏了@A家的瓦片和太阳能热水器",
                ["对方砍掉靠近房屋的几棵树并修好屋瓦", "对方赔偿热水器损失并修剪树枝"],
                ["称是大风造成的，属意外", "表示砍树可以，要@A补偿树钱"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["相邻关系纠纷", "树木遮挡纠纷", "邻里竹木纠纷"]),
        facts=[
            f"{b.name}家屋后的{tree}长得比房子还高",
            harm,
            c.pick(["@A要求处理，对方不同意", "双方为此争执多次", c.since()]),
        ],
        ask=ask,
        parties=[a, b],
        intro="系前后邻居",
        counter=counter,
        people=2,
    )


@_builder("邻里", weight=1.4)
def _nb_trivial(c: _Ctx) -> _Draft:
    a, b = _neighbours(c, age=(30, 76))
    trigger, ask, counter = c.alt(
        [
            (
                f"{b.name}家的鸡鸭常跑进@A家菜地，把刚种的{c.pick(['白菜', '辣椒苗', '油菜', '豆角'])}啄得所剩无几",
                ["对方管好自家家禽，赔偿菜地损失", "对方把鸡鸭圈养"],
                ["称@A家菜地没有围栏", "同意圈养，赔偿数额再商量"],
            ),
            (
                f"{b.name}把柴草、建筑垃圾堆在两家之间的公共巷道，@A认为有火灾隐患",
                ["对方清走杂物，保持巷道畅通"],
                ["称巷道一半是自家的", "同意把柴草挪走"],
            ),
            (
                f"两家小孩玩耍时发生争执，大人出面后越吵越凶，{b.name}在村里说了不少难听话",
                ["对方赔礼道歉，今后互不干扰"],
                ["称是@A先骂人", "表示愿意道歉，但要求@A也道歉"],
            ),
            (
                f"{b.name}在公共晒谷场上长期停放自家的货车",
                ["对方移走车辆，恢复晒谷场公用"],
                ["称没有别的地方停", "同意农忙时挪走"],
            ),
            (
                f"@A怀疑{b.name}挪动了两家之间的界石，当面质问后双方互相辱骂",
                ["请村干部到场，把界石按原位置放回", "对方恢复界石并赔礼道歉"],
                ["否认挪过界石", "同意请村里来重新确定"],
            ),
            (
                f"{b.name}家新挖的化粪池紧挨@A家水井，@A担心井水被污染",
                ["对方把化粪池挪远，做好防渗", "对方出钱给自家接通自来水"],
                ["称化粪池做了防渗，不会污染", "同意做防渗处理，不同意挪"],
            ),
            (
                f"{b.name}在两家共用的院坝里晾晒、停放摩托车，还不让@A家放东西",
                ["明确院坝各自使用的范围"],
                ["称院坝是自家父辈修的", "同意各用一半"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["邻里纠纷", "邻里矛盾纠纷", "相邻关系纠纷"]),
        facts=[
            trigger,
            c.pick(
                [
                    c.since(),
                    "为此两家已多年不来往",
                    "村民小组长调解过一次，没有效果",
                    "@A说过几次，对方不当回事",
                ]
            ),
        ],
        ask=ask,
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=c.num(2, 5),
    )


@_builder("邻里")
def _nb_leak(c: _Ctx) -> _Draft:
    estate = c.estate()
    bld, unit, floor = c.num(1, 20), c.num(1, 3), c.num(2, 16)
    where = f"{c.village}{estate}{bld}栋"
    a = c.person("applicant", where=where, occ=_TOWN_OCC)
    b = c.person("respondent", where=where, occ=_TOWN_OCC)
    loss = c.yuan(1500, 18000, 100)
    trigger, ask, counter = c.alt(
        [
            (
                f"{c.when()}起，@A家卫生间天花板开始渗水，吊顶发霉脱落，物业查看后认为是楼上防水问题",
                [f"对方修复防水并赔偿损失{_money(loss)}", "对方配合入户查找漏点并修好"],
                ["称自家没有漏水，可能是公共管道的问题", "同意修，但不认可@A报的损失数额"],
            ),
            (
                f"{b.name}家装修时改动了卫生间，之后@A家厨房墙面一直渗水",
                [f"对方重做防水并赔偿损失{_money(loss)}", "对方请人检测漏点并修好"],
                ["称装修公司做了闭水试验", "要求物业先出具漏水原因的说明"],
            ),
            (
                f"{b.name}家洗衣机排水管脱落，水漫下来泡坏了@A家的木地板和衣柜",
                [f"对方赔偿地板和衣柜损失{_money(loss)}"],
                ["承认漏水，但认为地板本来就旧", "同意赔偿，但数额要商量"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["漏水纠纷", "楼上漏水纠纷", "房屋渗漏纠纷"]),
        facts=[
            f"@A住{estate}{bld}栋{unit}单元{floor}楼，楼上{floor + 1}楼住户为{b.name}",
            trigger,
            c.pick(
                [f"@A找人估算损失约{_money(loss)}", "@A多次上门，对方要么不在家，要么说自家没漏"]
            ),
        ],
        ask=ask,
        parties=[a, b],
        intro="系楼上楼下邻居",
        counter=counter,
        amount=loss,
        people=2,
        evidence="渗水部位照片和维修报价单",
    )


@_builder("邻里", weight=0.7)
def _nb_camera(c: _Ctx) -> _Draft:
    a, b = _neighbours(c)
    harm, ask, counter = c.alt(
        [
            (
                "其中一个正对着@A家大门和院子，进出都被拍到",
                ["对方调整摄像头角度，不得对着自家"],
                ["称装监控是因为家里丢过东西，为了防盗", "同意调整角度"],
            ),
            (
                "摄像头能拍到@A家卧室窗户，@A一家感觉隐私受到侵犯",
                ["对方拆除朝向自家的摄像头", "对方调整角度并删除录像"],
                ["认为拍的是公共道路，不涉及隐私", "同意调整角度"],
            ),
            (
                f"{b.name}把拍到的@A家人进出的视频发在村里的微信群里",
                ["对方删除群里的视频并道歉", "对方删除视频并拆除朝向自家的摄像头"],
                ["称只是提醒大家注意安全", "同意删除视频，不同意拆监控"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["监控摄像头安装纠纷", "邻里隐私纠纷", "相邻关系纠纷"]),
        facts=[
            f"{b.name}{c.when()}在自家{c.pick(['门口', '二楼阳台', '院墙上'])}安装了{c.pick(['一个', '两个', '三个'])}监控摄像头",
            harm,
        ],
        ask=ask,
        parties=[a, b],
        intro="系对门邻居",
        counter=counter,
        people=2,
    )


@_builder("邻里", "complaint")
def _nb_complaint(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(28, 75))
    subject, fact, ask = c.pick(
        [
            (
                "夜间噪音扰民",
                f"{c.pick(['楼下', '隔壁', '小区门口'])}一家烧烤店每晚营业到凌晨，划拳声、音乐声很大",
                "有关部门督促店家夜间控制音量",
            ),
            (
                "占道堆放杂物",
                f"{c.spot()}有住户长期在路边堆放建筑垃圾和旧家具，影响通行",
                "责令清理，恢复道路通行",
            ),
            (
                "违法搭建",
                "邻居在屋顶私自加盖彩钢棚，挡住采光，还存在安全隐患",
                "有关部门查处违法搭建",
            ),
            (
                "露天焚烧垃圾",
                "附近有人经常在空地上焚烧塑料垃圾，烟味刺鼻",
                "有关部门制止焚烧并设置垃圾收集点",
            ),
            (
                "广场舞音响扰民",
                "小区旁空地上每晚有人跳广场舞，音响开得很大，持续到十点以后",
                "协调跳舞时间和音量",
            ),
        ]
    )
    return _Draft(
        subject=subject,
        facts=[fact, c.pick([c.since(), "多次劝说无效", "已向村里反映过"])],
        ask=ask,
        parties=[a],
        people=1,
    )


@_builder("邻里", "legal_consult")
def _nb_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(28, 72))
    subject, fact, question = c.pick(
        [
            (
                "相邻采光问题",
                "邻居准备建四层楼房，建成后会挡住其家的阳光",
                "邻居建房挡光，自己能否要求对方降低层数或给予补偿",
            ),
            (
                "监控隐私问题",
                "邻居在门口装的监控正对着其家大门",
                "邻居装监控对着自家门口是否合法，可以要求拆除吗",
            ),
            (
                "宠物伤人责任问题",
                "其孙子在路上被邻居家的狗咬伤",
                "狗主人应当承担哪些赔偿，包括哪些费用",
            ),
            (
                "相邻排水问题",
                "邻居家地坪加高后雨水都流进其家院子",
                "能否要求邻居改排水，怎样保存证据",
            ),
            ("名誉侵权问题", "邻居在村里的微信群里说其偷东西", "这种情况能否要求对方道歉并赔偿"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


@_builder("邻里", "suggestion")
def _nb_suggest(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 72))
    subject, fact, ask = c.pick(
        [
            (
                "设置公共停车区域",
                f"{c.village}村道两边停满了私家车，过年时经常堵车，邻里也因停车吵架",
                "在村部旁空地划出公共停车区域",
            ),
            (
                "完善村规民约",
                "村里因养狗、堆柴、排水引起的小矛盾越来越多",
                "修订村规民约，把养犬、堆放杂物、建房滴水等写进去",
            ),
            (
                "增设调解室",
                "村里调解都在村部办公室进行，人来人往，当事人不愿多说",
                "在村部单独设一间调解室",
            ),
            (
                "设置垃圾收集点",
                "村里垃圾桶太少，有人随手乱扔，邻里常为此争吵",
                "每个组增设垃圾桶并定时清运",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


# =========================================================================================
# 房屋宅基地
# =========================================================================================


@_builder("房屋宅基地", weight=1.5)
def _hs_boundary(c: _Ctx) -> _Draft:
    a, b = _neighbours(c, age=(35, 75))
    gap = c.pick(["三十厘米", "半米", "四十厘米", "七八十厘米", "一米多", "二十多厘米"])
    cause, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}拆除老屋重建，新地基向@A一侧外扩约{gap}",
                ["称是在自家老屋原址上重建，没有越界", "认为老屋原来的滴水位置也算自家的"],
            ),
            (
                f"{b.name}修建院墙时把墙基砌到了两家之间的空地上，@A认为占了自家约{gap}",
                ["称那块空地一直是自家在用", "同意测量，但要求@A家猪圈也一并测"],
            ),
            (
                f"双方对{c.year(1988, 2008)}年发放的宅基地使用证上的四至理解不一，都认为中间那条空地归自己",
                ["认为老证上的尺寸本来就不准，应以多年实际使用为准", "同意请专业人员测量"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["宅基地界址纠纷", "宅基地边界纠纷", "宅基地权属纠纷", "宅基地使用权纠纷"]),
        facts=[
            f"@A与{b.name}两家宅基地相邻，位于{c.village}{c.spot()}",
            cause,
            c.pick(
                [
                    "双方在工地上发生争执，工程被迫停工",
                    "@A找村里来丈量，对方不认可测量结果",
                    c.since(),
                    "两家原本关系不错，此事后已互不说话",
                ]
            ),
        ],
        ask=c.pick(
            [
                "对方拆除越界部分，按证上的四至重新确界",
                "请自然资源所来实地测量，按测量结果划界",
                "对方退回占用的地方，恢复原状",
            ]
        ),
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=c.num(2, 5),
        evidence="宅基地使用证复印件和现场照片",
    )


@_builder("房屋宅基地")
def _hs_height(c: _Ctx) -> _Draft:
    a, b = _neighbours(c)
    floors = c.pick(["三层", "四层", "三层半", "四层半"])
    harm, ask, counter = c.alt(
        [
            (
                "两栋房屋间距不到四米，建成后@A家一二楼全天晒不到太阳",
                ["对方降低层数或给予采光补偿", "对方按规划退让间距"],
                ["称建房手续齐全，层数已经批准", "表示愿意适当补偿，但不同意降层"],
            ),
            (
                "新房比审批的层数多建了一层，挡住了@A家的采光和通风",
                ["对方按审批层数建房", "对方拆除超建部分"],
                ["认为村里建的都是这个高度", "称多出的是楼梯间，不算一层"],
            ),
            (
                f"{b.name}新房的化粪池和排污管紧靠@A家墙根",
                ["对方将化粪池移开两米以上", "对方改走排污管，做好防渗"],
                ["称化粪池在自家地界内", "同意做防渗，不同意挪位置"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["建房纠纷", "建房采光纠纷", "相邻建房纠纷"]),
        facts=[
            f"{b.name}家位于@A家正南面，{c.when()}开始新建{floors}楼房",
            harm,
            c.pick(
                ["@A到工地阻拦施工，双方发生口角", "村里曾组织协商，没有结果", "对方施工仍在继续"]
            ),
        ],
        ask=ask,
        parties=[a, b],
        intro="系前后邻居",
        counter=counter,
        people=c.num(2, 4),
    )


@_builder("房屋宅基地")
def _hs_shared_wall(c: _Ctx) -> _Draft:
    a, b = _neighbours(c, age=(40, 80))
    harm, ask, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}拆除自家老屋时，共用墙出现多处裂缝并向@A家一侧倾斜",
                ["对方出钱加固或重砌共用墙"],
                ["称墙本来就老化了，不是拆房造成的", "同意重砌，但费用应各出一半"],
            ),
            (
                f"{b.name}打算拆老屋建新房，要求把共用墙一起拆掉，@A家还在住，不同意",
                ["拆墙前先商量好重建方案和费用分担", "对方保留共用墙，另砌自家的墙"],
                ["表示可以另砌一道自家的墙，但会占些地方", "要求@A一起翻建"],
            ),
            (
                f"{b.name}在共用墙上打洞架梁，@A担心墙体承受不住",
                ["对方拆除架在墙上的横梁", "对方另立柱子承重"],
                ["称已经找师傅看过，没有问题", "同意加一根柱子"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["共用墙纠纷", "房屋相邻纠纷", "老屋共墙纠纷"]),
        facts=[
            f"@A与{b.name}两家老屋共用一堵{c.pick(['土砖', '青砖', '夯土'])}山墙，已有五六十年",
            harm,
        ],
        ask=ask,
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=c.num(2, 4),
    )


@_builder("房屋宅基地")
def _hs_sale(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(45, 78))
    b = c.person("respondent", age=(35, 65), where=f"{c.town}{c.pick(['街上', '集镇'])}")
    price = c.yuan(30000, 160000, 1000)
    trigger, ask, counter = c.alt(
        [
            (
                "近年村里传言该片区要征收，@A以农村房屋不能卖给外村人为由要求退钱收回",
                [f"退还购房款{_money(price)}，收回房屋", "确认买卖无效"],
                ["称买卖是双方自愿的，钱已付清，不同意退房", "同意退房，但要求按现在的房价补偿"],
            ),
            (
                f"{b.name}买下后翻修并加建了一层，现在@A要收回，双方对翻修费用怎么算争议很大",
                ["按现价重新商定补偿后收回房屋"],
                ["要求按翻修投入加上房价上涨一并补偿", "称翻修花了十几万元"],
            ),
            (
                f"{b.name}要求@A配合办理不动产登记，@A拒绝",
                [f"退还购房款{_money(price)}，收回房屋", "维持现状，不办理过户"],
                ["要求@A配合过户", "称不过户就要求赔偿损失"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["农村房屋买卖纠纷", "房屋买卖合同纠纷", "老宅买卖纠纷"]),
        facts=[
            f"@A于{c.year(2006, 2016)}年以{_money(price)}将位于{c.village}{c.spot()}的老宅卖给外村人{b.name}，双方只写了一份手写协议",
            trigger,
        ],
        ask=ask,
        parties=[a, b],
        intro="系房屋买卖双方",
        counter=counter,
        amount=price,
        people=2,
    )


@_builder("房屋宅基地")
def _hs_construction_damage(c: _Ctx) -> _Draft:
    a, b = _neighbours(c)
    loss = c.yuan(3000, 60000, 500)
    work = c.pick(["挖掘机挖地基", "打桩", "开挖化粪池", "拆除旧房"])
    harm = c.pick(
        [
            "@A家相邻的墙体出现多条裂缝，地坪下沉",
            "震落了@A家屋顶不少瓦片，下雨时屋里漏水",
            "@A家院墙整段倒塌，压坏了院里的摩托车",
        ]
    )
    return _Draft(
        subject=c.pick(["建房损害纠纷", "房屋损坏赔偿纠纷", "建房施工纠纷"]),
        facts=[
            f"{c.when()}{b.name}家建新房，{work}时{harm}",
            c.pick(
                [
                    f"经找人估算，维修费用约{_money(loss)}",
                    "@A要求停工，对方只愿意简单修补",
                    "对方请的施工队说不关他们的事",
                ]
            ),
        ],
        ask=c.pick(
            [
                f"对方赔偿维修费{_money(loss)}",
                "对方负责修复，并对后续安全作出保证",
                "请专业机构鉴定后按结果赔偿",
            ]
        ),
        parties=[a, b],
        intro="系邻居",
        counter=c.pick(
            ["称裂缝早就有，与建房无关", "同意修复，但不认可@A提出的金额", "认为应由施工队承担"]
        ),
        amount=loss,
        people=c.num(2, 4),
        evidence="房屋受损照片和维修报价",
    )


@_builder("房屋宅基地")
def _hs_family_plot(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="male", age=(32, 60))
    b = c.person("respondent", sex="male", surname=a.name[0], age=(34, 64), where=a.address_hint)
    trigger, ask, counter = c.alt(
        [
            (
                f"@A申请在此建房，{b.name}不同意，认为自己也有份",
                ["按父辈分家时的约定划分宅基地", "由@A建房，给予对方适当补偿"],
                ["称父亲生前说过这块地归自己", "同意分，但要按人口多少分"],
            ),
            (
                f"{b.name}{c.when()}在老宅基地上搭建了猪圈和杂屋，@A认为其独占",
                ["对方拆除杂屋，两家各半使用", "对方拆除猪圈，恢复空地"],
                ["要求@A先补偿自己搭建杂屋的费用", "称那是自家分得的一半"],
            ),
            (
                "老屋倒塌后两家都想在原址建房，互不相让",
                ["两家各半使用，签订书面协议", "按父辈分家时的约定划分宅基地"],
                ["称自家人口多，更需要建房", "同意各半，但要自己先选"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["宅基地使用纠纷", "老宅基地分配纠纷", "宅基地纠纷"]),
        facts=[
            f"@A与{b.name}系{c.pick(['亲兄弟', '堂兄弟', '叔侄'])}，父辈留下一块老宅基地，约{c.num(120, 300, 10)}平方米",
            trigger,
        ],
        ask=ask,
        parties=[a, b],
        intro="系亲属",
        counter=counter,
        people=c.num(2, 5),
    )


@_builder("房屋宅基地")
def _hs_public_land(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 75))
    b = c.person("respondent", age=(30, 70), where=a.address_hint)
    harm, ask = c.alt(
        [
            ("@A家的出路因此变窄，车开不进去", ["对方让出通道", "对方拆除违建，恢复空地公用"]),
            ("该空地原是全组公用的晒场", ["对方拆除违建，恢复空地公用", "由村组出面明确空地归属"]),
            ("@A认为这块地当年分给过自家", ["由村组出面明确空地归属", "对方退出占用的空地"]),
        ]
    )
    return _Draft(
        subject=c.pick(["占用集体空地纠纷", "违规建房纠纷", "宅基地纠纷"]),
        facts=[
            f"{b.name}{c.when()}在{c.village}{c.spot()}集体空地上{c.pick(['搭建了一间偏房', '砌了一个车库', '围了一个菜园', '建了一间小卖部'])}",
            harm,
        ],
        ask=ask,
        parties=[a, b],
        intro="系同组村民",
        counter=c.pick(["称已经和组长打过招呼", "认为空地闲着也是闲着", "同意让出一部分"]),
        people=c.num(2, 5),
    )


@_builder("房屋宅基地", "legal_consult")
def _hs_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 75))
    subject, fact, question = c.pick(
        [
            (
                "宅基地证面积不符问题",
                "其家宅基地使用证上登记的面积比实际少了二十多平方米",
                "这种情况怎么办理更正，需要哪些材料",
            ),
            (
                "农村房屋继承登记问题",
                "父母去世后留下一栋农村房屋",
                "继承的农村房屋能否办理不动产登记，兄弟姐妹都要到场吗",
            ),
            (
                "农村房屋买卖效力问题",
                "十几年前从本村村民手里买了一栋房子，只有手写协议",
                "这种买卖现在是否有效，对方反悔怎么办",
            ),
            (
                "建房审批问题",
                "其家老屋是危房，准备原址翻建",
                "翻建需要办哪些审批手续，层数和面积有什么限制",
            ),
            ("一户一宅问题", "其与父母分户后想单独申请宅基地", "分户后是否符合申请宅基地的条件"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


@_builder("房屋宅基地", "petition")
def _hs_petition(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 70))
    if c.chance(0.3):
        n = c.num(12, 60)
        estate = c.estate()
        dev = c.org("respondent", c.firm("房地产开发"))
        return _Draft(
            subject="商品房办证问题",
            facts=[
                f"{estate}{c.num(80, 400)}户业主于{c.year(2016, 2020)}年前后购房入住，至今无法办理不动产权证",
                f"开发商{dev.name}称是因为土地出让金未缴清",
                "孩子上学、房屋抵押贷款都受到影响",
            ],
            ask="有关部门督促开发商尽快补缴费用，为业主办理产权证",
            parties=[a, dev],
            people=n,
            group=True,
            title=f"{a.name[0]}某等{n}人反映{estate}办证难问题",
        )
    subject, facts, ask = c.alt(
        [
            (
                "宅基地审批问题",
                [f"其于{c.ym(2023)}提交建房申请，材料齐全，至今未获审批"],
                "尽快审批或者说明不批的理由",
            ),
            (
                "危房改造问题",
                ["其家老屋被鉴定为危房，申请危房改造补助后一直没有下文"],
                "落实危房改造补助",
            ),
        ]
    )
    return _Draft(
        subject=subject,
        facts=[facts, c.pick(["多次到镇里询问，被告知在走流程", "其认为同组条件相近的农户已获批"])],
        ask=ask,
        parties=[a],
        people=1,
    )


# =========================================================================================
# 合同
# =========================================================================================


@_builder("合同", weight=1.6)
def _ct_loan(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 70))
    b = c.person("respondent", age=(28, 62))
    amt = c.pick([c.yuan(5000, 50000, 1000), c.yuan(50000, 300000, 5000)])
    purpose = c.pick(["做生意周转", "买车", "孩子上大学", "看病", "建房", "还信用卡", "承包工程"])
    state, counter = c.alt(
        [
            (
                f"约定{c.pick(['一年内', '年底前', '半年后'])}归还，到期后@A多次催要，{b.name}以手头紧为由一拖再拖",
                ["称愿意还，但只能每月还一点", "承认借款，请求宽限半年"],
            ),
            (
                f"{b.name}只还了{_money(amt // c.pick([4, 5, 10]))}，之后便不再接电话",
                ["称部分款项已经用现金还过", "同意写还款计划"],
            ),
            (
                f"{b.name}承认借款，但称做生意亏了本，暂时无力偿还",
                ["表示愿意以一台旧货车抵债", "请求免除利息，本金分期还"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["民间借贷纠纷", "借款纠纷", "欠款纠纷"]),
        facts=[
            f"{b.name}于{c.ym(2019, 2024)}以{purpose}为由向@A借款{_money(amt)}，"
            + c.pick(["写有借条", "有微信转账记录，没写借条", "由同村人作保", "约定月息一分"]),
            state,
        ],
        ask=c.pick(
            [f"对方归还借款{_money(amt)}", "对方归还本金并按约定支付利息", "对方写下分期还款计划"]
        ),
        parties=[a, b],
        intro=c.pick(["系朋友关系", "系同村村民", "系亲戚关系", "系老同学"]),
        counter=counter,
        amount=amt,
        people=2,
        evidence="借条和转账记录",
    )


@_builder("合同", weight=1.2)
def _ct_renovation(c: _Ctx) -> _Draft:
    worker_applies = c.chance(0.55)
    owner = c.person("respondent" if worker_applies else "applicant", age=(28, 62))
    if c.chance(0.4):
        contractor = c.org("applicant" if worker_applies else "respondent", c.firm("装饰工程"))
    else:
        contractor = c.person(
            "applicant" if worker_applies else "respondent",
            sex="male",
            age=(30, 58),
            occ=["装修工", "个体工商户", "泥瓦匠"],
        )
    total = c.yuan(30000, 220000, 1000)
    owed = c.yuan(5000, min(total, 60000), 500)
    house = c.pick([f"县城{c.estate()}的一套商品房", "新建的自建房", "临街门面", "二手房"])
    if worker_applies:
        facts = [
            f"@A承接{owner.name}{house}的装修，约定总价{_money(total)}",
            f"{c.when()}完工后，{owner.name}以{c.pick(['瓷砖空鼓', '墙面开裂', '吊顶不平', '工期拖延'])}为由，扣下尾款{_money(owed)}不付",
        ]
        ask = f"对方支付装修尾款{_money(owed)}"
        counter = c.pick(
            ["称装修质量差，返工后才付", "同意付一部分，剩余等保修期满", "认为增项没有事先说好"]
        )
    else:
        problem, ask, counter = c.alt(
            [
                (
                    "入住后发现卫生间渗水、墙面大面积开裂",
                    ["对方返工整改并承担损失"],
                    ["称问题是业主自行改动造成的", "同意维修，但要先付清余款"],
                ),
                (
                    "对方中途停工两个多月，多次催促不来",
                    ["解除合同，对方退还多收的款项", "对方限期复工"],
                    ["称是业主一直改方案才停工", "表示下个月复工"],
                ),
                (
                    "对方使用的板材与合同约定品牌不符",
                    [f"对方更换板材或退还差价{_money(owed)}"],
                    ["表示材料是业主自己指定的", "同意退还部分差价"],
                ),
            ]
        )
        facts = [
            f"@A将{house}交给{contractor.name}装修，约定总价{_money(total)}，已付{_money(total - owed)}",
            problem,
        ]
    return _Draft(
        subject=c.pick(["装修合同纠纷", "装修款纠纷", "房屋装修纠纷"]),
        facts=facts,
        ask=ask,
        parties=[contractor, owner] if worker_applies else [owner, contractor],
        counter=counter,
        amount=owed,
        people=c.num(2, 3),
        evidence="装修合同、付款记录和现场照片",
    )


@_builder("合同")
def _ct_produce(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 68), occ=["种植户", "养殖户", "农民"])
    b = c.person(
        "respondent",
        age=(30, 58),
        occ=["个体工商户", "收购商"],
        where=c.pick([c.town, f"邻县{c.pick(['东山镇', '白马乡', '新塘镇'])}"]),
    )
    goods = c.pick(
        [
            f"{c.num(3, 40)}头生猪",
            f"{c.num(2, 30)}吨柑橘",
            f"{c.num(500, 5000, 100)}斤茶青",
            f"{c.num(5, 40)}吨稻谷",
            f"{c.num(1000, 8000, 100)}斤辣椒",
            f"{c.num(200, 3000, 100)}只土鸡",
            f"{c.num(3, 20)}吨生姜",
        ]
    )
    owed = c.yuan(8000, 120000, 500)
    return _Draft(
        subject=c.pick(["买卖合同纠纷", "货款纠纷", "农产品收购款纠纷"]),
        facts=[
            f"{c.when()}@A将自家{goods}卖给收购商{b.name}",
            f"对方拉货时只付了部分货款，剩余{_money(owed)}说好一个月内结清",
            c.pick(
                [
                    "至今未付，电话也打不通",
                    f"{b.name}称下游客户还没回款",
                    f"{b.name}以货有损耗为由要求扣减",
                ]
            ),
        ],
        ask=f"对方支付剩余货款{_money(owed)}",
        parties=[a, b],
        counter=c.pick(
            ["称部分货品质量不合格，应扣款", "承认欠款，请求宽限两个月", "称已付清，有转账记录"]
        ),
        amount=owed,
        people=2,
        evidence="过磅单和收购商写的欠条",
    )


@_builder("合同")
def _ct_lease(c: _Ctx) -> _Draft:
    landlord_applies = c.chance(0.6)
    a = c.person("applicant", age=(35, 72))
    b = c.person("respondent", age=(25, 55), occ=["个体工商户", "餐馆经营者", "务工人员"])
    rent = c.pick([800, 1200, 1500, 2000, 2500, 3500, 5000])
    place = c.pick(
        [f"{c.town}街上的临街门面", "自建房的一楼两间", "县城的一套住房", "村口的一间仓库"]
    )
    if landlord_applies:
        months = c.num(3, 14)
        amt = rent * months
        facts = [
            f"@A将{place}租给{b.name}使用，月租{rent}元",
            f"{b.name}自{c.ym(2023)}起拖欠房租，累计{months}个月共{_money(amt)}",
            c.pick(
                [
                    "对方搬走时还拆走了部分设施",
                    "对方人已不在本地，店门紧锁",
                    "对方称生意不好，要求减免",
                ]
            ),
        ]
        ask = f"对方付清欠租{_money(amt)}"
        counter = c.pick(["称房屋漏雨影响经营，应减租", "同意分期付清", "要求用押金抵扣部分欠租"])
    else:
        amt = c.pick([2000, 3000, 5000, 10000])
        problem, ask, counter = c.alt(
            [
                (
                    f"租期未满，{b.name}以要自用为由要求@A搬走",
                    ["对方按合同继续出租，或赔偿装修损失"],
                    ["称家里儿子结婚要用房", "同意补偿一个月租金"],
                ),
                (
                    f"@A退租时{b.name}以墙面有污损为由不退押金",
                    [f"对方退还押金{_money(amt)}"],
                    ["称要扣除粉刷费用", "同意退一半押金"],
                ),
                (
                    "房屋漏雨，@A要求维修，对方一直拖着不修",
                    ["对方维修房屋或减免租金"],
                    ["称已经找过师傅，师傅没空", "同意本月内修好"],
                ),
            ]
        )
        facts = [f"@A租用{b.name}的{place}，月租{rent}元，交了押金{_money(amt)}", problem]
        a.occupation = c.pick(["个体工商户", "餐馆经营者", "务工人员"])
        b.occupation = c.pick(_RURAL_OCC)
    return _Draft(
        subject=c.pick(["房屋租赁合同纠纷", "租赁纠纷", "房租纠纷"]),
        facts=facts,
        ask=ask,
        parties=[a, b],
        intro="系租赁关系",
        counter=counter,
        amount=amt,
        people=2,
        evidence="租赁合同和收租记录",
    )


@_builder("合同")
def _ct_land_transfer(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(40, 75), occ=["农民", "务农"])
    if c.chance(0.5):
        b = c.org(
            "respondent",
            f"{COUNTY}{c.zihao()}{c.pick(['农业开发有限公司', '生态农业有限公司', '种养专业合作社'])}",
        )
    else:
        b = c.person("respondent", age=(35, 60), occ="种植大户")
    mu = c.num(2, 15)
    fee = c.pick([300, 400, 500, 600, 800])
    years = c.num(1, 3)
    owed = mu * fee * years
    problem, ask, counter = c.alt(
        [
            (
                f"{b.name}已拖欠{years}年流转费共{_money(owed)}",
                [f"对方付清流转费{_money(owed)}", "对方付清欠款，继续履行合同"],
                ["称受灾减产，请求减免当年流转费", "同意分期支付"],
            ),
            (
                f"{b.name}经营不善后撂荒不种，田里长满杂草，流转费也不付",
                ["解除流转合同，对方付清欠款后返还土地"],
                ["同意退地，请求减免部分欠款", "称正在找人接手"],
            ),
            (
                f"{b.name}在田里挖了鱼塘、修了硬化路，@A担心以后复垦不了",
                ["对方停止改变土地用途，到期后恢复原状", "解除流转合同，对方恢复土地原状后返还"],
                ["表示原状难以恢复，愿意给予补偿", "称挖塘是经过村里同意的"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["土地流转合同纠纷", "承包地流转费纠纷", "土地租金纠纷"]),
        facts=[
            f"@A于{c.year(2018, 2022)}年将{c.field()}的{mu}亩承包地流转给{b.name}种植{c.pick(_CROPS)}，每亩每年{fee}元",
            problem,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=owed,
        people=2,
        evidence="土地流转合同",
    )


@_builder("合同")
def _ct_house_build(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 68))
    b = c.person("respondent", sex="male", age=(40, 62), occ=["包工头", "建筑工人", "泥瓦匠"])
    total = c.yuan(150000, 450000, 5000)
    problem, ask, counter = c.alt(
        [
            (
                "房子建好后发现楼面渗漏、墙体开裂",
                ["对方返修并承担损失"],
                ["称质量问题是@A擅自改图纸造成的", "同意返修，但要求先结清尾款"],
            ),
            (
                f"{b.name}收了大部分工程款后停工，剩下的门窗、外墙没有完成",
                ["对方完成剩余工程或退还多收的款项"],
                ["称@A拖欠进度款在先", "表示材料涨价，不加钱做不下去"],
            ),
            (
                f"{b.name}要求追加钢筋涨价款{_money(c.yuan(8000, 30000, 1000))}，@A不同意",
                ["按合同结算，不同意追加"],
                ["称材料涨价太多，不追加就亏本", "同意少加一些"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["建房承揽合同纠纷", "建房工程款纠纷", "建房质量纠纷"]),
        facts=[
            f"@A请{c.pick(['本村', '邻村'])}包工头{b.name}承建三层自建房，约定包工包料{_money(total)}",
            problem,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=total,
        people=c.num(2, 3),
    )


@_builder("合同")
def _ct_vehicle(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="male", age=(24, 60))
    b = c.person("respondent", sex="male", age=(28, 60))
    price = c.yuan(8000, 120000, 500)
    vehicle = c.pick(
        ["二手面包车", "二手农用三轮车", "二手小货车", "二手挖掘机", "二手轿车", "旧收割机"]
    )
    problem, ask, counter = c.alt(
        [
            (
                "开了不到一个月就出现发动机故障，修理厂说是事故车",
                ["退车退款", "对方承担维修费用"],
                ["称卖车时已说明车况，卖出不退", "同意承担部分维修费"],
            ),
            (
                f"{b.name}收钱后迟迟不配合过户",
                ["对方配合过户"],
                ["表示过户需等贷款还清", "称登记证书丢了，正在补办"],
            ),
            (
                "车辆有多条违章未处理、还有未结清的贷款",
                ["对方处理违章、还清贷款后过户", "退车退款"],
                ["同意处理违章", "称贷款下个月就能还清"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["车辆买卖纠纷", "二手车买卖合同纠纷", "买卖合同纠纷"]),
        facts=[f"{c.when()}@A以{_money(price)}从{b.name}处购买一台{vehicle}", problem],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=price,
        people=2,
    )


@_builder("合同", "legal_consult")
def _ct_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 68))
    subject, fact, question = c.pick(
        [
            (
                "借条效力问题",
                f"其借给朋友{_money(c.yuan(10000, 80000, 1000))}，借条上没写还款时间",
                "借条没写还款时间，能否随时要求还款、什么时候起算诉讼时效",
            ),
            (
                "口头合同举证问题",
                "其给人装修只做了口头约定，现在对方不认账",
                "没有书面合同，装修款怎么证明",
            ),
            (
                "定金返还问题",
                "其交了定金准备买一台收割机，后来卖家涨价",
                "卖家违约，定金能否双倍返还",
            ),
            (
                "担保责任问题",
                "其给亲戚的借款签了担保人，现在亲戚还不上",
                "担保人要承担什么责任，能否向亲戚追偿",
            ),
            (
                "民间借贷利息问题",
                "其向人借款，对方要求按月息三分算利息",
                "民间借贷的利息上限是多少",
            ),
            (
                "租赁合同解除问题",
                "其租的门面还有一年到期，因生意不好想提前退租",
                "提前退租要承担哪些违约责任",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


# =========================================================================================
# 生产经营
# =========================================================================================


@_builder("生产经营")
def _biz_partnership(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 60), occ=["个体工商户", "养殖户", "农民"])
    b = c.person("respondent", age=(30, 62), occ=["个体工商户", "养殖户", "农民"])
    venture = c.pick(
        [
            "养猪场",
            "农家乐",
            "砂石场",
            "小超市",
            "竹木加工厂",
            "蛋鸡养殖场",
            "水果批发档口",
            "挖机租赁生意",
        ]
    )
    stake = c.yuan(50000, 400000, 10000)
    conflict, ask, counter = c.alt(
        [
            (
                f"{c.when()}两人因经营思路不合散伙，在设备折价、外欠货款如何分担上发生分歧",
                ["请会计查账后按出资比例分清账目", "设备按评估价折算，外欠货款两人平摊"],
                ["认为设备应按原价折算", "称亏损是@A决策失误造成的，应由@A多担"],
            ),
            (
                f"@A怀疑{b.name}私自把部分收入转到其妻子账户",
                ["对方公开全部账目，分配剩余利润", "请第三方查账，多拿的部分退回"],
                ["称转账是用于进货，有单据可查", "同意对账，但要扣除自己的工资"],
            ),
            (
                f"{b.name}退伙后又在附近另开了一家同样的{venture}，带走了老客户",
                [
                    f"对方退还@A垫付的出资款{_money(stake)}并结清往来账",
                    "对方按约定不得在附近经营同类生意",
                ],
                ["称当初没有约定不能另开", "同意结清往来账"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["合伙纠纷", "合伙经营纠纷", "合伙分账纠纷"]),
        facts=[
            f"@A与{b.name}于{c.year(2018, 2023)}年合伙经营{venture}，各出资{_money(stake)}，"
            + c.pick(["只写了一张简单的合伙字据", "没有签书面协议", "账目由对方一人管理"]),
            conflict,
        ],
        ask=ask,
        parties=[a, b],
        intro="系合伙人",
        counter=counter,
        amount=stake,
        people=2,
        evidence="合伙字据和银行流水",
    )


@_builder("生产经营")
def _biz_farm_inputs(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 70), occ=["种植户", "农民", "种植大户"])
    shop = c.org(
        "respondent",
        f"{c.pick([c.town, c.town_short])}{c.pick(['丰收', '绿丰', '惠农', '金穗', '兴农'])}农资{c.pick(['店', '经营部', '门市'])}",
    )
    mu = c.num(3, 80)
    crop = c.pick(["水稻", "玉米", "辣椒", "柑橘", "西瓜", "烟叶"])
    item, subject, problem = c.alt(
        [
            (
                ["稻种", "玉米种子", "辣椒种子"],
                ["种子质量纠纷", "农资质量纠纷"],
                [
                    "播种后出苗率不到四成，补种又误了农时",
                    "同一批次的种子长出来的植株高矮不一、结实率很低",
                ],
            ),
            (
                "复合肥",
                ["化肥质量纠纷", "农资质量纠纷"],
                ["施肥后作物长势明显不如邻田，送检发现养分含量不足", "施用后叶片发黄，疑似肥害"],
            ),
            (
                ["除草剂", "杀虫剂", "叶面肥"],
                ["农药质量纠纷", "农资质量纠纷"],
                ["施用后叶片大面积发黄卷曲，疑似药害", "按说明书用量喷施后作物大片枯死"],
            ),
        ]
    )
    if item in ("稻种", "玉米种子", "辣椒种子"):
        crop = {"稻种": "水稻", "玉米种子": "玉米", "辣椒种子": "辣椒"}[item]
    loss = mu * c.yuan(300, 1500, 50)
    return _Draft(
        subject=subject,
        facts=[
            f"@A{c.when()}从{shop.name}购买{item}，用于{mu}亩{crop}",
            problem,
            f"@A估算减产损失约{_money(loss)}",
        ],
        ask=c.pick(
            [
                f"店家赔偿损失{_money(loss)}",
                "请农业部门鉴定后由店家和厂家赔偿",
                "店家退还货款并赔偿补种费用",
            ]
        ),
        parties=[a, shop],
        counter=c.pick(
            ["称是@A用法用量不当", "认为是天气原因，与产品无关", "同意退货款，不认可减产损失"]
        ),
        amount=loss,
        people=2,
        evidence="购货小票、产品包装袋和田间照片",
    )


@_builder("生产经营")
def _biz_water(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 72), occ=["农民", "种植户"])
    b = c.person("respondent", age=(35, 72), occ=["农民", "种植户"], where=a.address_hint)
    act, ask, counter = c.alt(
        [
            (
                f"{b.name}在上游筑坝截水，下游@A家{c.num(2, 8)}亩稻田干裂",
                ["对方拆除拦水坝，由村里排定轮流放水时间"],
                ["称自家田在上游，先灌是老规矩", "同意拆坝，但要先灌满自家田"],
            ),
            (
                f"{b.name}夜里把@A放进田里的水口扒开，把水引到自家田里",
                ["对方保证不再扒水口，赔偿减产损失"],
                ["否认扒过水口", "称是水口自己垮的"],
            ),
            (
                "两家轮流放水的时间说不拢，在田埂上推搡起来",
                ["由村里排定轮流放水时间"],
                ["同意轮流放水", "认为@A家田漏水才总缺水"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["灌溉用水纠纷", "农业用水纠纷", "争水纠纷"]),
        facts=[
            c.pick([f"{c.when()}天旱少雨", "今年插秧季节", "夏季高温期间"])
            + f"，@A与{b.name}两家的田都靠{c.pick(['同一口山塘', '上游水圳', '村里的机埠'])}灌溉",
            act,
        ],
        ask=ask,
        parties=[a, b],
        intro="系同组村民",
        counter=counter,
        people=c.num(2, 5),
    )


@_builder("生产经营")
def _biz_machinery(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 70), occ=["种植户", "农民", "种植大户"])
    b = c.person("respondent", sex="male", age=(30, 60), occ=["农机手", "个体工商户"])
    fee = c.yuan(1500, 20000, 100)
    machine, problem, ask, counter = c.alt(
        [
            (
                "收割机",
                "作业后发现漏割、掉粒严重，田里损失不少",
                ["作业费相应减少并赔偿损失"],
                ["称田里倒伏严重，掉粒难免", "同意适当减免"],
            ),
            (
                ["旋耕机", "收割机"],
                "对方机器压坏了田埂和灌溉水管",
                ["对方修好田埂、赔偿水管"],
                ["称田埂本来就松", "同意赔水管"],
            ),
            (
                ["收割机", "旋耕机", "插秧机"],
                f"@A认为亩数量多了，双方对作业费{_money(fee)}有争议",
                ["重新核定作业亩数后结算"],
                ["称亩数是双方当场确认的", "同意重新丈量"],
            ),
            (
                "植保无人机",
                "喷药时药雾飘到邻田，邻居找@A赔偿",
                ["对方承担邻田的赔偿"],
                ["称是按@A指定的范围喷的", "同意承担一半"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["农机作业纠纷", "农机服务纠纷", "机耕服务纠纷"]),
        facts=[f"{c.when()}@A请{b.name}用{machine}为自家{c.num(5, 60)}亩田作业", problem],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=fee,
        people=2,
    )


@_builder("生产经营")
def _biz_site_access(c: _Ctx) -> _Draft:
    firm = c.org("applicant", c.firm(c.pick(["建材", "石材", "竹木制品", "农业开发"])))
    b = c.person("respondent", age=(40, 72))
    act, ask, counter = c.alt(
        [
            (
                f"{b.name}以车辆碾坏路面、灰尘大为由，在路口设卡拦车",
                ["对方撤除路障，企业负责修路洒水", "由村里出面协调道路维护"],
                ["称企业重车压坏路面又不修", "要求企业先把路修好"],
            ),
            (
                f"{b.name}要求企业每车交“过路费”，企业不同意",
                ["对方撤除路障，保证正常运输"],
                ["称路是自家出钱出工修的", "同意按年收取一笔养护费"],
            ),
            (
                f"{b.name}称企业占用了其承包地边角，要求补偿",
                ["明确占地范围后依法补偿"],
                ["认为补偿标准太低", "同意测量"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["企业生产经营纠纷", "运输道路使用纠纷", "企地纠纷"]),
        facts=[
            f"@A在{c.village}{c.spot()}设有生产点，运输车辆需经过村组道路",
            act,
            f"企业已停产{c.num(2, 15)}天",
        ],
        ask=ask,
        parties=[firm, b],
        counter=counter,
        people=c.num(2, 6),
    )


@_builder("生产经营", "complaint")
def _biz_complaint(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 70), occ=["种植户", "农民", "养殖户"])
    subject, fact, ask = c.pick(
        [
            (
                "假冒农资",
                f"{c.town}集市上有流动商贩以低价兜售化肥，买回去化验发现有效成分不足",
                "市场监管部门查处假冒伪劣农资",
            ),
            (
                "兽药质量",
                "在镇上兽药店买的猪用疫苗注射后，十几头猪发烧不吃食",
                "有关部门查验该批疫苗并督促赔偿",
            ),
            (
                "收购压级压价",
                "本地收购点收购稻谷时故意压低等级，称重也不准",
                "有关部门检查收购点的计量器具",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=c.num(1, 3))


# =========================================================================================
# 损害赔偿
# =========================================================================================


@_builder("损害赔偿")
def _dmg_dog_bite(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 78))
    b = c.person("respondent", age=(30, 72), where=a.address_hint)
    victim = c.pick(["@A", "@A的孙子", "@A的女儿", "@A的母亲"])
    cost = c.yuan(800, 12000, 100)
    return _Draft(
        subject=c.pick(["犬只伤人赔偿纠纷", "狗咬伤赔偿纠纷", "饲养动物损害赔偿纠纷"]),
        facts=[
            f"{c.when()}{c.daytime()}，{victim.replace('@A的', '@A家')}在{c.spot()}被{b.name}家未拴养的狗咬伤{c.pick(['小腿', '手臂', '大腿', '脚踝'])}",
            f"先后注射狂犬疫苗、清创缝合，花去医药费{_money(cost)}",
            c.pick(
                [
                    f"{b.name}只愿意出疫苗钱",
                    "@A多次找对方协商，对方说狗不是自家的",
                    f"{b.name}认为是被咬者自己逗狗",
                ]
            ),
        ],
        ask=c.pick(
            [
                f"对方赔偿医药费、误工费等共计{_money(cost + c.yuan(500, 5000, 100))}",
                f"对方承担全部医药费{_money(cost)}",
                "对方赔偿损失并拴养犬只",
            ]
        ),
        parties=[a, b],
        intro="系同村村民",
        counter=c.pick(["称对方自己招惹了狗", "同意承担医药费，但不认误工费", "否认狗是自家的"]),
        amount=cost,
        people=c.num(2, 3),
    )


@_builder("损害赔偿")
def _dmg_fight(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex=c.pick(("male", "male", "female")), age=(22, 70))
    b = c.person("respondent", sex="male", age=(22, 68))
    injury = c.pick(
        ["鼻骨骨折", "头皮裂伤缝了六针", "两颗门牙松动", "软组织挫伤", "肋骨骨裂", "手腕骨折"]
    )
    cost = c.yuan(2000, 45000, 100)
    return _Draft(
        subject=c.pick(["人身损害赔偿纠纷", "打架致伤赔偿纠纷", "殴打致伤纠纷"]),
        facts=[
            f"{c.when()}@A与{b.name}因{c.pick(['停车', '田埂', '酒后口角', '小孩打闹', '工钱', '一句玩笑话'])}发生争执，继而动手",
            f"@A被打致{injury}，在{c.pick(['镇卫生院', '县人民医院', '县中医院'])}治疗，花费{_money(cost)}",
            c.pick(
                [
                    "派出所已出警并作了笔录",
                    "双方都有过错，但@A伤得更重",
                    "事后双方家属又在村里吵了一次",
                ]
            ),
        ],
        ask=c.pick(
            [
                f"对方赔偿医疗费、误工费、营养费共{_money(cost + c.yuan(1000, 10000, 100))}",
                f"对方赔偿{_money(cost)}并赔礼道歉",
            ]
        ),
        parties=[a, b],
        intro=c.pick(["系同村村民", "系工友", "系邻居", "素不相识"]),
        counter=c.pick(
            ["称是@A先动手", "同意赔偿医药费，其余不认", "认为自己也受了伤，应互相抵消"]
        ),
        amount=cost,
        people=c.num(2, 4),
        sources=[f"{c.town}派出所", "县公安局110指挥中心", f"{c.town}派出所"],
    )


@_builder("损害赔偿")
def _dmg_helper(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="male", age=(40, 72), occ=["农民", "泥瓦匠", "务工人员"])
    b = c.person("respondent", age=(35, 70), where=a.address_hint)
    task, fall = c.alt(
        [
            ("建房", ["从二楼脚手架上摔下", "被掉落的砖块砸中"]),
            ("摘柑橘", ["从梯子上摔下", "从果树上摔下"]),
            ("修屋顶", ["从屋顶滑落", "从梯子上摔下"]),
            ("砍树", ["被倒下的树枝砸中", "从树上摔下"]),
            ("杀年猪", ["被挣脱的猪撞倒"]),
            ("搬家具", ["在楼梯上踩空摔倒"]),
        ]
    )
    injury = c.pick(["腰椎压缩性骨折", "右腿胫骨骨折", "左手腕骨折", "头部受伤", "三根肋骨骨折"])
    cost = c.yuan(8000, 90000, 500)
    return _Draft(
        subject=c.pick(["帮工受伤赔偿纠纷", "义务帮工损害纠纷", "人身损害赔偿纠纷"]),
        facts=[
            f"{c.when()}@A应{b.name}邀请，到对方家帮忙{task}，{c.pick(['没有讲工钱', '约定每天一百五十元', '管两顿饭'])}",
            f"@A{fall}，致{injury}，住院{c.num(7, 40)}天，花去{_money(cost)}",
            c.pick(
                [
                    f"{b.name}垫付了{_money(c.yuan(2000, 6000, 500))}后不再出钱",
                    "双方对责任比例争议很大",
                    f"{b.name}称是@A自己不小心",
                ]
            ),
        ],
        ask=c.pick(
            [
                f"对方承担医疗费等损失{_money(cost)}",
                "对方承担大部分医药费并补偿误工费",
                "按责任比例赔偿后续治疗费用",
            ]
        ),
        parties=[a, b],
        intro=c.pick(["系同组村民", "系亲戚", "系邻居"]),
        counter=c.pick(
            [
                "称@A操作不当，自己只负次要责任",
                "同意出一部分，但家里确实困难",
                "认为应由@A的医保报销后再算",
            ]
        ),
        amount=cost,
        people=c.num(2, 4),
        sources=[f"{c.town}司法所", f"{c.town}派出所"],
        evidence="住院病历和医药费票据",
    )


@_builder("损害赔偿")
def _dmg_livestock(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 75), occ=["农民", "种植户"])
    b = c.person("respondent", age=(38, 75), occ=["养殖户", "农民"], where=a.address_hint)
    animal = c.pick(["几头黄牛", "一群山羊", "十几头猪", "一群鸭子", "两头水牛"])
    loss = c.yuan(500, 9000, 100)
    extra, ask, counter = c.alt(
        [
            (
                "这已不是第一次",
                [f"对方赔偿损失{_money(loss)}并今后圈养"],
                ["认为损失没有那么多", "同意圈养，赔偿数额再商量"],
            ),
            (
                f"{b.name}承认是自家牲畜，但嫌@A要价太高",
                [f"对方赔偿损失{_money(loss)}"],
                ["认为损失没有那么多", "称田边没有围栏，@A也有责任"],
            ),
            (
                "当天@A把一头牲畜牵回家扣下了",
                ["对方赔偿损失后领回牲畜"],
                ["要求@A先把牲畜还回来再谈赔偿", "同意赔偿，但认为损失估高了"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["财产损害赔偿纠纷", "牲畜毁损庄稼纠纷", "损害赔偿纠纷"]),
        facts=[
            f"{c.when()}{b.name}家放养的{animal}跑进@A家{c.field()}的{c.pick(_CROPS)}地里",
            f"踩踏啃食约{c.pick(['半亩', '一亩多', '两亩', '大半块地'])}，@A估算损失{_money(loss)}",
            extra,
        ],
        ask=ask,
        parties=[a, b],
        intro="系同组村民",
        counter=counter,
        amount=loss,
        people=2,
    )


@_builder("损害赔偿")
def _dmg_fire(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 78))
    b = c.person("respondent", age=(35, 78), where=a.address_hint)
    loss = c.yuan(2000, 80000, 500)
    harm, ask = c.alt(
        [
            (
                "引燃了@A家的柴房和一台打谷机",
                [f"对方赔偿损失{_money(loss)}", "对方帮助重建柴房并赔偿打谷机"],
            ),
            (
                f"烧毁@A家山上{c.num(20, 200, 10)}棵杉树",
                [f"对方赔偿损失{_money(loss)}", "由林业站核定损失后赔偿，并补栽树苗"],
            ),
            ("烧坏了@A家堆在屋旁的稻草和一批木料", [f"对方赔偿损失{_money(loss)}"]),
            (
                f"烧死@A家果园里{c.num(15, 120)}棵柑橘树",
                [f"对方赔偿损失{_money(loss)}", "对方赔偿损失并补栽树苗"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["火灾损害赔偿纠纷", "失火赔偿纠纷", "财产损害赔偿纠纷"]),
        facts=[
            f"{c.when()}{b.name}在{c.pick(['田边烧秸秆', '屋后焚烧垃圾', '山脚烧田埂草', '给祖坟上坟烧纸'])}时火势失控，{harm}",
            f"@A估算损失约{_money(loss)}",
        ],
        ask=ask,
        parties=[a, b],
        intro="系同组村民",
        counter=c.pick(
            ["称火是被风吹过去的，属意外", "同意赔偿，但认为损失估高了", "称家庭困难，只能分期赔"]
        ),
        amount=loss,
        people=2,
    )


@_builder("损害赔偿")
def _dmg_children(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(28, 66))
    b = c.person("respondent", age=(28, 66))
    kid_a = "孙子" if _age(a) >= 50 else c.pick(["儿子", "女儿"])
    kid_b = "孙子" if _age(b) >= 50 else "儿子"
    cost = c.yuan(800, 30000, 100)
    return _Draft(
        subject=c.pick(["未成年人致害赔偿纠纷", "人身损害赔偿纠纷", "学生伤害赔偿纠纷"]),
        facts=[
            f"{c.when()}@A的{kid_a}与{b.name}的{kid_b}在{c.pick(['放学路上', '村小操场', '河边', '村文化广场'])}玩耍时发生推搡",
            f"@A家孩子摔倒致{c.pick(['门牙折断', '手臂骨折', '额头缝了五针', '眼角受伤'])}，花去医药费{_money(cost)}",
            c.pick(["后续还需要治疗", f"{b.name}家只出了一半", "两家大人说法不一"]),
        ],
        ask=c.pick([f"对方承担医药费{_money(cost)}及后续治疗费", "对方赔偿并让孩子道歉"]),
        parties=[a, b],
        counter=c.pick(["称是孩子们一起玩，双方都有责任", "同意出医药费", "认为学校也应承担责任"]),
        amount=cost,
        people=c.num(2, 4),
    )


@_builder("损害赔偿")
def _dmg_falling(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 65))
    loss = c.yuan(1500, 25000, 100)
    if c.chance(0.45):
        b = c.org("respondent", c.firm("建筑工程"))
        cause = f"{b.name}在旁边楼盘施工，脚手架上掉落的砖块砸坏了车辆前挡风玻璃和引擎盖"
    else:
        b = c.person("respondent", age=(30, 72))
        cause = c.pick(
            [
                f"{b.name}家院墙倒塌，压坏了车顶",
                f"{b.name}砍树时树干倒向路边，砸中车辆",
                f"{b.name}家屋顶的瓦片被风刮落，砸坏了车窗",
            ]
        )
    return _Draft(
        subject=c.pick(["财产损害赔偿纠纷", "车辆受损赔偿纠纷", "物件致害纠纷"]),
        facts=[
            f"{c.when()}@A将{c.pick(['小轿车', '面包车', '电动车', '货车'])}停在{c.pick(['自家门口', '路边', '集镇街边'])}",
            cause,
            f"修理厂报价{_money(loss)}",
        ],
        ask=f"对方赔偿维修费{_money(loss)}",
        parties=[a, b],
        counter=c.pick(
            ["称@A车辆乱停，也有责任", "同意赔偿，但要求去指定修理厂修", "认为报价虚高"]
        ),
        amount=loss,
        people=2,
        evidence="现场照片和维修报价单",
    )


@_builder("损害赔偿", "legal_consult")
def _dmg_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 70))
    subject, fact, question = c.pick(
        [
            (
                "帮工受伤责任问题",
                "其帮亲戚建房时从脚手架上摔下骨折",
                "帮工受伤，房主要承担多大责任",
            ),
            (
                "人身损害赔偿项目问题",
                "其被人打伤住院半个月",
                "可以要求对方赔偿哪些费用，误工费怎么算",
            ),
            ("未成年人致害问题", "其孩子在学校被同学推倒受伤", "应当由对方家长还是学校赔偿"),
            ("伤残鉴定问题", "其受伤后手指活动受限", "是否需要做伤残鉴定，到哪里做、费用谁出"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


# =========================================================================================
# 山林土地
# =========================================================================================


@_builder("山林土地", weight=1.3)
def _land_forest_boundary(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(40, 78), occ=["农民", "务农"])
    b = c.person("respondent", age=(40, 78), occ=["农民", "务农"])
    place = c.field()
    cause, ask, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}砍伐杉木时越过界线，砍了@A家{c.num(10, 80)}棵树",
                ["对方赔偿被砍树木的损失", "请林业站勘界后，对方按棵数赔偿"],
                ["称界线历来如此，砍的是自家的树", "同意勘界，砍错了就赔"],
            ),
            (
                f"{c.year(1983, 1990)}年的山林证上四至写得很粗，双方对一片约{c.num(2, 15)}亩的山场都说是自家的",
                ["请林业站到现场勘界，按山林证划定界线"],
                ["认为@A的山林证记载有误", "称老人可以作证山场归自家"],
            ),
            (
                f"{b.name}在争议山场上种了一片油茶，@A认为是占山",
                ["对方停止在争议山场上种植", "勘界后对方退出占用部分"],
                ["称那片山一直荒着，开荒的人就该种", "同意勘界，但要求@A也拿出证据"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["山林权属纠纷", "林地界址纠纷", "自留山纠纷"]),
        facts=[
            f"@A与{b.name}两家在{place}的自留山相邻，{c.pick(['以一条山脊为界', '以几块界石为界', '以一条老水沟为界'])}",
            cause,
        ],
        ask=ask,
        parties=[a, b],
        intro=c.pick(["系同村村民", "系邻村村民", "系远房亲戚"]),
        counter=counter,
        people=c.num(2, 5),
        evidence="山林权证和老人的证言",
    )


@_builder("山林土地")
def _land_field_ridge(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(40, 78), occ=["农民", "务农"])
    b = c.person("respondent", age=(40, 78), occ=["农民", "务农"], where=a.address_hint)
    cause, ask, counter = c.alt(
        [
            (
                f"{b.name}每年翻耕时把田埂往@A家一侧挖一点，几年下来@A家田少了约{c.pick(['半分', '一分多', '二十多平方米'])}",
                ["按确权图恢复原来的田埂"],
                ["称田埂是被水冲垮的", "同意按确权图恢复"],
            ),
            (
                f"确权时两家地块的图斑画错了，{b.name}拿着确权证说中间那块地是自家的",
                ["请农经站重新核实地块，更正确权图"],
                ["认为确权图才准，按图办", "同意一起申请更正"],
            ),
            (
                f"@A外出务工期间，{b.name}种了@A家的地，@A回来要地，对方不让",
                ["对方退还占种的承包地"],
                ["称地是@A自愿给自己种的", "同意退地，但要求补偿这几年的投入"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["承包地界纠纷", "土地承包经营权纠纷", "田埂纠纷"]),
        facts=[f"@A与{b.name}在{c.field()}的承包地相邻", cause],
        ask=ask,
        parties=[a, b],
        intro="系同组村民",
        counter=counter,
        people=2,
    )


@_builder("山林土地")
def _land_married_daughter(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="female", age=(25, 50))
    b = c.org("respondent", f"{c.village}第{c.cn(1, 10)}村民小组")
    cause, ask, counter = c.alt(
        [
            (
                "组里调整土地时把@A名下的承包地收回，分给了新增人口",
                ["恢复@A的承包地"],
                ["称组里多数村民表决通过，嫁出去的不再分", "要求@A提供在夫家没有分到地的证明"],
            ),
            (
                "组里分配土地流转租金时不给@A那一份",
                ["按人口给@A发放流转租金"],
                ["称村民大会定的规矩是出嫁女不分", "表示可以补发部分租金"],
            ),
            (
                "@A离婚后带孩子回村生活，要求分地，组里不同意",
                ["与其他村民享受同等待遇，分给承包地", "暂时调剂一块地给@A耕种"],
                ["称组里已没有机动地", "同意下次调整时考虑"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["承包地调整纠纷", "土地承包经营权纠纷", "外嫁女土地权益纠纷"]),
        facts=[f"@A{c.year(2010, 2020)}年出嫁，户口一直留在{c.village}", cause],
        ask=ask,
        parties=[a, b],
        counter=counter,
        people=c.num(2, 5),
    )


@_builder("山林土地")
def _land_grave(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(40, 78))
    b = c.person("respondent", age=(40, 78))
    cause, ask, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}家老人去世，下葬在@A家承包的{c.field()}边上，@A事先并不知情",
                ["对方迁走坟墓或给予占地补偿"],
                ["称那一片历来是本家族的坟山", "同意给予补偿", "表示迁坟要看日子，不能马上迁"],
            ),
            (
                f"{b.name}家迁坟时把新坟修在@A家林地里，还砍了几棵树",
                ["对方补偿砍掉的树木和占地", "对方迁走坟墓"],
                ["同意补偿树木", "称事先跟@A家老人打过招呼"],
            ),
            (
                f"@A家要在承包地上种果树，{b.name}称地里有其祖坟，不许动土",
                ["明确坟墓周边保留范围，其余土地@A正常使用"],
                ["要求坟墓周围留出三米", "同意只保留坟头周边"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["坟地纠纷", "土地使用纠纷", "山地使用纠纷"]),
        facts=[cause, c.pick(["双方争执不下", "村里老人出面劝过", "两家为此已吵了几回"])],
        ask=ask,
        parties=[a, b],
        counter=counter,
        people=c.num(2, 6),
    )


@_builder("山林土地")
def _land_orchard_lease(c: _Ctx) -> _Draft:
    a = c.org("applicant", c.collective()) if c.chance(0.4) else c.person("applicant", age=(40, 72))
    b = c.person("respondent", age=(35, 62), occ=["种植大户", "个体工商户"])
    crop = c.pick(["杨梅", "油茶", "板栗", "杉木", "脐橙"])
    cause, ask, counter = c.alt(
        [
            (
                f"承包期已满，对山上{crop}归谁、怎么补偿谈不拢",
                ["对方交还山场，林木按评估价处理"],
                ["称投入很大，要求续包或者按现价补偿", "同意交还，但林木要自己处理"],
            ),
            (
                f"{b.name}长期拖欠承包费，{crop}基地也已荒废",
                ["对方补交承包费", "解除承包合同，收回山场"],
                ["同意补交部分承包费", "称行情不好，请求减免"],
            ),
            (
                "@A认为当年承包费太低，要求重新议价",
                ["重新商定承包费"],
                ["认为合同还没到期，应按合同办", "同意适当提高"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["林地承包合同纠纷", "荒山承包纠纷", "山林承包纠纷"]),
        facts=[
            f"{b.name}于{c.year(2005, 2012)}年承包{c.field()}荒山{c.num(30, 300, 10)}亩种植{crop}，期限{c.pick([15, 20])}年",
            cause,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        people=c.num(2, 5),
        evidence="承包合同",
    )


@_builder("山林土地", "petition")
def _land_petition(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 78))
    subject, fact, ask = c.pick(
        [
            (
                "确权面积不符问题",
                "其家二轮延包确权后的面积比实际耕种面积少了一亩多，多次找村里没有更正",
                "重新测量并更正确权证书",
            ),
            (
                "林权证办理问题",
                f"其家{c.field()}的山林多年来一直由其家经营，至今未办理林权证",
                "尽快核实办证",
            ),
            (
                "耕地被占用问题",
                "村道拓宽时占用了其家承包地，至今没有说法",
                "落实占地补偿或调整土地",
            ),
            (
                "承包地调整问题",
                "组里新增人口多年没有分到地，而有的户迁出后仍占着地",
                "按政策调整承包地",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=c.num(1, 3))


@_builder("山林土地", "legal_consult")
def _land_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 75))
    subject, fact, question = c.pick(
        [
            (
                "承包地继承问题",
                "其父亲去世，名下有几亩承包地",
                "承包地能不能由子女继承，城里的子女有没有份",
            ),
            (
                "林木采伐许可问题",
                "其想砍掉自家山上的几十棵杉树卖掉",
                "自家山上的树砍伐要不要办采伐证",
            ),
            (
                "土地流转合同问题",
                "有公司想租其家承包地二十年",
                "签流转合同要注意哪些问题，期限能不能超过承包期",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


# =========================================================================================
# 征地拆迁
# =========================================================================================


@_builder("征地拆迁")
def _exp_family_split(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 70))
    b = c.person("respondent", surname=a.name[0], age=(35, 72))
    comp = c.yuan(200000, 1200000, 1000)
    flats = c.pick(["", "及安置房两套", "及一套安置房"])
    cause, counter = c.alt(
        [
            (
                f"补偿协议由{b.name}一人签字，款项也全部进了其账户",
                ["称父母生前说过房子给自己", "同意分，但要扣除翻修费用"],
            ),
            (
                "兄弟姐妹对出嫁女儿、已迁出户口的成员能否分钱意见不一",
                ["认为@A早已分户，不应参与分配", "同意少分一些给@A"],
            ),
            (
                f"{b.name}认为老屋是自己翻修的，应多分",
                ["要求先扣除翻修费用再分", "称自己照顾父母多年"],
            ),
        ]
    )
    ask = c.pick(
        ["按户内人口平均分配补偿款", "对方拿出属于@A的份额"]
        + (["安置房一人一套，差价另算"] if "两套" in flats else [])
    )
    return _Draft(
        subject=c.pick(["征收补偿款分配纠纷", "拆迁补偿款分配纠纷", "家庭征收补偿纠纷"]),
        facts=[f"@A家老屋被纳入{c.pick(_PROJECTS)}征收范围，获得补偿{_money(comp)}{flats}", cause],
        ask=ask,
        parties=[a, b],
        intro=f"系{_sibling_rel(a, b)}",
        counter=counter,
        amount=comp,
        people=c.num(2, 5),
    )


@_builder("征地拆迁")
def _exp_group_allocation(c: _Ctx) -> _Draft:
    rep = c.person("applicant", age=(38, 70))
    grp_name = f"{c.village}第{c.cn(1, 10)}村民小组"
    coll = c.org("respondent", grp_name)
    n = c.num(10, 60)
    mu = c.num(20, 260)
    total = c.yuan(1000000, 9000000, 10000)
    point = c.pick(
        [
            "外嫁女、离婚回村妇女是否参与分配",
            "新生儿、新媳妇是否参与分配",
            "户口迁出的大学生、服兵役人员是否参与分配",
            "按人口分还是按原承包面积分",
        ]
    )
    return _Draft(
        subject="征地补偿款分配纠纷",
        facts=[],
        ask="",
        parties=[rep, coll],
        amount=total,
        people=n,
        group=True,
        text=c.pick(
            [
                f"{grp_name}集体土地{mu}亩因{c.pick(_PROJECTS)}被征收，土地补偿款{_money(total)}已拨付到组。"
                f"组内对{point}意见不一，先后两次开会表决都没通过方案。{rep.name}等{n}名村民联名要求"
                f"{c.pick(['暂停发放，重新制定分配方案', '按户籍人口平均分配', '公开分配名单和表决记录'])}。",
                f"{rep.name}等{n}人来访反映：{c.year(2022, 2024)}年组里{mu}亩地被{c.pick(_PROJECTS)}征用，"
                f"补偿款{_money(total)}至今未分下去。争议焦点是{point}，组长称要等村里统一意见。"
                f"来访人要求村组尽快公开账目并依法分配。",
            ]
        ),
        title=f"{rep.name[0]}某等{n}人与{grp_name}征地补偿款分配纠纷",
    )


@_builder("征地拆迁")
def _exp_crops(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 72), occ=["种植户", "农民", "养殖户"])
    b = c.org("respondent", c.firm(c.pick(["建筑工程", "路桥工程", "市政工程"])))
    loss = c.yuan(5000, 150000, 500)
    harm, ask = c.alt(
        [
            (
                f"施工时超出红线范围，推平了@A家{c.num(1, 6)}亩苗木和果树",
                [f"施工方赔偿青苗和附着物损失{_money(loss)}"],
            ),
            (
                "弃土堆在@A家承包地里，压坏了即将收割的庄稼",
                ["施工方清走弃土，恢复土地原状并赔偿庄稼损失"],
            ),
            ("施工改变了原有水系，@A家鱼塘进不了水", ["施工方恢复水系或给予补偿"]),
        ]
    )
    return _Draft(
        subject=c.pick(["青苗补偿纠纷", "地上附着物补偿纠纷", "施工损害补偿纠纷"]),
        facts=[
            f"{b.name}承建{c.pick(_PROJECTS)}，{c.when()}进场施工",
            harm,
            f"@A估算损失约{_money(loss)}",
        ],
        ask=ask,
        parties=[a, b],
        counter=c.pick(
            ["称是按指挥部给的图纸施工的", "同意补偿，但对数量有异议", "要求@A提供种植证明"]
        ),
        amount=loss,
        people=c.num(2, 4),
    )


@_builder("征地拆迁")
def _exp_relocation(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 75))
    b = c.org("respondent", f"{COUNTY}{c.pick(_PROJECTS)}征拆指挥部")
    cause, ask, counter = c.alt(
        [
            (
                "至今安置房仍未建成，过渡费从今年起停发",
                ["继续发放过渡费并明确交房时间"],
                ["称项目资金暂时未到位", "同意补发过渡费"],
            ),
            (
                "对方认定的房屋面积少算了一间偏房和一个杂屋",
                ["重新核定房屋面积并补足补偿"],
                ["表示偏房属于未登记建筑，只能按附属物补偿", "同意复核"],
            ),
            (
                "选房时@A抽到的楼层、朝向与协议约定不符",
                ["按协议约定安排选房"],
                ["称选房是公开抽签的", "同意在剩余房源中调换"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["安置补偿纠纷", "拆迁安置纠纷", "过渡费纠纷"]),
        facts=[
            f"@A家房屋于{c.year(2020, 2023)}年被征收，签协议时约定{c.pick(['两年内', '三年内'])}交付安置房",
            cause,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        people=c.num(2, 5),
        evidence="征收补偿协议",
    )


@_builder("征地拆迁", "petition")
def _exp_petition(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(38, 75))
    group = c.chance(0.4)
    n = c.num(10, 50) if group else c.num(1, 3)
    subject, fact, ask = c.pick(
        [
            (
                "征收补偿标准问题",
                f"其家房屋被纳入{c.pick(_PROJECTS)}征收范围，认为评估单价明显低于周边二手房价格",
                "重新评估，提高补偿标准",
            ),
            (
                "失地农民社保问题",
                f"{c.year(2008, 2014)}年征地时承诺给失地农民办理养老保险，至今未落实",
                "落实失地农民养老保险",
            ),
            ("安置房交付问题", "签订征收协议已四年，安置房迟迟未交付", "尽快交房并补发过渡费"),
            ("征地补偿款拖欠问题", "土地已被占用两年，补偿款只到位一半", "尽快足额发放补偿款"),
        ]
    )
    text = None
    title = None
    if group:
        title = f"{a.name[0]}某等{n}人反映{subject}"
    return _Draft(
        subject=subject,
        facts=[fact],
        ask=ask,
        parties=[a],
        people=n,
        group=group,
        text=text,
        title=title,
    )


@_builder("征地拆迁", "legal_consult")
def _exp_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 75))
    subject, fact, question = c.pick(
        [
            (
                "征收补偿问题",
                "其家房屋在征收范围内，对评估结果不满意",
                "对评估结果不服可以申请复核吗，期限是多久",
            ),
            (
                "补偿款分配问题",
                "其户口已迁到县城，老家的地被征收",
                "户口迁出的人能否分得土地补偿款",
            ),
            (
                "未登记房屋补偿问题",
                "其家有一间偏房当年没有办证",
                "没有产权证的房屋征收时能否获得补偿",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


# =========================================================================================
# 环境污染
# =========================================================================================


@_builder("环境污染")
def _env_pig_farm(c: _Ctx) -> _Draft:
    rep = c.person("applicant", age=(38, 72))
    owner = (
        c.person("respondent", age=(35, 60), occ="养殖户")
        if c.chance(0.6)
        else c.org("respondent", c.firm("生猪养殖", "专业合作社"))
    )
    head = c.num(300, 3000, 100)
    group = c.chance(0.55)
    n = c.num(10, 45) if group else c.num(2, 4)
    who = f"{rep.name}等{n}户村民" if group else "@A"
    return _Draft(
        subject=c.pick(["养殖污染纠纷", "养殖场异味纠纷", "环境污染纠纷"]),
        facts=[
            f"{owner.name}在{c.village}{c.spot()}建有一个存栏约{head}头的生猪养殖场",
            c.pick(
                [
                    "粪污处理池容量不够，污水直接排进旁边的小溪",
                    "夏天臭味很重，附近住户不敢开窗",
                    "苍蝇蚊子成群，下游的水田也变黑发臭",
                ]
            ),
            f"{who}{c.pick(['多次找养殖场交涉', '向村里反映过两次', '曾到镇里反映'])}，{c.pick(['没有明显改善', '对方只是撒了些石灰', '问题反复出现'])}",
        ],
        ask=c.pick(
            [
                "养殖场完善粪污处理设施，停止直排",
                "养殖场搬迁或减少存栏量",
                "赔偿受污染水田的损失并限期整改",
            ]
        ),
        parties=[rep, owner],
        counter=c.pick(
            ["称已建沼气池，正在升级改造", "认为手续齐全，是合法经营", "同意整改，但需要一段时间"]
        ),
        people=n,
        group=group,
    )


@_builder("环境污染")
def _env_quarry(c: _Ctx) -> _Draft:
    rep = c.person("applicant", age=(38, 72))
    firm = c.org(
        "respondent",
        f"{c.pick([c.town, c.town_short])}{c.zihao()}{c.pick(['石料厂', '采石场', '砂石加工厂'])}",
    )
    group = c.chance(0.5)
    n = c.num(12, 60) if group else c.num(2, 4)
    harm, ask, counter = c.alt(
        [
            (
                "运输车辆进出扬尘大，路边住户家里、菜地上都是一层石粉",
                ["厂方洒水降尘、覆盖车斗，限时运输"],
                ["称已经安排洒水车", "同意加装喷淋设施"],
            ),
            (
                "每次爆破时附近房屋震动，已有多户墙体出现裂缝",
                ["请有资质的机构鉴定房屋裂缝原因并赔偿", "厂方减少爆破装药量并提前通知"],
                ["否认房屋裂缝与爆破有关", "表示愿意给受影响户适当补偿"],
            ),
            (
                "碎石机昼夜作业，噪音和粉尘影响村民休息",
                ["厂方夜间停止作业，安装降尘设备"],
                ["称手续齐全，排放达标", "同意晚上十点后停机"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["采石粉尘污染纠纷", "环境污染纠纷", "采石场环境纠纷"]),
        facts=[
            f"{firm.name}在{c.village}后山开采石料"
            + (f"，离最近的住户不到{c.num(200, 500, 50)}米" if c.chance(0.6) else ""),
            harm,
            (f"{rep.name}等{n}户村民要求厂方整改" if group else "@A多次找厂方无果"),
        ],
        ask=ask,
        parties=[rep, firm],
        counter=counter,
        people=n,
        group=group,
    )


@_builder("环境污染")
def _env_fishpond(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 68), occ=["养殖户", "农民"])
    b = c.org("respondent", c.firm(c.pick(["食品", "化工", "竹木制品", "建材", "纸业"])))
    loss = c.yuan(10000, 200000, 1000)
    return _Draft(
        subject=c.pick(["水污染损害赔偿纠纷", "环境污染纠纷", "鱼塘污染纠纷"]),
        facts=[
            f"@A承包了{c.village}{c.num(5, 40)}亩鱼塘",
            f"{c.when()}上游{b.name}排放的污水流入塘中，{c.pick(['一夜之间死鱼浮满水面', '鱼大量翻塘死亡', '塘水发黑发臭'])}",
            f"@A估算损失{_money(loss)}，已请{c.pick(['环保部门', '水产站'])}取样",
        ],
        ask=c.pick([f"企业赔偿损失{_money(loss)}", "企业停止排污并赔偿损失"]),
        parties=[a, b],
        counter=c.pick(
            ["称自家污水经过处理，死鱼另有原因", "要求等检测结果出来再说", "同意先行补偿一部分"]
        ),
        amount=loss,
        people=2,
    )


@_builder("环境污染")
def _env_spray(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 72), occ=["种植户", "农民"])
    b = c.person("respondent", age=(30, 60), occ=["种植大户", "农机手"])
    loss = c.yuan(1000, 30000, 100)
    return _Draft(
        subject=c.pick(["农药飘移损害纠纷", "环境污染纠纷", "除草剂药害纠纷"]),
        facts=[
            f"{c.when()}{b.name}用{c.pick(['无人机', '机动喷雾器'])}给自家田喷除草剂",
            f"药雾飘到@A家相邻的{c.pick(['菜地', '辣椒地', '桑园', '西瓜地'])}，作物大面积枯黄",
            f"@A估算损失约{_money(loss)}",
        ],
        ask=f"对方赔偿损失{_money(loss)}",
        parties=[a, b],
        counter=c.pick(
            ["称当天没有风，不可能飘过去", "同意赔偿，但认为损失估高了", "要求农业部门鉴定"]
        ),
        amount=loss,
        people=2,
    )


@_builder("环境污染")
def _env_restaurant(c: _Ctx) -> _Draft:
    estate = c.estate()
    a = c.person("applicant", where=f"{c.village}{estate}", occ=_TOWN_OCC)
    b = c.person("respondent", age=(28, 55), occ="餐馆经营者")
    harm, ask, counter = c.alt(
        [
            (
                "排烟管道直接对着楼上住户窗户",
                ["店家改变排烟方向，把管道接到楼顶"],
                ["同意整改，但需要物业同意走管", "称管道是前任店主装的"],
            ),
            (
                "油烟净化器长期不开",
                ["店家正常使用油烟净化设备"],
                ["称已安装净化器，只是偶尔没开", "同意每天开机"],
            ),
            (
                "后厨排风机噪音大，夜里也不停",
                ["店家更换低噪音风机，夜间关闭"],
                ["同意更换风机", "认为店铺是商用房，开餐馆合法"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["油烟污染纠纷", "餐饮油烟扰民纠纷", "环境污染纠纷"]),
        facts=[
            f"{b.name}在{estate}楼下开了一家{c.pick(['烧烤店', '小炒店', '米粉店', '卤菜店'])}",
            harm,
            "@A家衣服晾不了、窗户开不了",
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        people=2,
    )


@_builder("环境污染", "complaint")
def _env_complaint(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(28, 72))
    group = c.chance(0.3)
    n = c.num(10, 40) if group else 1
    subject, fact, ask = c.pick(
        [
            (
                "企业夜间偷排",
                f"{c.village}附近一家{c.pick(['电镀', '塑料加工', '印染', '洗砂'])}厂夜里偷排污水，河水发黄有异味",
                "环保部门夜间突击检查，查处偷排",
            ),
            (
                "垃圾填埋场异味",
                "镇垃圾中转站气味很大，渗滤液流到路边",
                "加强清运和除臭，处理渗滤液",
            ),
            (
                "砂石场扬尘",
                f"{c.village}路边砂石场堆料没有覆盖，一刮风满天灰",
                "责令覆盖料堆、安装喷淋",
            ),
            ("搅拌站噪音", "混凝土搅拌站夜间作业，噪音很大", "限制夜间作业时间"),
            ("河道倾倒垃圾", f"有人往{c.village}河道里倾倒建筑垃圾", "清理河道并查处倾倒者"),
        ]
    )
    title = f"{a.name[0]}某等{n}人投诉{subject}" if group else None
    return _Draft(
        subject=subject,
        facts=[fact, c.pick([c.since(), "已向村里反映过", "附近群众意见很大"])],
        ask=ask,
        parties=[a],
        people=n,
        group=group,
        title=title,
    )


# =========================================================================================
# 劳动争议
# =========================================================================================


@_builder("劳动争议", weight=0.8)
def _lab_site_wages_group(c: _Ctx) -> _Draft:
    n = c.num(10, 60)
    per = c.yuan(15000, 40000, 500)
    total = min(max(n * per, 300000), 1500000)
    total = total // 1000 * 1000
    rep = c.person("applicant", sex="male", age=(30, 60), occ=_WORKER_OCC)
    boss = c.person("respondent", sex="male", age=(35, 60), occ="包工头")
    firm = c.org("respondent", c.firm(c.pick(["建筑工程", "建筑劳务", "建设工程", "路桥工程"])))
    project = c.pick(
        [
            f"{c.estate()}{c.pick(['二期', '三期', '安置房'])}项目",
            c.pick(_PROJECTS),
            "县医院住院楼",
            f"{c.town}中心学校教学楼",
        ]
    )
    start, end = c.ym(2023, 2024), c.ym(2024, 2025)
    text = c.pick(
        [
            f"{rep.name}等{n}名农民工反映：{start}至{end}在{firm.name}承建的{project}工地务工，"
            f"包工头{boss.name}以开发商未结算工程款为由，拖欠工资共计{_money(total)}。"
            f"工人多次到工地项目部讨要未果，要求总包单位先行垫付、尽快发放。",
            f"{project}工地{n}名{c.pick(['木工', '钢筋工', '泥瓦工', '杂工'])}来中心反映，"
            f"{c.year(2024)}年完工后班组长{boss.name}只发了生活费，剩余工资{_money(total)}一直未结。"
            f"{firm.name}称已把工程款付给{boss.name}，{boss.name}则称总包还欠其工程款。工人推选{rep.name}为代表，要求结清工资。",
            f"欠薪：{firm.name}承建的{project}拖欠{rep.name}等{n}人工资{_money(total)}，"
            f"涉及{start}以来的工资，有考勤表和班组长{boss.name}签字的工资条为证。工人要求年前兑现。",
            f"{c.town}劳动保障所转来：{rep.name}等{n}名{c.pick(['外省', '本县'])}籍工人在{project}务工，"
            f"劳务分包方{boss.name}拖欠工资{_money(total)}。项目实行了工资专户，但专户资金不足，"
            f"{firm.name}表示需等建设单位拨付进度款。工人要求先行支付基本工资。",
        ]
    )
    return _Draft(
        subject=c.pick(["拖欠农民工工资纠纷", "建筑工地欠薪纠纷", "劳务费纠纷"]),
        facts=[],
        ask="",
        parties=[rep, boss, firm],
        amount=total,
        people=n,
        group=True,
        text=text,
        title=f"{rep.name[0]}某等{n}人与{firm.name}欠薪纠纷",
    )


@_builder("劳动争议", weight=0.6)
def _lab_factory_group(c: _Ctx) -> _Draft:
    n = c.num(10, 60)
    months = c.num(2, 6)
    wage = c.pick([3200, 3500, 3800, 4200, 4500, 5000])
    total = min(max(n * months * wage, 300000) // 1000 * 1000, 1500000)
    rep = c.person("applicant", age=(25, 55), occ=["企业职工", "普工", "务工人员"])
    firm = c.org(
        "respondent", c.firm(c.pick(["服装", "电子", "鞋业", "食品", "包装", "家具", "竹木制品"]))
    )
    return _Draft(
        subject=c.pick(["拖欠工资纠纷", "劳动报酬纠纷", "企业欠薪纠纷"]),
        facts=[],
        ask="",
        parties=[rep, firm],
        amount=total,
        people=n,
        group=True,
        text=c.pick(
            [
                f"{rep.name}等{n}名职工反映：{firm.name}自{c.ym(2024)}起停产，已拖欠职工{months}个月工资共计约{_money(total)}，"
                f"老板{c.pick(['电话关机', '称在外地筹钱', '承诺月底发放但一再推迟'])}。职工要求结清工资并依法支付经济补偿。",
                f"{firm.name}经营困难，{n}名工人{months}个月工资未发，合计{_money(total)}。"
                f"{c.pick(['厂里设备正被人拉走', '厂房已被房东锁门', '工人担心老板转移资产'])}，工人推选{rep.name}等三人为代表，请求尽快协调发放。",
            ]
        ),
        title=f"{rep.name[0]}某等{n}人与{firm.name}劳动报酬纠纷",
    )


@_builder("劳动争议", weight=1.5)
def _lab_wages_single(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(20, 58))
    wage = c.pick([3000, 3500, 4000, 4500, 5000, 6000, 6500])
    months = c.num(1, 5)
    owed = wage * months
    if c.chance(0.5):
        boss = c.person("respondent", age=(30, 60), occ=["个体工商户", "餐馆经营者"])
        shop, job = c.alt(
            [
                ("开的饭店", ["厨师", "服务员", "帮厨"]),
                ("开的超市", ["收银员", "理货员", "送货员"]),
                ("开的加工厂", ["普工", "机修工", "装卸工"]),
                ("的汽修店", ["学徒", "修理工"]),
            ]
        )
        where = f"{boss.name}{shop}"
    else:
        trade, job = c.alt(
            [
                ("食品", ["普工", "包装工", "仓库管理员"]),
                ("物流", ["货车司机", "分拣员", "装卸工"]),
                ("建材", ["装卸工", "叉车司机", "普工"]),
                ("汽车运输", ["货车司机", "调度员"]),
            ]
        )
        boss = c.org("respondent", c.firm(trade))
        where = boss.name
    a.occupation = job
    trigger, counter = c.alt(
        [
            (
                f"{c.when()}离职时，对方以{c.pick(['未提前一个月辞职', '弄坏了设备', '生意淡季'])}为由扣着{months}个月工资{_money(owed)}不发",
                ["称@A擅自离职给店里造成了损失", "同意发放，但要扣除损失"],
            ),
            (
                f"对方拖欠{months}个月工资共{_money(owed)}，一直说等回款再发",
                ["承认欠薪，请求缓一个月", "称资金周转困难，愿意分两次发"],
            ),
            (
                f"对方只发了一半工资，尚欠{_money(owed)}",
                ["认为工资已结清，差额是罚款", "称@A多次迟到早退，扣发有依据"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["劳动报酬纠纷", "拖欠工资纠纷", "工资纠纷"]),
        facts=[f"@A{c.ym(2022, 2024)}起在{where}做{job}，月工资{wage}元", trigger],
        ask=f"对方支付拖欠的工资{_money(owed)}",
        parties=[a, boss],
        intro="系劳动（雇佣）关系",
        counter=counter,
        amount=owed,
        people=2,
        sources=["县劳动保障监察大队", "12345热线", f"{c.town}劳动保障所"],
        evidence="考勤记录和微信里的工资对账截图",
    )


@_builder("劳动争议")
def _lab_injury(c: _Ctx) -> _Draft:
    a = c.person(
        "applicant",
        sex="male" if c.chance(0.7) else "female",
        age=(22, 58),
        occ=["普工", "务工人员", "电焊工", "装卸工"],
    )
    firm = c.org(
        "respondent", c.firm(c.pick(["机械制造", "建材", "竹木制品", "包装", "食品", "石材"]))
    )
    injury = c.pick(
        [
            "右手食指、中指被压伤",
            "左脚被钢材砸伤",
            "眼睛被铁屑划伤",
            "从货架上摔下致腰椎骨折",
            "手臂被卷入传送带",
        ]
    )
    cost = c.yuan(10000, 150000, 500)
    return _Draft(
        subject=c.pick(["工伤待遇纠纷", "工伤赔偿纠纷", "劳动争议"]),
        facts=[
            f"@A在{firm.name}{c.pick(['车间', '仓库', '生产线上'])}工作，{c.when()}作业时{injury}",
            f"住院{c.num(7, 60)}天，花费{_money(cost)}"
            + c.pick(["", "，后续还需做手术", "，已做伤残鉴定"]),
            c.pick(
                [
                    "公司没有为@A缴纳工伤保险，只愿垫付部分医药费",
                    "公司未签劳动合同，不承认双方是劳动关系",
                    "工伤认定已下来，但公司对停工留薪期工资有异议",
                ]
            ),
        ],
        ask=c.pick(
            [
                "公司承担全部医疗费，并按工伤待遇标准赔偿",
                f"公司一次性赔偿{_money(cost * c.pick([2, 3]))}",
                "公司配合申请工伤认定并支付停工期间工资",
            ]
        ),
        parties=[a, firm],
        intro="系劳动关系",
        counter=c.pick(
            [
                "称@A违反操作规程，自身有过错",
                "愿意承担医疗费，对伤残补偿数额有异议",
                "表示愿意协商，但一次性赔偿金额太高",
            ]
        ),
        amount=cost,
        people=c.num(2, 4),
        sources=["县人社局", "县劳动人事争议仲裁院"],
    )


@_builder("劳动争议")
def _lab_dismissal(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 55), occ=["企业职工", "公司职员", "销售员", "普工"])
    firm = c.org(
        "respondent", c.firm(c.pick(["电子", "服装", "物流", "商贸", "农业开发", "汽车销售服务"]))
    )
    years = c.num(2, 12)
    wage = c.pick([3500, 4000, 4500, 5000, 6000])
    comp = years * wage
    cause, ask, counter = c.alt(
        [
            (
                f"{c.when()}公司以经营困难为由口头通知@A不用来上班了，不愿支付经济补偿",
                [f"公司支付经济补偿金{_money(comp)}"],
                ["称是@A自己提出离职的", "同意给一个月工资作为补偿"],
            ),
            (
                "公司要把@A调到外地分厂，@A不同意，公司便以旷工为由辞退",
                ["恢复原岗位和原工资", f"公司支付违法解除的赔偿金{_money(comp * 2)}"],
                ["认为调岗符合合同约定，@A拒不报到属旷工", "同意协商补偿"],
            ),
            (
                "@A怀孕后，公司以岗位调整为由降低工资，逼其辞职",
                ["恢复原岗位和原工资", "公司补发降薪期间的工资差额"],
                ["称是正常岗位调整", "同意恢复原工资"],
            ),
            (
                "公司一直未给@A缴纳社保，@A提出辞职并要求补偿",
                ["公司补缴社保并支付经济补偿"],
                ["称@A当初自愿不买社保", "同意补缴，不同意支付补偿"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["解除劳动合同纠纷", "经济补偿金纠纷", "劳动合同纠纷"]),
        facts=[f"@A在{firm.name}工作{years}年，月平均工资约{wage}元", cause],
        ask=ask,
        parties=[a, firm],
        intro="系劳动关系",
        counter=counter,
        amount=comp,
        people=2,
        sources=["县劳动人事争议仲裁院", "县人社局"],
    )


@_builder("劳动争议", weight=0.8)
def _lab_seasonal(c: _Ctx) -> _Draft:
    n = c.num(5, 20)
    group = n >= 10
    rep = c.person(
        "applicant",
        sex="female" if c.chance(0.6) else "male",
        age=(40, 68),
        occ=["农民", "务工人员"],
    )
    owner = (
        c.person("respondent", age=(35, 60), occ=["种植大户", "个体工商户"])
        if c.chance(0.6)
        else c.org("respondent", c.firm(c.pick(["茶业", "农业开发", "果业"])))
    )
    daily = c.pick([100, 120, 130, 150, 180])
    days = c.num(10, 40)
    owed = n * daily * days // 10 * 10
    place, work = c.alt(
        [
            ("茶园", ["采茶", "给茶树除草"]),
            ("果园", ["摘柑橘", "给果树套袋", "修剪果枝"]),
            ("种植基地", ["栽烟苗", "收辣椒", "挖红薯", "摘蔬菜"]),
        ]
    )
    return _Draft(
        subject=c.pick(["劳务费纠纷", "雇工工钱纠纷", "劳务报酬纠纷"]),
        facts=[
            f"{c.when()}@A等{n}名{c.village}村民在{owner.name}的{place}{work}，每天工钱{daily}元",
            f"干了{days}天左右，工钱合计约{_money(owed)}，对方{c.pick(['只结了一小部分', '说等货款回来再结', '一直未结'])}",
        ],
        ask=f"对方结清工钱{_money(owed)}",
        parties=[rep, owner],
        counter=c.pick(["称今年行情不好，货卖不出去", "对出工天数有异议", "同意分两次结清"]),
        amount=owed,
        people=n,
        group=group,
        evidence="记工本",
    )


@_builder("劳动争议")
def _lab_no_contract(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(22, 50), occ=["外卖骑手", "快递员", "配送员"])
    firm = c.org("respondent", c.firm(c.pick(["物流", "配送服务", "同城配送", "快递服务"])))
    months = c.num(8, 30)
    cause, ask, counter = c.alt(
        [
            (
                f"{c.when()}@A送件途中摔伤，公司称双方只是合作关系，不承担责任",
                ["确认劳动关系，公司承担受伤的医疗费", "公司赔偿受伤损失"],
                ["称双方是承揽合作关系，不是劳动关系", "表示可以协商一次性补偿"],
            ),
            (
                "@A要求补签合同、补缴社保，公司让其签一份“自愿放弃社保”的声明",
                ["确认劳动关系，补缴社保", "公司支付未签劳动合同的二倍工资差额"],
                ["同意补签合同，不同意支付二倍工资", "称大部分员工都签了声明"],
            ),
            (
                "公司突然停了@A的派单账号，工资也没结清",
                ["公司结清工资并说明停单理由"],
                ["称@A多次被投诉", "同意结清工资"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["劳动关系确认纠纷", "未签劳动合同纠纷", "社会保险纠纷"]),
        facts=[f"@A在{firm.name}工作了{months}个月，一直没有签订劳动合同，也没有缴社保", cause],
        ask=ask,
        parties=[a, firm],
        counter=counter,
        people=2,
        sources=["县劳动人事争议仲裁院", "12345热线"],
    )


@_builder("劳动争议", "petition")
def _lab_petition(c: _Ctx) -> _Draft:
    if c.chance(0.5):
        a = c.person("applicant", age=(25, 60), occ=_WORKER_OCC + ["企业职工"])
        owed = c.yuan(8000, 60000, 500)
        subject, fact, ask = c.alt(
            [
                (
                    "个人欠薪问题",
                    f"其在{c.firm(c.pick(['建材', '物流', '食品']))}工作期间被拖欠工资{_money(owed)}，向劳动监察投诉后两个月没有结果",
                    "督促尽快处理，拿到工资",
                ),
                (
                    "社保补缴问题",
                    "其在原单位工作九年，单位只给缴了四年社保，离职后要求补缴被拒",
                    "责令原单位补缴社保",
                ),
                (
                    "工伤待遇问题",
                    "其工伤认定已下来一年多，单位至今未支付一次性伤残补助金",
                    "督促单位支付工伤待遇",
                ),
            ]
        )
        return _Draft(
            subject=subject,
            facts=[fact],
            ask=ask,
            parties=[a],
            amount=owed if "欠薪" in subject else None,
            people=1,
        )
    n = c.num(10, 45)
    rep = c.person("applicant", sex="male", age=(30, 60), occ=_WORKER_OCC)
    total = c.yuan(300000, 1500000, 10000)
    subject = c.pick(["拖欠农民工工资问题", "工程欠薪问题", "企业欠薪问题"])
    return _Draft(
        subject=subject,
        facts=[
            f"其与{n - 1}名工友在{c.pick(_PROJECTS)}工地务工，被拖欠工资{_money(total)}",
            c.pick(
                [
                    "已向劳动监察投诉两个月，仍未拿到钱",
                    "总包单位和包工头互相推诿",
                    "包工头已联系不上",
                ]
            ),
        ],
        ask="有关部门督促用工单位尽快支付工资",
        parties=[rep],
        amount=total,
        people=n,
        group=True,
        title=f"{rep.name[0]}某等{n}人反映{subject}",
    )


@_builder("劳动争议", "legal_consult")
def _lab_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(20, 58), occ=_WORKER_OCC + ["企业职工", "外卖骑手"])
    subject, fact, question = c.pick(
        [
            (
                "劳动关系证明问题",
                "其在工地干了半年，没有签合同，工资都是包工头发现金",
                "没有合同怎么证明劳动关系",
            ),
            (
                "工伤认定问题",
                "其在厂里上班时手被机器压伤，老板说没买保险",
                "没买工伤保险能不能认定工伤，费用谁出",
            ),
            (
                "经济补偿问题",
                "公司要搬到外省，让员工自己选择去留",
                "不跟着去的话能否要求经济补偿，怎么算",
            ),
            (
                "加班费问题",
                "其每天上班十二个小时，一个月只休两天",
                "加班费应当怎么计算，能追讨多久的",
            ),
            ("仲裁时效问题", "其离职已经一年多，公司还欠两个月工资", "现在申请劳动仲裁还来得及吗"),
            ("试用期问题", "公司与其约定试用期六个月，合同期两年", "这样的试用期约定合法吗"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


@_builder("劳动争议", "help")
def _lab_help(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(22, 60), occ=_WORKER_OCC)
    subject, fact, ask = c.pick(
        [
            (
                "讨薪",
                f"其在外地工地干了八个月，工钱{_money(c.yuan(20000, 60000, 1000))}没拿到，老板失联",
                "帮助联系当地劳动部门讨要工资",
            ),
            (
                "工伤救助",
                "其在工地受伤后无钱继续治疗，老板只付了一次医药费",
                "协助申请法律援助和临时救助",
            ),
            ("返乡路费", "其在务工地被拖欠工资，现在身无分文", "帮助解决返乡路费并协助讨薪"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


# =========================================================================================
# 消费
# =========================================================================================


@_builder("消费")
def _con_prepaid(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(22, 65), occ=_TOWN_OCC)
    paid = c.yuan(1000, 20000, 100)
    left = c.yuan(500, paid, 100)
    kind, problem, counter = c.alt(
        [
            (
                ["健身房", "美容美发店", "游泳馆", "洗车店"],
                "近期店铺突然关门，店里贴出“装修暂停营业”的告示",
                ["称店铺只是暂停营业，会员卡可以继续用", "同意退费，但要扣除赠送部分"],
            ),
            (
                ["健身房", "美容美发店", "母婴店", "洗车店"],
                "店铺转让给他人，新老板不认以前的卡",
                ["表示前任老板的债务与自己无关", "同意按五折继续使用"],
            ),
            (
                ["少儿英语培训机构", "舞蹈培训班", "美术培训班"],
                "孩子上了几次课后机构更换老师和上课地点，@A要求退费被拒",
                ["称合同约定课时卡不退", "同意退费，但要扣除手续费和教材费"],
            ),
        ]
    )
    shop = c.org("respondent", f"{COUNTY}{c.zihao()}{kind}")
    return _Draft(
        subject=c.pick(["预付卡退费纠纷", "消费纠纷", "会员卡退费纠纷"]),
        facts=[
            f"@A于{c.ym(2023)}在{shop.name}办理会员卡，充值{_money(paid)}",
            problem,
            f"卡内余额{_money(left)}无法使用",
        ],
        ask=f"商家退还余额{_money(left)}",
        parties=[a, shop],
        counter=counter,
        amount=left,
        people=2,
        sources=[f"{c.town}市场监管所", "12345热线", "县消费者协会"],
        evidence="充值收据和消费记录截图",
    )


@_builder("消费")
def _con_ebike(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(20, 70))
    shop = c.org(
        "respondent",
        f"{c.pick([c.town, c.town_short])}{c.zihao()}{c.pick(['电动车行', '家电城', '电器商行', '车行'])}",
    )
    price = c.yuan(1800, 9000, 100)
    item, problem, ask, counter = c.alt(
        [
            (
                ["电动车", "电动三轮车"],
                "电池用了两个月就鼓包，充电时冒烟",
                ["商家更换电池", "商家退货退款"],
                ["称是用了非原装充电器", "表示需由厂家售后处理"],
            ),
            (
                ["冰箱", "空调", "洗衣机", "热水器", "电视机"],
                "使用不到三个月就出现故障，维修两次仍未修好",
                ["商家更换新机", "商家退货退款"],
                ["表示需由厂家售后处理", "同意换货，但不同意退款"],
            ),
            (
                ["空调", "热水器"],
                "送货安装时把墙面打坏，商家不管",
                ["商家负责修补墙面"],
                ["称安装是厂家派的师傅", "同意修补"],
            ),
            (
                ["冰箱", "洗衣机", "电视机"],
                "发现是翻新机，包装上的日期与发票不符",
                ["商家退一赔三"],
                ["否认是翻新机", "同意退货，不同意赔偿"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["产品质量纠纷", "消费纠纷", "家电售后纠纷"]),
        facts=[f"@A{c.when()}在{shop.name}购买{item}一台，价格{_money(price)}", problem],
        ask=ask,
        parties=[a, shop],
        counter=counter,
        amount=price,
        people=2,
        sources=[f"{c.town}市场监管所", "12345热线"],
        evidence="购物发票和维修记录",
    )


@_builder("消费")
def _con_banquet(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(28, 65))
    b = c.org(
        "respondent",
        f"{c.pick([c.town, c.town_short])}{c.zihao()}{c.pick(['酒店', '农家乐', '大酒店', '宴席服务队'])}",
    )
    tables = c.num(10, 40)
    price = c.pick([888, 988, 1288, 1588, 1888])
    problem, ask, counter = c.alt(
        [
            (
                "实际上的菜比约定少了两道，分量也不足",
                ["对方退还部分费用"],
                ["称菜品是按菜单上的", "同意适当优惠"],
            ),
            (
                "当晚有十几位客人出现腹泻，去卫生院看了病",
                ["对方承担客人的医疗费并赔礼道歉"],
                ["否认腹泻与饭菜有关", "同意先垫付医药费"],
            ),
            (
                "结账时对方临时加收服务费、开瓶费",
                ["取消额外收取的费用"],
                ["称服务费在预订时已口头告知", "同意免收开瓶费"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["餐饮服务纠纷", "宴席消费纠纷", "消费纠纷"]),
        facts=[
            f"@A{c.when()}在{b.name}为{c.pick(['儿子结婚', '老人祝寿', '孩子升学', '孙子满月'])}办酒席{tables}桌，每桌{price}元",
            problem,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=tables * price,
        people=c.num(2, 4),
    )


@_builder("消费")
def _con_furniture(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 60))
    b = c.org(
        "respondent", f"{COUNTY}{c.zihao()}{c.pick(['家具城', '全屋定制店', '建材商行', '门窗店'])}"
    )
    price = c.yuan(3000, 60000, 100)
    problem, ask, counter = c.alt(
        [
            (
                "到货后尺寸不符、颜色与样品不一致",
                ["对方按约定重新制作", "对方退还定金并解除合同"],
                ["称尺寸是@A确认过的", "同意重做，但工期要一个月"],
            ),
            (
                "约定一个月交货，拖了三个月还没安装",
                ["对方退还定金并解除合同", "对方限期安装并按约支付违约金"],
                ["表示厂家排单延误，不是故意拖延", "同意下周安装"],
            ),
            (
                "安装后屋里气味刺鼻，@A自费检测甲醛超标",
                ["对方赔偿检测费并更换板材", "对方退货退款"],
                ["认为检测机构不权威", "同意复检"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["定制家具纠纷", "买卖合同纠纷", "消费纠纷"]),
        facts=[
            f"@A在{b.name}定制{c.pick(['全屋柜子', '衣柜和橱柜', '铝合金门窗', '实木楼梯'])}，合同价{_money(price)}，已付定金",
            problem,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=price,
        people=2,
    )


@_builder("消费", "complaint")
def _con_complaint(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(22, 75))
    subject, fact, ask = c.pick(
        [
            (
                "保健品虚假宣传",
                f"{c.town}有人租门面办“健康讲座”，向老人推销“包治百病”的保健品，其父亲花了五千多元",
                "市场监管部门查处，督促退款",
            ),
            ("超市销售过期食品", f"在{c.town}一家超市买到过期的牛奶和饼干", "查处商家并按规定赔偿"),
            (
                "加油站缺斤少两",
                "在镇上加油站加油，加的油量与油箱容量明显对不上",
                "计量部门检查加油机",
            ),
            (
                "培训机构关门跑路",
                "孩子报名的培训机构突然关门，几十名家长的学费没退",
                "有关部门督促退费",
            ),
            ("短斤少两", "集市上的水果摊电子秤被动过手脚", "有关部门检查集市计量器具"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


@_builder("消费", "legal_consult")
def _con_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(22, 70))
    subject, fact, question = c.pick(
        [
            (
                "预付卡退费问题",
                "其在健身房办的年卡还剩半年，店铺被转让",
                "新老板不认卡，能找谁退钱",
            ),
            (
                "网购退货问题",
                "其在网上买的衣服不合身，商家说特价商品不退",
                "网购商品七天无理由退货有哪些例外",
            ),
            ("三包问题", "其买的空调一年内坏了三次", "能否要求换货或退货"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


# =========================================================================================
# 医疗
# =========================================================================================


def _hospital(c: _Ctx) -> str:
    return c.pick(
        [
            f"{COUNTY}人民医院",
            f"{COUNTY}中医医院",
            f"{COUNTY}妇幼保健院",
            f"{c.town}卫生院",
            f"{c.town}中心卫生院",
            f"{COUNTY}{c.zihao()}医院",
            f"{COUNTY}{c.zihao()}口腔门诊部",
        ]
    )


@_builder("医疗")
def _med_township(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 65))
    h = c.org(
        "respondent", c.pick([f"{c.town}卫生院", f"{c.town}中心卫生院", f"{c.village}卫生室"])
    )
    patient = c.pick(["父亲", "母亲", "儿子", "女儿", "妻子", "丈夫"])
    cost = c.yuan(3000, 60000, 500)
    return _Draft(
        subject=c.pick(["医疗纠纷", "医疗损害赔偿纠纷", "医患纠纷"]),
        facts=[
            f"{c.when()}@A{patient}因{c.pick(['感冒发烧', '腹痛', '咳嗽', '头晕'])}到{h.name}就诊",
            c.pick(
                [
                    "输液后出现过敏反应，转到县医院抢救才脱险",
                    "被诊断为胃炎，开药回家后病情加重，后在县医院确诊为阑尾炎穿孔",
                    "打针部位红肿化脓，做了切开引流",
                ]
            ),
            f"后续治疗花费{_money(cost)}",
        ],
        ask=c.pick(
            [
                f"医院承担后续治疗费用{_money(cost)}",
                "医院说明情况并给予赔偿",
                "申请医疗事故技术鉴定后按责任赔偿",
            ]
        ),
        parties=[a, h],
        counter=c.pick(
            ["称用药符合规范，过敏属于个人体质", "同意给予人道主义补偿", "建议通过鉴定明确责任"]
        ),
        amount=cost,
        people=c.num(2, 4),
        sources=["县卫生健康局", "县医疗纠纷人民调解委员会"],
    )


@_builder("医疗")
def _med_surgery(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 72))
    h = c.org(
        "respondent", c.pick([f"{COUNTY}人民医院", f"{COUNTY}中医医院", f"{COUNTY}{c.zihao()}医院"])
    )
    op = c.pick(["胆囊切除", "剖宫产", "腰椎间盘", "骨折内固定", "疝气修补", "子宫肌瘤"])
    cost = c.yuan(20000, 300000, 1000)
    return _Draft(
        subject=c.pick(["医疗损害赔偿纠纷", "医疗纠纷", "手术并发症纠纷"]),
        facts=[
            f"@A{c.pick(['本人', '的母亲', '的妻子', '的父亲'])}于{c.ym(2023)}在{h.name}做{op}手术",
            c.pick(
                [
                    "术后出现感染，住院一个多月",
                    "术后出现并发症，不得不二次手术",
                    "术后恢复不理想，行走受限",
                    "出院时医生没有交代注意事项，回家后伤口裂开",
                ]
            ),
            f"前后花去医疗费{_money(cost)}",
        ],
        ask=c.pick([f"医院赔偿{_money(cost)}", "医院减免费用并承担后续治疗", "查明责任后依法赔偿"]),
        parties=[a, h],
        counter=c.pick(
            ["称手术前已告知相关风险，家属签了字", "同意减免部分费用", "建议双方共同委托鉴定"]
        ),
        amount=cost,
        people=c.num(2, 5),
        sources=["县卫生健康局", "县医疗纠纷人民调解委员会"],
    )


@_builder("医疗")
def _med_dental(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 70), occ=_TOWN_OCC)
    paid = c.yuan(3000, 45000, 500)
    kind, service, problem = c.alt(
        [
            (
                ["口腔门诊部", "口腔诊所"],
                ["种植牙两颗", "做牙齿矫正"],
                ["半年后种植体松动，需要重做", "治疗中途诊所换了医生，方案也变了"],
            ),
            (
                "医疗美容诊所",
                ["做双眼皮手术", "做祛斑治疗"],
                ["效果与宣传严重不符", "术后留下明显疤痕"],
            ),
            ("眼科诊所", "给孩子配角膜塑形镜", ["孩子戴后眼睛反复发炎", "度数不降反升"]),
        ]
    )
    clinic = c.org("respondent", f"{COUNTY}{c.zihao()}{kind}")
    return _Draft(
        subject=c.pick(["医疗服务纠纷", "诊疗费纠纷", "医疗纠纷"]),
        facts=[f"@A于{c.ym(2023)}在{clinic.name}{service}，花费{_money(paid)}", problem],
        ask=c.pick([f"诊所退还费用{_money(paid)}", "诊所免费返工", "诊所退还部分费用并赔偿"]),
        parties=[a, clinic],
        counter=c.pick(["称是@A没有按医嘱护理", "同意免费重做", "表示效果因人而异，不同意退款"]),
        amount=paid,
        people=2,
    )


@_builder("医疗")
def _med_death(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 65))
    h = c.org("respondent", c.pick([f"{COUNTY}人民医院", f"{c.town}卫生院", f"{COUNTY}中医医院"]))
    return _Draft(
        subject=c.pick(["医疗纠纷", "患者死亡医疗纠纷"]),
        facts=[
            f"@A{c.pick(['的父亲', '的母亲', '的丈夫'])}（{c.num(55, 88)}岁）于{c.when()}因{c.pick(['胸闷', '突发脑梗', '肺部感染', '摔伤'])}在{h.name}住院",
            c.pick(["入院第三天病情突然恶化，抢救无效死亡", "转院途中死亡", "手术后第二天死亡"]),
            "家属认为医院观察不及时、处置有过错",
        ],
        ask=c.pick(
            ["医院说明诊疗经过，封存病历，依法赔偿", "委托尸检和医疗损害鉴定", "医院给予赔偿"]
        ),
        parties=[a, h],
        counter=c.pick(
            [
                "称患者基础病多，已尽到救治义务",
                "同意封存病历并通过鉴定明确责任",
                "表示愿意给予一定补偿",
            ]
        ),
        people=c.num(3, 8),
        sources=["县卫生健康局", "县医疗纠纷人民调解委员会"],
    )


@_builder("医疗", "complaint")
def _med_complaint(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 75))
    h = _hospital(c)
    subject, fact, ask = c.pick(
        [
            ("医院收费问题", f"在{h}住院一周，费用清单里有几项检查没做过", "卫健部门核查收费"),
            (
                "医务人员服务态度",
                f"带孩子到{h}看急诊，值班医生态度恶劣，等了两个多小时",
                "医院调查处理并改进服务",
            ),
            ("药品价格问题", f"{h}同一种药比外面药店贵了一倍", "有关部门检查药品价格"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


@_builder("医疗", "legal_consult")
def _med_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 70))
    subject, fact, question = c.pick(
        [
            (
                "医疗损害鉴定问题",
                "其母亲手术后出现并发症，怀疑医院有过错",
                "怎样申请医疗损害鉴定，费用由谁先出",
            ),
            (
                "病历复印问题",
                "其父亲在医院去世，家属想复印病历",
                "家属有权复印哪些病历，医院拒绝怎么办",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


# =========================================================================================
# 道路交通事故
# =========================================================================================

_ROADS = [
    "县道",
    "乡道",
    "村道",
    "国道",
    "集镇主街",
    "环城路",
    "学校门口",
    "菜市场路口",
    "加油站附近",
]


def _road(c: _Ctx) -> str:
    r = c.pick(_ROADS)
    if r in ("县道", "乡道", "国道"):
        return f"{r}{c.pick(['X', 'Y', 'G'])}{c.num(100, 899)}线{c.town}段"
    if r == "村道":
        return f"{c.village}村道"
    return f"{c.town}{r}"


@_builder("道路交通事故")
def _tr_ebike_pedestrian(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(55, 85))
    b = c.person("respondent", age=(18, 60))
    cost = c.yuan(3000, 80000, 500)
    return _Draft(
        subject=c.pick(["交通事故损害赔偿纠纷", "电动车撞人赔偿纠纷", "道路交通事故纠纷"]),
        facts=[
            f"{c.when()}{c.daytime()}，{b.name}骑电动车在{_road(c)}与步行的@A相撞",
            f"@A倒地致{c.pick(['股骨颈骨折', '手腕骨折', '头部受伤', '多处软组织挫伤', '锁骨骨折'])}，住院{c.num(5, 45)}天，花去医疗费{_money(cost)}",
            c.pick(
                [
                    f"交警认定{b.name}负主要责任",
                    "交警认定双方同等责任",
                    f"{b.name}的电动车没有上牌，也没有买保险",
                ]
            ),
        ],
        ask=c.pick(
            [
                f"对方赔偿医疗费、护理费等共{_money(cost + c.yuan(2000, 20000, 500))}",
                f"对方承担医疗费{_money(cost)}",
                "对方按责任比例赔偿全部损失",
            ]
        ),
        parties=[a, b],
        counter=c.pick(
            [
                "称自己经济困难，一次拿不出那么多",
                "认为@A横穿马路也有责任",
                "同意赔偿，但要求扣除新农合报销部分",
            ]
        ),
        amount=cost,
        people=c.num(2, 4),
        sources=[
            "县公安局交警大队",
            "县交警大队事故处理中队",
            "县人民法院道路交通事故纠纷诉调对接中心",
        ],
    )


@_builder("道路交通事故")
def _tr_car_ebike(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(20, 70))
    b = c.person("respondent", age=(22, 60), occ=["司机", "个体工商户", "网约车司机", "企业职工"])
    ins = c.org("third_party", f"{c.pick(['某财产保险股份有限公司', '某保险公司'])}{COUNTY}支公司")
    cost = c.yuan(8000, 200000, 1000)
    return _Draft(
        subject=c.pick(["机动车交通事故责任纠纷", "交通事故赔偿纠纷", "道路交通事故纠纷"]),
        facts=[
            f"{c.when()}，{b.name}驾驶小型轿车在{_road(c)}与@A驾驶的{c.pick(['电动车', '摩托车', '电动三轮车'])}发生碰撞",
            f"@A受伤住院，花去医疗费{_money(cost)}，车辆损坏",
            c.pick(
                [
                    f"交警认定{b.name}负主要责任，@A负次要责任",
                    f"交警认定{b.name}负全部责任",
                    "事故路段没有监控，责任认定双方都有异议",
                ]
            ),
            c.pick(
                [
                    "肇事车辆投保了交强险和商业三者险",
                    f"{b.name}已垫付{_money(c.yuan(2000, 20000, 1000))}",
                ]
            ),
        ],
        ask=c.pick(
            [
                "对方及保险公司赔偿医疗费、误工费、护理费等损失",
                f"一次性赔偿{_money(cost * 2)}",
                "尽快理赔，先支付后续治疗费",
            ]
        ),
        parties=[a, b, ins],
        counter=c.pick(
            ["称保险公司该赔的让保险公司赔", "对误工费和护理费的计算标准有异议", "认为@A车速过快"]
        ),
        amount=cost,
        people=c.num(2, 5),
        sources=[
            "县公安局交警大队",
            "县交警大队事故处理中队",
            "县人民法院道路交通事故纠纷诉调对接中心",
        ],
    )


@_builder("道路交通事故")
def _tr_tricycle_passenger(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(45, 80))
    b = c.person(
        "respondent", sex="male", age=(35, 70), occ=["农民", "个体工商户"], where=a.address_hint
    )
    cost = c.yuan(5000, 90000, 500)
    return _Draft(
        subject=c.pick(["交通事故损害赔偿纠纷", "好意同乘赔偿纠纷", "道路交通事故纠纷"]),
        facts=[
            f"{c.when()}@A搭乘{b.name}的{c.pick(['农用三轮车', '电动三轮车', '面包车', '摩托车'])}去{c.town}赶集",
            f"途经{_road(c)}{c.pick(['下坡转弯处', '一段坑洼路面', '桥头'])}时车辆侧翻，@A{c.pick(['腰椎骨折', '腿部骨折', '头部受伤'])}",
            f"医疗费已花{_money(cost)}",
        ],
        ask=c.pick([f"对方承担医疗费{_money(cost)}", "对方赔偿全部损失", "对方承担大部分医疗费"]),
        parties=[a, b],
        intro="系同村村民",
        counter=c.pick(
            ["称是好心免费捎带，不应全赔", "同意承担部分费用", "表示车辆无保险，家里困难"]
        ),
        amount=cost,
        people=2,
        sources=["县公安局交警大队", f"{c.town}交警中队"],
    )


@_builder("道路交通事故")
def _tr_property(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 75))
    b = (
        c.person("respondent", sex="male", age=(22, 60), occ=["货车司机", "司机"])
        if c.chance(0.6)
        else c.org("respondent", c.firm(c.pick(["物流", "汽车运输", "建材"])))
    )
    loss = c.yuan(800, 30000, 100)
    what, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}的货车倒车时撞坏@A家门前的围墙和大门",
                ["称围墙砌到了路边，@A也有责任", "同意赔偿，要求走保险程序"],
            ),
            (
                f"{c.when()}{b.name}的车辆经过{c.village}时撞死@A家的{c.pick(['一头黄牛', '两只羊', '一条狗', '几只鹅'])}",
                ["称牲畜在公路上乱跑，@A也有责任", "认为损失估高了"],
            ),
            (
                f"{c.when()}{b.name}的车辆刮倒@A家路边的{c.pick(['电线杆', '水果摊', '彩钢棚'])}",
                ["认为损失估高了", "同意赔偿，要求走保险程序"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["交通事故财产损害纠纷", "车辆撞损财物纠纷", "道路交通事故纠纷"]),
        facts=[what, f"@A估算损失{_money(loss)}"],
        ask=f"对方赔偿损失{_money(loss)}",
        parties=[a, b],
        counter=counter,
        amount=loss,
        people=2,
        sources=["县公安局交警大队", f"{c.town}派出所"],
    )


@_builder("道路交通事故")
def _tr_motorbike(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="male", age=(18, 60))
    b = c.person("respondent", sex="male", age=(18, 60))
    cost = c.yuan(3000, 60000, 500)
    return _Draft(
        subject=c.pick(["交通事故赔偿纠纷", "摩托车相撞纠纷", "道路交通事故纠纷"]),
        facts=[
            f"{c.when()}{c.daytime()}，@A与{b.name}分别骑摩托车在{_road(c)}相撞",
            c.pick(
                [
                    f"{b.name}没有驾驶证，事发时饮过酒",
                    "两车都无牌无证",
                    "事发时天黑下雨，路边没有路灯",
                ]
            ),
            f"@A伤势较重，花费医疗费{_money(cost)}",
        ],
        ask=c.pick([f"对方赔偿医疗费等{_money(cost)}", "按交警认定的责任比例分担损失"]),
        parties=[a, b],
        counter=c.pick(["认为@A占道行驶", "称自己也受了伤，应各自承担", "同意赔偿一半"]),
        amount=cost,
        people=2,
        sources=["县公安局交警大队", "县交警大队事故处理中队"],
    )


@_builder("道路交通事故")
def _tr_insurance(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 65))
    b = c.org("respondent", f"{c.pick(['某财产保险股份有限公司', '某保险公司'])}{COUNTY}支公司")
    claim = c.yuan(10000, 150000, 1000)
    problem, ask, counter = c.alt(
        [
            (
                f"保险公司定损{_money(claim // 2)}，修理厂报价{_money(claim)}，差距太大",
                ["重新定损，按实际维修费用理赔"],
                ["认为修理厂报价虚高", "同意重新核定损失"],
            ),
            (
                "保险公司以驾驶人驾驶证过期为由拒赔",
                ["保险公司履行赔付责任"],
                ["称依照保险合同条款免责", "表示可以通融赔付交强险部分"],
            ),
            (
                "保险公司以改变车辆用途为由只赔一部分",
                ["保险公司足额理赔"],
                ["称车辆长期用于拉客，属于改变用途", "同意再调查核实"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["保险理赔纠纷", "交通事故保险理赔纠纷"]),
        facts=[f"@A的车辆{c.when()}在{_road(c)}发生事故，已向{b.name}报案理赔", problem],
        ask=ask,
        parties=[a, b],
        counter=counter,
        amount=claim,
        people=2,
    )


@_builder("道路交通事故", "legal_consult")
def _tr_consult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(20, 70))
    subject, fact, question = c.pick(
        [
            (
                "交通事故赔偿问题",
                "其骑电动车被小车撞伤，交警认定对方全责",
                "可以要求哪些赔偿项目，误工费和护理费怎么算",
            ),
            ("责任认定异议问题", "其对交警出具的事故认定书不服", "能否申请复核，期限是多少天"),
            (
                "无保险车辆事故问题",
                "其被一辆没买保险的三轮车撞伤，车主说没钱",
                "车主无力赔偿怎么办，能否申请救助基金",
            ),
            ("好意同乘责任问题", "其免费搭载邻居，路上出了车祸，邻居受伤", "自己是否要全部赔偿"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=question, parties=[a], people=1)


@_builder("道路交通事故", "suggestion")
def _tr_suggest(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 70))
    subject, fact, ask = c.pick(
        [
            (
                "学校路口增设减速带",
                f"{c.town}中心小学门口路口车多，上下学时段经常发生剐蹭",
                "在路口设减速带和人行横道，上下学时段安排人员值守",
            ),
            (
                "村道弯道安装反光镜",
                f"{c.village}村道有个急弯，视线不好，一年出过好几次事",
                "在弯道安装凸面反光镜和警示牌",
            ),
            (
                "集镇路口设置红绿灯",
                f"{c.town}菜市场路口没有信号灯，赶集日交通混乱",
                "设置信号灯或安排交警疏导",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


# =========================================================================================
# 物业
# =========================================================================================


def _pm_firm(c: _Ctx) -> PartySketch:
    return c.org(
        "respondent",
        c.pick(
            [
                c.firm("物业服务"),
                c.firm("物业管理"),
                f"{c.village}物业服务中心",
            ]
        ),
    )


@_builder("物业")
def _pm_fees(c: _Ctx) -> _Draft:
    estate = c.estate()
    pm = _pm_firm(c)
    pm.role = "applicant"
    b = c.person("respondent", where=f"{c.village}{estate}{c.num(1, 20)}栋", occ=_TOWN_OCC)
    years = c.num(1, 4)
    fee = c.yuan(800, 3600, 10) * years
    return _Draft(
        subject=c.pick(["物业服务合同纠纷", "物业费纠纷", "拖欠物业费纠纷"]),
        facts=[
            f"{pm.name}反映，{estate}业主{b.name}自{NOW_YEAR - years}年起拖欠物业费共{_money(fee)}",
            c.pick(
                [
                    f"{b.name}称物业服务差，电梯经常坏，楼道卫生没人管",
                    f"{b.name}称自家车库漏水物业不修，所以不交",
                    f"{b.name}认为物业收费标准没有经过业主大会",
                ]
            ),
        ],
        ask=c.pick([f"业主补交物业费{_money(fee)}", "业主补交欠费，物业同时整改服务问题"]),
        parties=[pm, b],
        counter=c.pick(["表示物业先把问题修好再交", "同意交一部分", "要求物业公开收支"]),
        amount=fee,
        people=2,
    )


@_builder("物业")
def _pm_parking(c: _Ctx) -> _Draft:
    estate = c.estate()
    a = c.person("applicant", where=f"{c.village}{estate}{c.num(1, 20)}栋", occ=_TOWN_OCC)
    pm = _pm_firm(c)
    problem, ask, counter = c.alt(
        [
            (
                f"{c.when()}起物业在小区地面划了收费车位，每月收费{c.pick([100, 150, 200])}元，@A认为地面是业主共有",
                ["物业取消地面停车收费或公开收费依据"],
                ["称收费是为了维持停车秩序，收入用于设施维护", "同意公开收支"],
            ),
            (
                "@A的车停在楼下消防通道旁，被物业锁了车轮",
                ["物业解锁车辆并道歉"],
                ["称@A车辆堵住了消防通道，多次劝说不听", "同意解锁，但要求@A签承诺书"],
            ),
            (
                "小区车位被外来车辆长期占用，物业不管",
                ["物业加强管理，清理外来车辆"],
                ["表示会加强巡查", "称门岗人手不足"],
            ),
            (
                "@A买的地下车位被其他业主的车占用，物业称管不了",
                ["物业协调对方挪车，加装车位锁"],
                ["称物业没有强制挪车的权力", "同意联系车主"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["停车纠纷", "小区停车管理纠纷", "物业纠纷"]),
        facts=[f"@A系{estate}业主", problem],
        ask=ask,
        parties=[a, pm],
        counter=counter,
        people=2,
    )


@_builder("物业")
def _pm_leak(c: _Ctx) -> _Draft:
    estate = c.estate()
    a = c.person("applicant", where=f"{c.village}{estate}{c.num(1, 20)}栋", occ=_TOWN_OCC)
    pm = _pm_firm(c)
    loss = c.yuan(2000, 25000, 100)
    return _Draft(
        subject=c.pick(["房屋渗漏维修纠纷", "物业服务纠纷", "公共部位维修纠纷"]),
        facts=[
            f"@A住{estate}顶楼",
            c.pick(
                [
                    f"{c.when()}起屋顶渗漏，卧室墙面发霉，家具受损约{_money(loss)}",
                    "外墙渗水导致室内墙皮脱落",
                    "楼道公共水管爆裂，水漫进@A家",
                ]
            ),
            c.pick(
                [
                    "物业称要启用维修资金，需要业主签字，一直没办成",
                    "物业只派人简单补了一下，雨后照样漏",
                    "物业与开发商互相推诿",
                ]
            ),
        ],
        ask=c.pick(
            [
                "物业尽快组织维修并赔偿损失",
                f"物业赔偿损失{_money(loss)}",
                "物业协助申请维修资金，限期修好",
            ]
        ),
        parties=[a, pm],
        counter=c.pick(
            ["称屋面已过保修期，应使用维修资金", "同意先行维修", "认为损失应由开发商承担"]
        ),
        amount=loss,
        people=2,
    )


@_builder("物业", weight=0.9)
def _pm_elevator_group(c: _Ctx) -> _Draft:
    estate = c.estate()
    rep = c.person("applicant", where=f"{c.village}{estate}", occ=_TOWN_OCC)
    pm = _pm_firm(c)
    n = c.num(10, 60)
    return _Draft(
        subject=c.pick(["电梯维修纠纷", "物业服务纠纷", "小区公共设施纠纷"]),
        facts=[
            f"{estate}{c.num(1, 20)}栋的电梯{c.pick(['近一年来', '今年以来', '入夏以来'])}频繁故障",
            c.pick(
                [
                    f"{c.when()}还发生过困人事件，一位老人被困了四十多分钟",
                    "物业称电梯老化需要大修，要求业主分摊费用",
                    "维保公司每月来一次只是签个字",
                ]
            ),
            f"{rep.name}等{n}户业主联名要求物业解决",
        ],
        ask=c.pick(
            [
                "物业尽快修好电梯并公开维保记录",
                "更换维保单位，使用维修资金大修",
                "修好之前减免部分物业费",
            ]
        ),
        parties=[rep, pm],
        counter=c.pick(
            ["称维修资金需要业主表决，召集不齐", "表示已联系厂家，配件在路上", "同意先行垫付维修费"]
        ),
        people=n,
        group=True,
        title=f"{estate}{rep.name[0]}某等{n}户与物业电梯维修纠纷",
    )


@_builder("物业", weight=0.9)
def _pm_public_income_group(c: _Ctx) -> _Draft:
    estate = c.estate()
    rep = c.person(
        "applicant",
        where=f"{c.village}{estate}",
        occ=["退休职工", "退休教师", "公司职员", "个体工商户"],
    )
    pm = _pm_firm(c)
    n = c.num(10, 60)
    return _Draft(
        subject=c.pick(["物业公共收益纠纷", "物业服务纠纷", "更换物业纠纷"]),
        facts=[],
        ask="",
        parties=[rep, pm],
        people=n,
        group=True,
        text=c.pick(
            [
                f"{estate}业主代表{rep.name}等{n}人反映：小区电梯广告、地面停车等公共收益多年未公开，"
                f"{pm.name}称收益已抵作管理成本。业主要求公开近三年收支账目，剩余收益归全体业主。",
                f"{rep.name}等{n}名业主反映，{estate}物业合同已到期，多数业主希望另选物业，"
                f"但{pm.name}拒不退出、不移交资料，双方在小区门口多次争吵。业主请求社区和住建部门指导召开业主大会。",
                f"{estate}{n}户业主联名反映{pm.name}{c.pick(['擅自上调物业费', '保安保洁人员减半', '绿化带被改成收费车位'])}，"
                f"要求物业说明理由并恢复原有服务标准，业主推选{rep.name}为联系人。",
            ]
        ),
        title=f"{rep.name[0]}某等{n}名业主与{estate}物业纠纷",
    )


@_builder("物业", weight=0.8)
def _pm_illegal_build(c: _Ctx) -> _Draft:
    estate = c.estate()
    a = c.person("applicant", where=f"{c.village}{estate}", occ=_TOWN_OCC)
    b = c.person("respondent", where=f"{c.village}{estate}", occ=_TOWN_OCC)
    pm = _pm_firm(c)
    pm.role = "third_party"
    problem, ask, counter = c.alt(
        [
            (
                f"{b.name}在顶楼平台私自搭建阳光房，堵住了公共楼梯间的检修口",
                ["对方拆除违建，恢复原状"],
                ["称其他楼也有人这样搭", "认为平台是自家买房时送的"],
            ),
            (
                f"{b.name}把一楼院子向外扩建，占用了小区绿地",
                ["对方退出占用的绿地，恢复原状"],
                ["称绿地一直没人管，自己种了菜", "同意拆除围栏"],
            ),
            (
                f"{b.name}在楼道里长期堆放纸箱、电动车并充电",
                ["对方清理楼道，消除安全隐患"],
                ["同意挪走杂物，但电动车没地方充", "称纸箱过几天就卖掉"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["违规搭建纠纷", "相邻业主纠纷", "物业管理纠纷"]),
        facts=[f"@A与{b.name}同住{estate}", problem, "物业多次劝阻无效"],
        ask=ask,
        parties=[a, b, pm],
        counter=counter,
        people=3,
    )


@_builder("物业", "complaint")
def _pm_complaint(c: _Ctx) -> _Draft:
    estate = c.estate()
    a = c.person("applicant", where=f"{c.village}{estate}", occ=_TOWN_OCC)
    subject, fact, ask = c.pick(
        [
            ("物业服务不到位", f"{estate}垃圾清运不及时，楼道灯坏了几个月没人修", "督促物业整改"),
            ("小区停水停电", f"{estate}物业与供水公司结算纠纷，小区被停水两天", "协调尽快恢复供水"),
            ("物业乱收费", f"{estate}物业收取装修押金、出入证工本费，没有依据", "有关部门核查收费"),
            ("高空抛物", f"{estate}经常有人从楼上扔垃圾，楼下车辆被砸", "物业加装监控，查找抛物者"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


@_builder("物业", "suggestion")
def _pm_suggest(c: _Ctx) -> _Draft:
    estate = c.estate()
    a = c.person("applicant", where=f"{c.village}{estate}", occ=_TOWN_OCC)
    subject, fact, ask = c.pick(
        [
            (
                "建设电动车集中充电点",
                f"{estate}很多住户把电动车推进楼道充电，存在火灾隐患",
                "在小区内建设集中充电棚",
            ),
            (
                "成立业主委员会",
                f"{estate}入住多年一直没有业委会，物业的事没人牵头",
                "社区指导成立业主委员会",
            ),
            (
                "老旧小区加装电梯",
                f"{estate}是老小区，六层没有电梯，老人上下楼困难",
                "将该小区纳入加装电梯计划",
            ),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


# =========================================================================================
# 其他
# =========================================================================================


@_builder("其他")
def _oth_borrowed(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(30, 75))
    b = c.person("respondent", age=(30, 70), where=a.address_hint)
    item = c.pick(
        ["农用三轮车", "打谷机", "发电机", "抽水泵", "人字梯和一套木工工具", "婚礼用的音响设备"]
    )
    problem, ask, counter = c.alt(
        [
            ("过了大半年还没还", ["对方归还物品"], ["称早就还了，放在@A家门口", "同意这几天送回"]),
            (
                "还回来时已经坏了",
                ["对方修好或照价赔偿"],
                ["称借的时候就有毛病", "同意出一半修理费"],
            ),
            (
                "对方转借给了别人，现在找不到",
                ["对方照价赔偿"],
                ["表示正在找，找不到就赔", "认为东西本来就旧，只能折价赔"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["借用物品纠纷", "财物返还纠纷", "其他民间纠纷"]),
        facts=[f"{c.when()}{b.name}借走@A家的{item}，说用几天就还", problem],
        ask=ask,
        parties=[a, b],
        intro="系同村村民",
        counter=counter,
        people=2,
    )


@_builder("其他")
def _oth_ancestral_hall(c: _Ctx) -> _Draft:
    a = c.person("applicant", sex="male", age=(45, 80))
    b = c.person("respondent", sex="male", surname=a.name[0], age=(45, 80))
    amt = c.yuan(300, 3000, 100)
    problem, ask, counter = c.alt(
        [
            (
                "@A认为自家早已迁出，不应按人头摊派",
                ["按自愿原则集资"],
                ["称集资是族人会议定的", "同意迁出的人减半"],
            ),
            (
                "@A质疑收支不透明，要求公开账目",
                ["公开集资账目"],
                ["同意公开账目", "称账目已在祠堂张贴"],
            ),
            (
                "@A因未交钱被从族谱中除名，心里不服",
                ["恢复族谱记载"],
                ["表示交了钱就可以补上", "称是族人会议定的"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["宗族事务纠纷", "集资摊派纠纷", "其他民间纠纷"]),
        facts=[
            f"{c.village}{a.name[0]}姓族人{c.when()}商议修缮宗祠、续修族谱，由{b.name}牵头按人头集资，每人{amt}元",
            problem,
        ],
        ask=ask,
        parties=[a, b],
        intro="系同族",
        counter=counter,
        people=c.num(2, 6),
    )


@_builder("其他")
def _oth_online_insult(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(22, 65))
    b = c.person("respondent", age=(22, 65))
    return _Draft(
        subject=c.pick(["名誉纠纷", "网络言论纠纷", "其他民间纠纷"]),
        facts=[
            f"{c.when()}{b.name}在{c.pick(['村里的微信群', '短视频平台', '家族群'])}里{c.pick(['发了辱骂@A的语音', '说@A家偷了东西', '发布@A与他人的合照并配上难听的话'])}",
            c.pick(["很多村民都看到了", "@A家人出门都被人指指点点", "@A要求删除，对方拒绝"]),
        ],
        ask=c.pick(["对方删除内容，并在群里公开道歉", "对方道歉并赔偿精神损失", "对方停止侵害"]),
        parties=[a, b],
        counter=c.pick(
            ["称只是随口说说，没有恶意", "同意删除，不同意公开道歉", "认为自己说的是事实"]
        ),
        people=2,
    )


@_builder("其他")
def _oth_funeral(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 75))
    b = c.person("respondent", age=(35, 75), where=a.address_hint)
    event, ask, counter = c.alt(
        [
            (
                f"{c.when()}{b.name}家办丧事，在@A家门前搭棚摆席三天，事后垃圾没有清理",
                ["对方清理现场并赔礼道歉"],
                ["称农村办事向来如此", "同意派人清理"],
            ),
            (
                f"{b.name}家办婚宴在公共道路上搭棚，@A家车辆进出不了，出面制止时双方发生了口角",
                ["对方赔礼道歉，今后办事提前打招呼"],
                ["认为@A不通人情", "同意道歉"],
            ),
            (
                f"{b.name}家出殡时放鞭炮烧坏了@A家门口的雨棚",
                ["对方赔偿雨棚损失"],
                ["同意赔偿", "称鞭炮是帮忙的人放的"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["丧葬事务纠纷", "红白喜事占道纠纷", "其他民间纠纷"]),
        facts=[event],
        ask=ask,
        parties=[a, b],
        intro="系邻居",
        counter=counter,
        people=c.num(2, 4),
    )


@_builder("其他")
def _oth_village_road(c: _Ctx) -> _Draft:
    a = c.org("applicant", c.collective())
    b = c.person("respondent", age=(40, 78), occ=["农民", "务农"])
    problem, ask, counter = c.alt(
        [
            (
                f"{b.name}要求的补偿远高于其他农户",
                ["按统一标准补偿后施工"],
                ["称自己的地本来就少", "同意按标准补偿，但要求调一块地给自己"],
            ),
            (
                f"{b.name}不同意占用，工程被迫停工",
                ["对方配合施工，按统一标准补偿"],
                ["认为路线偏向村干部家", "同意占用，但要求调一块地给自己"],
            ),
            (
                f"{b.name}要求把路线改到别处",
                ["协商确定路线"],
                ["认为路线偏向村干部家", "称改道只需多绕二十米"],
            ),
        ]
    )
    return _Draft(
        subject=c.pick(["村组道路建设纠纷", "公益设施建设纠纷", "其他纠纷"]),
        facts=[
            f"{c.village}{c.pick(['组组通公路', '灌溉水渠', '村文化广场', '自来水管网'])}建设需占用{b.name}家{c.pick(['几分承包地', '菜园一角', '几棵果树'])}",
            problem,
        ],
        ask=ask,
        parties=[a, b],
        counter=counter,
        people=c.num(2, 6),
    )


@_builder("其他", "petition")
def _oth_petition(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(35, 80))
    subject, fact, ask = c.pick(
        [
            (
                "低保资格问题",
                f"其家{c.pick(['丈夫瘫痪在床', '两个孩子在读书', '本人患尿毒症长期透析'])}，原有低保今年复核时被取消",
                "重新审核其家低保资格",
            ),
            (
                "村务公开问题",
                f"{c.village}集体的{c.pick(['鱼塘', '山林', '门面'])}发包没有公开招标，收入也不公示",
                "公开村集体收支账目",
            ),
            (
                "村干部作风问题",
                f"其到村部办事，{c.pick(['村干部多次推诿', '村干部态度蛮横', '开证明要收费'])}",
                "调查处理并改进作风",
            ),
            ("养老待遇问题", "其当过多年民办教师，现在享受不到相应补助", "落实相关待遇"),
            ("集体资产问题", f"{c.village}老村部出租多年，租金去向不明", "审计村集体资产"),
            ("危房改造补助问题", "其家房屋被鉴定为危房，补助款至今没到位", "落实补助"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=c.num(1, 3))


@_builder("其他", "help")
def _oth_help(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 85))
    subject, fact, ask = c.pick(
        [
            (
                "孤寡老人照料",
                f"同组{c.num(80, 95)}岁的五保老人独居，最近生病没人照看",
                "联系敬老院或安排人员照料",
            ),
            ("因病致困", "其丈夫突发脑出血，住院已花去十几万元", "协助申请大病救助和临时救助"),
            ("房屋受灾", f"{c.when()}一场暴雨冲垮了其家厨房和猪圈", "协助申请灾后重建补助"),
            (
                "寻人",
                f"其{c.pick(['患有老年痴呆的父亲', '智力残疾的弟弟'])}走失两天",
                "协助发布寻人信息，联系派出所",
            ),
            ("证件补办", "其身份证和户口本在火灾中烧毁", "协助补办证件"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=c.num(1, 2))


@_builder("其他", "suggestion")
def _oth_suggest(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 75))
    subject, fact, ask = c.pick(
        [
            (
                "增设村级路灯",
                f"{c.village}主干道没有路灯，晚上老人出行不安全",
                "在主干道和学校路段安装路灯",
            ),
            (
                "延长窗口服务时间",
                "中心窗口中午休息，外出务工的人只能请假来办事",
                "中午和周末安排值班窗口",
            ),
            ("开展普法宣传", "村里不少老人被保健品推销骗钱", "多组织防诈骗、普法进村活动"),
            ("村务公开栏更新", f"{c.village}公开栏内容长期不更新", "每月按时更新村务公开信息"),
            ("网上预约调解", "到中心调解要等很久", "开通网上预约，提前告知需带的材料"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


@_builder("其他", "psych")
def _oth_psych(c: _Ctx) -> _Draft:
    subject, fact, age = c.alt(
        [
            (
                "留守老人孤独",
                "子女都在外地，一个人住，最近话越来越少，常常一个人坐在门口发呆",
                (68, 86),
            ),
            ("学业压力", "临近中考，成绩下滑，和父母关系紧张，经常失眠", (14, 16)),
            (
                "纠纷后心理困扰",
                "与邻居打了几年官司后，总觉得别人在背后议论自己，晚上睡不好",
                (40, 70),
            ),
            ("创业失败", "养殖场因疫病亏损几十万元，欠了一身债，情绪低落", (30, 55)),
        ]
    )
    a = c.person("applicant", age=age, occ="学生" if age[1] < 18 else None)
    return _Draft(
        subject=subject,
        facts=[fact, f"经{c.pick(['网格员', '村干部', '家人', '班主任'])}介绍来中心"],
        ask=c.pick(["得到心理疏导", "有人陪其聊聊，帮助走出情绪困境", "学会调节情绪"]),
        parties=[a],
        people=1,
    )


@_builder("其他", "complaint")
def _oth_complaint(c: _Ctx) -> _Draft:
    a = c.person("applicant", age=(25, 75))
    subject, fact, ask = c.pick(
        [
            ("非法占用耕地", f"{c.village}有人在基本农田上建厂房", "自然资源部门查处"),
            ("私设赌场", f"{c.village}{c.spot()}一户人家晚上聚众赌博", "公安机关查处"),
            ("电信诈骗窝点", "附近出租屋里住着几个外地人，整天打电话，形迹可疑", "公安机关核查"),
        ]
    )
    return _Draft(subject=subject, facts=[fact], ask=ask, parties=[a], people=1)


# =========================================================================================
# frames: turning a draft into a registrar's title and an intake note
# =========================================================================================


def _sub(text: str, ref: str) -> str:
    """Put ``ref`` where the first applicant is meant; "其" also swallows a following 的/之."""
    if ref == "其":
        text = text.replace("@A的", "其").replace("@A之", "其")
    return text.replace("@A", ref)


def _join(parts: list[str], ref: str) -> str:
    return "。".join(_sub(p, ref) for p in parts if p)


def _sexcn(p: PartySketch) -> str:
    return "男" if p.sex == "male" else "女"


def _label(c: _Ctx, p: PartySketch, style: str) -> str:
    if p.kind == "organisation":
        return p.name
    if style == "full":
        return p.name
    return p.name[0] + ("某某" if style == "mm" else "某")


def _fit(candidates: list[str], limit: int = 30) -> str:
    for t in candidates:
        if t and len(t) <= limit:
            return t
    return candidates[-1][:limit]


def _title(
    c: _Ctx, mt: str, d: _Draft, a: PartySketch, b: PartySketch | None, respondents: int
) -> str:
    style = c.rng.choices(["m", "mm", "full"], weights=[45, 10, 45])[0]
    A = _label(c, a, style)
    tail = []
    if d.title:
        return _fit([d.title, f"{A}{d.subject}"])
    subj = d.subject
    if d.group and a.kind == "person":
        A = f"{A}等{d.people}人"
    if mt == "dispute":
        if b is not None:
            B = _label(c, b, style)
            if B == A:  # 王某与王某 → 王某甲与王某乙
                A, B = A + "甲", B + "乙"
            if respondents > 1:
                B = f"{B}等{respondents}人"
            first = c.rng.choices(["pair", "place", "one"], weights=[70, 12, 18])[0]
            if first == "pair":
                tail = [f"{A}与{B}{subj}"]
            elif first == "place" and a.kind == "person":
                tail = [f"{c.village}{A}与{B}{subj}", f"{A}与{B}{subj}"]
            else:
                tail = [f"{A}{subj}"]
            tail += [f"{A}与{B}{subj}", f"{A}{subj}"]
        else:
            tail = [f"{A}{subj}"]
        return _fit(tail)
    options = {
        "petition": [f"{A}反映{subj}", f"关于{A}反映{subj}的信访事项", f"{A}信访事项（{subj}）"],
        "complaint": [f"{A}投诉{subj}", f"关于{subj}的投诉", f"群众投诉{subj}"],
        "legal_consult": [f"{A}咨询{subj}", f"{subj}咨询", f"{A}法律咨询（{subj}）"],
        "psych": [f"{A}心理疏导（{subj}）", f"{A}心理咨询", f"{subj}心理服务"],
        "help": [f"{A}求助（{subj}）", f"{A}{subj}求助", f"关于{A}{subj}的求助"],
        "suggestion": [f"关于{subj}的建议", f"{A}建议{subj}"],
    }[mt]
    first = c.pick(options)
    return _fit([first, *options])


def _default_sources(c: _Ctx) -> list[str]:
    return [
        f"{c.town}派出所",
        "县人民法院（诉前委派）",
        "12345热线",
        "县信访局",
        f"{c.town}司法所",
        f"{c.town}综治中心",
        "县公安局110指挥中心",
    ]


def _centre(c: _Ctx) -> str:
    return c.rng.choices(
        [
            f"{c.village}调委会",
            f"{c.town}社会治理综合服务中心",
            f"{c.town}调委会",
            f"{COUNTY}社会治理综合服务中心",
        ],
        weights=[35, 35, 15, 15],
    )[0]


def _frame_dispute(c: _Ctx, d: _Draft, a: PartySketch, b: PartySketch | None) -> str:
    style = c.rng.choices(
        ["terse", "form", "story", "long", "grid", "phone", "transfer", "both"],
        weights=[16, 15, 17, 15, 10, 10, 11, 6],
    )[0]
    if b is None and style in ("form", "both"):
        style = "story"
    if style == "both" and (not d.counter or not d.intro):
        style = "long"
    if a.kind == "organisation" and style == "terse":
        style = "story"
    name = a.name
    counter = _sub(d.counter, name) if d.counter else ""
    if style == "terse":
        opener = c.pick(
            [f"来访人{name}称：", f"{name}来访称：", f"当事人{name}口述：", f"{name}到窗口反映："]
        )
        keep = d.facts[: c.pick([2, 2, 3])]
        closer = c.pick(
            [
                f"。要求{_sub(d.ask, '其')}。",
                f"。请求{_sub(d.ask, '其')}。",
                f"，现要求{_sub(d.ask, '其')}。",
            ]
        )
        return opener + _join(keep, "其") + closer
    if style == "form":
        if a.kind == "person":
            head = f"申请人{name}，{_sexcn(a)}，{_age(a)}岁，{a.occupation}，住{a.address_hint}。"
        else:
            head = f"申请人{name}。"
        head += f"被申请人{b.name}。"
        if d.intro:
            head += f"双方{d.intro}。"
        body = _join(d.facts, "申请人") + f"。申请人请求：{_sub(d.ask, '申请人')}。"
        if d.counter and c.chance(0.6):
            body += f"被申请人{_sub(d.counter, '申请人')}。"
        return head + body
    if style == "story":
        closer = c.pick(
            [
                f"{name}多次找对方协商未果，遂向{_centre(c)}申请调解，要求{_sub(d.ask, name)}。",
                f"经村干部上门劝说无果，现{name}申请调解，要求{_sub(d.ask, name)}。",
                f"{name}来中心申请调解，希望{_sub(d.ask, name)}。",
                f"{name}表示愿意通过调解解决，诉求是{_sub(d.ask, name)}。",
                f"现{name}申请{_centre(c)}调处，请求{_sub(d.ask, name)}。",
            ]
        )
        text = _join(d.facts, name) + "。" + closer
        if counter and b is not None and c.chance(0.4):
            text += f"{b.name}{counter}。"
        return text
    if style == "long":
        pool = [
            f"{c.when()}，{_centre(c)}曾组织双方协商一次，因分歧较大未果",
            f"据{c.pick(['村干部', '网格员', '村民小组长'])}介绍，双方此前关系尚可，此次矛盾主要因沟通不畅引发",
            f"{name}提供了{d.evidence or c.pick(['现场照片和证人证言', '相关票据和照片', '手机录音和聊天记录'])}",
            "双方均表示愿意接受调解",
            "受理后，调解员已分别电话联系双方，约定时间到现场查看",
            f"调解员初步核实，{name}反映的情况基本属实",
        ]
        if b is not None:
            pool.append(f"{b.name}表示愿意坐下来谈")
        extras = c.rng.sample(pool, c.pick([1, 2, 2, 3]))
        text = _join(d.facts, name) + "。"
        if counter and b is not None:
            text += f"{b.name}{counter}。"
        text += "。".join(extras) + "。"
        text += c.pick(
            [
                f"{name}请求{_sub(d.ask, name)}。",
                f"{name}的诉求是{_sub(d.ask, name)}。",
                f"现{name}申请调解，要求{_sub(d.ask, name)}。",
            ]
        )
        return text
    if style == "grid":
        worker = _name(c.rng, c.pick(("male", "female")), c.year(1975, 1998))
        closer = c.pick(
            [
                "，网格员已先行劝导，双方仍未达成一致，需村调委会介入。",
                "。网格员已做初步劝解，建议由调委会组织双方调解。",
                "。网格员已上门核实情况，报请进一步调处。",
            ]
        )
        return (
            f"网格员{worker}上报："
            + _join(d.facts, name)
            + f"。{name}要求{_sub(d.ask, name)}"
            + closer
        )
    if style == "phone":
        opener = c.pick([f"{name}来电反映：", f"{name}通过12345热线反映：", f"{name}电话求助称："])
        closer = c.pick(
            [
                f"。诉求：{_sub(d.ask, '其')}。",
                f"，希望中心协调，{_sub(d.ask, '其')}。",
                f"。要求{_sub(d.ask, '其')}。",
            ]
        )
        return opener + _join(d.facts, "其") + closer
    if style == "transfer":
        src = c.pick(d.sources or _default_sources(c))
        opener = c.pick([f"{src}移送：", f"{src}转来：", f"由{src}转交："])
        text = opener + _join(d.facts, name) + f"。经初步了解，{name}一方要求{_sub(d.ask, name)}"
        if counter and b is not None:
            text += f"；{b.name}一方{counter}"
        return text + "。"
    # both sides' accounts
    return (
        f"{name}与{b.name}{d.intro}。"
        + _join(d.facts, name)
        + f"。{name}诉求：{_sub(d.ask, name)}；{b.name}{counter}。"
    )


def _frame_other(c: _Ctx, mt: str, d: _Draft, a: PartySketch) -> str:
    name = a.name
    facts = _join(d.facts, "其")
    ask = _sub(d.ask, "其")
    n = d.people or 1
    if mt == "petition":
        if d.group:
            opener = c.pick(
                [
                    f"{name}等{n}人联名来信反映：",
                    f"{name}等{n}人集体来访，反映",
                    f"领导接访日，{name}等{n}人来访反映：",
                ]
            )
        else:
            opener = c.pick(
                [
                    f"信访人{name}（{a.address_hint}）反映：",
                    f"{name}到县信访局来访，反映",
                    f"领导接访日，{name}来访反映：",
                    f"{name}通过网上信访平台反映：",
                    f"{name}来信反映：",
                ]
            )
        closer = c.pick([f"。诉求：{ask}。", f"。请求{ask}。", f"。要求{ask}。"])
        tail = c.pick(
            [
                "",
                "",
                "该事项系首次反映。",
                "此前已向镇里反映过，对答复不满意。",
                "已转交属地镇政府办理。",
            ]
        )
        return opener + facts + closer + tail
    if mt == "complaint":
        if d.group:
            opener = c.pick([f"{name}等{n}名群众投诉：", f"网格员上报{name}等{n}户群众投诉："])
        else:
            opener = c.pick(
                [
                    f"{name}投诉：",
                    f"12345热线转办：群众{name}反映，",
                    f"{name}来电投诉：",
                    f"网格员上报群众{name}投诉：",
                ]
            )
        closer = c.pick([f"。要求{ask}。", f"。希望{ask}。", f"。诉求：{ask}。"])
        return opener + facts + closer
    if mt == "legal_consult":
        opener = c.pick(
            [
                f"{name}来电咨询：",
                f"{name}到窗口咨询：",
                f"群众{name}在线留言咨询：",
                f"{name}（{a.address_hint}）来访咨询：",
            ]
        )
        q = c.pick([f"。想了解{ask}？", f"。问：{ask}？", f"，{ask}？"])
        tail = c.pick(
            [
                "",
                "已由驻中心律师解答。",
                "窗口已告知相关法律规定，并提示可申请调解或法律援助。",
                "已告知其携带相关材料到县法律援助中心进一步咨询。",
                "值班律师已当场解答，并登记回访。",
            ]
        )
        return opener + facts + q + tail
    if mt == "psych":
        head = c.pick(
            [
                f"{name}，{_sexcn(a)}，{_age(a)}岁。自述",
                f"来访人{name}（{_age(a)}岁）",
                f"{name}（{_sexcn(a)}，{_age(a)}岁）",
            ]
        )
        tail = c.pick(
            [
                "",
                "心理咨询师已进行首次访谈，约定下周复谈。",
                "已安排驻中心心理咨询师接待。",
                "已建立心理服务档案。",
            ]
        )
        return head + facts + f"，希望{ask}。" + tail
    if mt == "help":
        opener = c.pick([f"求助人{name}称：", f"{name}来访求助：", f"{name}来电求助："])
        closer = c.pick([f"。请求{ask}。", f"，希望{ask}。", f"。求助事项：{ask}。"])
        return opener + facts + closer
    # suggestion
    opener = c.pick(
        [
            f"{name}建议：",
            f"群众{name}通过意见箱提出：",
            f"{name}在线留言建议：",
            f"{name}来访时提出：",
        ]
    )
    return opener + facts + f"，建议{ask}。"


# --- escalation signals ------------------------------------------------------------------

_RISK_ONE = [
    "{a}情绪激动，扬言如果得不到解决就到省进京上访",
    "{a}称已走投无路，流露出轻生念头，需重点关注",
    "{a}多次说“不解决就喝农药”，有自伤倾向",
    "{a}称已准备好材料，要到省里上访",
    "据了解，{a}近期多次到对方家中吵闹，言语过激",
    "{a}扬言对方不给说法就“让他家过不安生”",
]
_RISK_TWO = [
    "双方曾在现场发生推搡，{b}扬言要报复，存在民转刑风险",
    "{b}一方情绪过激，曾持刀到对方家门口叫骂，派出所已介入",
    "双方积怨较深，{a}扬言要“以牙还牙”，需防止民转刑",
]
_RISK_GROUP = [
    "部分人员扬言要到县政府门口聚集",
    "有人提出要拉横幅、堵路讨说法",
    "群众情绪激动，有到省进京上访的苗头",
    "已有十余人到镇政府聚集，需防止事态扩大",
]
_RISK_GROUP_RATE = 0.22
_RISK_RATE = {
    "dispute": 0.036,
    "petition": 0.16,
    "complaint": 0.03,
    "legal_consult": 0.0,
    "psych": 0.15,
    "help": 0.04,
    "suggestion": 0.0,
}


def _risk_sentence(c: _Ctx, d: _Draft, a: PartySketch, b: PartySketch | None) -> str:
    if d.group:
        return c.pick(_RISK_GROUP)
    b_person = b is not None and b.kind == "person"
    if a.kind == "organisation":  # the threat then comes from the person on the other side
        if b_person:
            return c.pick(_RISK_ONE + _RISK_TWO[:1]).format(a=b.name, b=b.name)
        return c.pick(_RISK_GROUP)
    pool = list(_RISK_ONE)
    if b_person:
        pool += _RISK_TWO
    return c.pick(pool).format(a=a.name, b=b.name if b is not None else "")


# --- public entry point ------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict[str, float], among: list[str]) -> str:
    return rng.choices(among, weights=[weights[k] for k in among])[0]


def make_case(
    rng: random.Random,
    *,
    category: str | None = None,
    village: str = "青石村",
    town: str = "青石镇",
) -> CaseSketch:
    """One fictional case sketch. Same ``rng`` state ⇒ same sketch."""
    if category is not None and category not in _BUILDERS:
        raise ValueError(f"unknown category: {category!r}")
    c = _Ctx(rng, village, town)
    if category is None:
        mt = _weighted(rng, _MATTER_WEIGHTS, MATTER_TYPES)
        cats = [k for k in CATEGORY_NAMES if mt in _BUILDERS[k]]
        category = _weighted(rng, _CATEGORY_WEIGHTS, cats)
    else:
        mt = _weighted(rng, _MATTER_WEIGHTS, [m for m in MATTER_TYPES if m in _BUILDERS[category]])
    builders = _BUILDERS[category][mt]
    build = rng.choices([fn for fn, _ in builders], weights=[w for _, w in builders])[0]
    d = build(c)

    applicants = [p for p in d.parties if p.role == "applicant"]
    respondents = [p for p in d.parties if p.role == "respondent"]
    a = applicants[0] if applicants else d.parties[0]
    b = respondents[0] if respondents else None

    if d.text is not None:
        description = _sub(d.text, a.name)
    elif mt == "dispute":
        description = _frame_dispute(c, d, a, b)
        if len(description) > 380:  # long drafts get the clerk's short form instead
            description = (
                f"来访人{a.name}称：" + _join(d.facts[:2], "其") + f"。要求{_sub(d.ask, '其')}。"
            )
    else:
        description = _frame_other(c, mt, d, a)
    if len(description) < 60:
        pads = [
            "窗口已登记并告知办理时限。",
            "已录入系统，待分流。",
            "联系电话已登记，将按时回复。",
            "已向其发放办理告知单。",
        ]
        rng.shuffle(pads)
        while len(description) < 60 and pads:
            description += pads.pop()

    risk = rng.random() < (_RISK_GROUP_RATE if d.group else _RISK_RATE[mt])
    if risk:
        if not description.endswith("。"):
            description += "。"
        description += _risk_sentence(c, d, a, b) + "。"

    people = d.people if d.people is not None else max(len(d.parties), 1)
    if d.group:
        people = max(people, 10)
    title = _title(c, mt, d, a, b, len(respondents))
    return CaseSketch(
        category=category,
        matter_type=mt,
        title=title,
        description=description,
        people_count=people,
        amount_yuan=d.amount,
        is_group=d.group,
        risk_words=risk,
        parties=list(d.parties),
    )
