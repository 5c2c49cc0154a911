"""The routing rules and risk settings a deployment starts with (DOMAIN.md §6: a common local
tiering of disputes, and the unit kinds that usually lead each category). Editable afterwards.

Priorities: 10–40 county-level matters, 50–60 town-level, 90 village-level, 200+ lead units
by category — so a serious matter is lifted to the county whatever its category, and the unit
rules still add who leads."""

ESCALATION_WORDS = (
    "扬言、报复、同归于尽、拼命、持刀、汽油、农药、自杀、跳楼、轻生、打架、斗殴、械斗、"
    "聚集、围堵、堵路、拉横幅、进京、赴省、越级、上访"
)
OWNERSHIP_WORDS = "权属、确权、所有权、林权证、土地证、山界、界址不清"
DEATH_WORDS = "死亡、身亡、猝死、溺亡、溺水死亡、非正常死亡、尸体"

# name, priority, conditions, outputs, reason
DEFAULT_RULES = [
    (
        "群体性事项（10 人以上）提级县级",
        10,
        {"min_people": 10},
        {"target_level": "county"},
        "常见分级：一方 10 人以上的群体性纠纷属重大疑难，由县级中心统筹",
    ),
    (
        "登记为群体性事项提级县级",
        11,
        {"is_group": True},
        {"target_level": "county"},
        "群体性事项由县级中心统筹",
    ),
    (
        "涉及金额 10 万元以上提级县级",
        20,
        {"min_amount": 100_000},
        {"target_level": "county"},
        "常见分级：争议金额 10 万元以上属重大疑难",
    ),
    (
        "有民转刑或越级上访风险提级县级",
        30,
        {"keywords": ESCALATION_WORDS},
        {"target_level": "county"},
        "常见分级：有上访、打架风险或可能“民转刑”的纠纷属重大疑难",
    ),
    (
        "红色、橙色风险提级县级",
        31,
        {"risk_levels": ["red", "orange"]},
        {"target_level": "county"},
        "风险等级一级、二级的事项由县级中心统筹",
    ),
    (
        "权属争议提级县级",
        35,
        {"keywords": OWNERSHIP_WORDS},
        {"target_level": "county"},
        "常见分级：土地、山林等权属争议属重大疑难，需县级部门确权",
    ),
    (
        "非正常死亡提级县级",
        36,
        {"keywords": DEATH_WORDS},
        {"target_level": "county"},
        "常见分级：涉非正常死亡的纠纷属重大疑难",
    ),
    (
        "宅基地、土地承包纠纷由镇级办理",
        50,
        {"categories": ["03", "07"]},
        {"target_level": "town"},
        "常见分级：宅基地、土地承包纠纷属一般纠纷，由镇（街道）办理",
    ),
    (
        "人身损害纠纷由镇级办理",
        51,
        {"categories": ["06", "13"]},
        {"target_level": "town"},
        "常见分级：人身损害赔偿纠纷属一般纠纷",
    ),
    (
        "少量人员欠薪由镇级办理",
        52,
        {"categories": ["10"], "max_people": 5},
        {"target_level": "town"},
        "常见分级：5 人以下的工资纠纷属一般纠纷",
    ),
    (
        "婚姻家庭、邻里简单纠纷在村（社区）化解",
        90,
        {"categories": ["01", "02"]},
        {"target_level": "village"},
        "小事不出村：家庭、邻里、赡养等简单纠纷就地化解",
    ),
    (
        "劳动争议由劳动人事争议仲裁院牵头",
        200,
        {"categories": ["10"]},
        {
            "lead_unit_kind": "labour_arbitration",
            "assist_unit_kinds": ["human_resources"],
            "deadline_policy": ("dispute", "10", "handling"),
        },
        "劳动争议调解仲裁法：调解 15 日未成可申请仲裁",
    ),
    (
        "道路交通事故由交警牵头",
        201,
        {"categories": ["13"]},
        {"lead_unit_kind": "traffic_police", "assist_unit_kinds": ["insurance"]},
        "道路交通事故损害赔偿调解由交警部门和保险行业调解组织办理",
    ),
    (
        "医疗纠纷由医调委牵头",
        202,
        {"categories": ["12"]},
        {"lead_unit_kind": "medical_mediation", "assist_unit_kinds": ["health"]},
        "医疗纠纷预防和处理条例：医疗纠纷人民调解委员会调解",
    ),
    (
        "物业纠纷由住建部门牵头",
        203,
        {"categories": ["14"]},
        {"lead_unit_kind": "housing"},
        "物业管理由住房和城乡建设部门监管",
    ),
    (
        "山林土地纠纷由自然资源部门牵头",
        204,
        {"categories": ["07"]},
        {"lead_unit_kind": "natural_resources", "assist_unit_kinds": ["agriculture"]},
        "土地、山林权属争议由自然资源部门调处",
    ),
    (
        "宅基地纠纷由自然资源部门牵头",
        205,
        {"categories": ["03"]},
        {"lead_unit_kind": "natural_resources", "assist_unit_kinds": ["agriculture"]},
        "宅基地管理由农业农村、自然资源部门负责",
    ),
    (
        "征地拆迁纠纷由自然资源部门牵头",
        206,
        {"categories": ["08"]},
        {"lead_unit_kind": "natural_resources", "assist_unit_kinds": ["housing"]},
        "征地补偿安置由自然资源部门负责，房屋征收由住建部门负责",
    ),
    (
        "环境污染纠纷由生态环境部门牵头",
        207,
        {"categories": ["09"]},
        {"lead_unit_kind": "environment"},
        "环境污染由生态环境部门监管",
    ),
    (
        "消费纠纷由市场监管部门牵头",
        208,
        {"categories": ["11"]},
        {"lead_unit_kind": "market_regulation"},
        "消费者权益争议由市场监督管理部门处理",
    ),
    (
        "信访事项由信访局牵头",
        210,
        {"matter_types": ["petition"]},
        {"lead_unit_kind": "petition", "deadline_policy": ("petition", None, "handling")},
        "信访工作条例：信访事项 60 日内办结",
    ),
]


def seed_rules(RoutingRule, Category, DeadlinePolicy) -> None:
    for name, priority, conditions, outputs, reason in DEFAULT_RULES:
        if RoutingRule.objects.filter(name=name).exists():
            continue
        fields = {k: v for k, v in conditions.items() if k != "categories"}
        fields.update({k: v for k, v in outputs.items() if k != "deadline_policy"})
        policy_key = outputs.get("deadline_policy")
        if policy_key:
            matter, category, stage = policy_key
            fields["deadline_policy"] = (
                DeadlinePolicy.objects.filter(
                    matter_type=matter, category__code=category, stage=stage
                ).first()
                if category
                else DeadlinePolicy.objects.filter(
                    matter_type=matter, category__isnull=True, stage=stage
                ).first()
            )
        rule = RoutingRule.objects.create(name=name, priority=priority, reason=reason, **fields)
        if conditions.get("categories"):
            rule.categories.set(Category.objects.filter(code__in=conditions["categories"]))


def seed_risk(RiskPolicy, RiskSignal) -> None:
    from jiefen.triage.risk import DEFAULT_SIGNALS

    if not RiskPolicy.objects.exists():
        RiskPolicy.objects.create()
    for code, (name, weight, threshold, words, sort) in DEFAULT_SIGNALS.items():
        RiskSignal.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "weight": weight,
                "threshold": threshold,
                "keywords": words,
                "sort": sort,
            },
        )
