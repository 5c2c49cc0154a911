"""Reference data every deployment starts with (loaded by migrations, editable afterwards)."""

# The 15 categories of the justice ministry's people's-mediation statistics (DOMAIN.md §3).
MINISTRY_CATEGORIES = [
    ("01", "婚姻家庭"),
    ("02", "邻里"),
    ("03", "房屋宅基地"),
    ("04", "合同"),
    ("05", "生产经营"),
    ("06", "损害赔偿"),
    ("07", "山林土地"),
    ("08", "征地拆迁"),
    ("09", "环境污染"),
    ("10", "劳动争议"),
    ("11", "消费"),
    ("12", "医疗"),
    ("13", "道路交通事故"),
    ("14", "物业"),
    ("99", "其他"),
]

# Extras used by grid-management systems (GB/T 31000-2015 "9+X" local extensions).
GRID_CATEGORIES = [
    ("G01", "劳资（欠薪）"),
    ("G02", "村（社区）务管理"),
    ("G03", "企业改制"),
    ("G04", "民族宗教"),
    ("G05", "干部作风"),
    ("G06", "涉军"),
    ("G07", "农村“三资”"),
    ("G08", "行政执法"),
]

DEPARTMENTS = ["综合科", "接访科", "调处科", "督查科", "研判科"]


def seed_categories(Category) -> None:
    for sort, (code, name) in enumerate(MINISTRY_CATEGORIES, start=1):
        Category.objects.get_or_create(
            code=code, defaults={"name": name, "source": "ministry", "sort": sort}
        )
    for sort, (code, name) in enumerate(GRID_CATEGORIES, start=50):
        Category.objects.get_or_create(
            code=code, defaults={"name": name, "source": "grid", "sort": sort}
        )
