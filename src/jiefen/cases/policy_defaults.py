"""Default deadline policies (DOMAIN.md §4). Administrators edit them in the admin.

(matter type or "" for any, category code or None, stage, amount, unit, basis)
"""

DEFAULT_POLICIES = [
    ("", None, "acceptance", 3, "working_days", "本地默认：登记后 3 个工作日内审核受理（可调整）"),
    (
        "petition",
        None,
        "acceptance",
        15,
        "calendar_days",
        "信访工作条例（2022）：收到信访事项之日起 15 日内登记、转送并书面告知",
    ),
    ("", None, "sign_for", 1, "working_days", "分流后 1 个工作日内签收"),
    ("", None, "handling", 1, "months", "人民调解工作若干规定第三十三条：一般在一个月内调结"),
    (
        "dispute",
        None,
        "handling",
        1,
        "months",
        "人民调解工作若干规定第三十三条：一般在一个月内调结，经双方同意可延续",
    ),
    (
        "dispute",
        "10",
        "handling",
        15,
        "calendar_days",
        "劳动争议调解仲裁法第十四条：自收到申请之日起 15 日内未达成协议的可申请仲裁",
    ),
    (
        "petition",
        None,
        "handling",
        60,
        "calendar_days",
        "信访工作条例（2022）：自受理之日起 60 日内办结",
    ),
    (
        "petition",
        None,
        "extension_max",
        30,
        "calendar_days",
        "信访工作条例（2022）：可适当延长，延长期限不超过 30 日",
    ),
    (
        "legal_consult",
        None,
        "handling",
        3,
        "working_days",
        "12345 类地方规定：咨询类 3 个工作日（可调整）",
    ),
    ("psych", None, "handling", 3, "working_days", "按咨询类：3 个工作日（可调整）"),
    ("help", None, "handling", 3, "working_days", "12345 类地方规定：求助类 3 个工作日（可调整）"),
    (
        "complaint",
        None,
        "handling",
        13,
        "working_days",
        "12345 类地方规定：投诉类 13 个工作日（可调整）",
    ),
    (
        "suggestion",
        None,
        "handling",
        13,
        "working_days",
        "12345 类地方规定：建议类 13 个工作日（可调整）",
    ),
    ("", None, "follow_up", 3, "working_days", "本地默认：办结后 3 个工作日内回访（可调整）"),
    (
        "",
        None,
        "judicial_confirmation",
        30,
        "calendar_days",
        "人民调解法第三十三条：协议生效之日起 30 日内共同申请司法确认",
    ),
]


def seed_policies(DeadlinePolicy, Category) -> None:  # noqa: N803 (historical models from a migration)
    codes = {c.code: c for c in Category.objects.all()}
    for matter_type, category_code, stage, amount, unit, basis in DEFAULT_POLICIES:
        DeadlinePolicy.objects.get_or_create(
            matter_type=matter_type,
            category=codes.get(category_code) if category_code else None,
            stage=stage,
            defaults={"amount": amount, "unit": unit, "basis": basis},
        )
