from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q

from jiefen.core.fields import EncryptedTextField
from jiefen.org.roles import ADMIN_ROLES, Role


class Level(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县（市、区）"
    TOWN = "town", "镇（街道）"
    VILLAGE = "village", "村（社区）"


LEVEL_PREFIX_LENGTH = {
    Level.PROVINCE: 2,
    Level.CITY: 4,
    Level.COUNTY: 6,
    Level.TOWN: 9,
    Level.VILLAGE: 12,
}
LEVEL_ORDER = [Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWN, Level.VILLAGE]


class RegionQuerySet(models.QuerySet):
    def current(self):
        return self.filter(valid_to__isnull=True)

    def within(self, prefix: str):
        """The subtree under a region: every code that starts with its significant prefix."""
        return self.filter(code__startswith=prefix)


class Region(models.Model):
    """An administrative region with its 12-digit statistical code. Codes are renamed and
    re-cut every year: a retired region keeps its row (valid_to set), and a code may only be
    held by one current region."""

    code = models.CharField("区划代码", max_length=12)
    name = models.CharField("名称", max_length=60)
    level = models.CharField("层级", max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="上级"
    )
    valid_from = models.DateField("启用日期", null=True, blank=True)
    valid_to = models.DateField("停用日期", null=True, blank=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = "行政区划"
        verbose_name_plural = "行政区划"
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=Q(valid_to__isnull=True),
                name="region_code_current_unique",
            ),
        ]
        indexes = [
            # subtree scans: code LIKE 'prefix%' for jurisdiction scope
            models.Index(fields=["code"], name="region_code_idx"),
        ]

    def __str__(self):
        return self.name

    @property
    def prefix(self) -> str:
        return self.code[: LEVEL_PREFIX_LENGTH[self.level]]

    @property
    def full_name(self) -> str:
        names, node = [], self
        while node is not None and node.level in (Level.COUNTY, Level.TOWN, Level.VILLAGE):
            names.append(node.name)
            node = node.parent
        return "".join(reversed(names))


class Centre(models.Model):
    class Kind(models.TextChoices):
        GOVERNANCE = "governance", "社会治理综合服务中心"
        ZONGZHI = "zongzhi", "综治中心"

    region = models.OneToOneField(
        Region, models.PROTECT, related_name="centre", verbose_name="所在区划"
    )
    name = models.CharField("名称", max_length=80)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.GOVERNANCE)
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)

    class Meta:
        verbose_name = "中心"
        verbose_name_plural = "中心"
        ordering = ["region__code"]

    def __str__(self):
        return self.name

    @property
    def level(self) -> str:
        return self.region.level


class Department(models.Model):
    centre = models.ForeignKey(
        Centre, models.CASCADE, related_name="departments", verbose_name="中心"
    )
    name = models.CharField("科室", max_length=40)

    class Meta:
        verbose_name = "科室"
        verbose_name_plural = "科室"
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="department_unique")]

    def __str__(self):
        return f"{self.centre.name}·{self.name}"


class Unit(models.Model):
    """A stationed unit (进驻单位) in a centre, or an external department cases are sent to."""

    class Kind(models.TextChoices):
        COURT = "court", "人民法院"
        PROCURATORATE = "procuratorate", "人民检察院"
        POLICE = "police", "公安机关"
        TRAFFIC_POLICE = "traffic_police", "交警（道路交通事故调解）"
        PETITION = "petition", "信访局"
        JUSTICE = "justice", "司法局"
        LEGAL_AID = "legal_aid", "法律援助中心"
        NOTARY = "notary", "公证处"
        LABOUR_ARBITRATION = "labour_arbitration", "劳动人事争议仲裁院"
        HUMAN_RESOURCES = "human_resources", "人力资源和社会保障局"
        HOUSING = "housing", "住房和城乡建设局"
        HEALTH = "health", "卫生健康局"
        MEDICAL_MEDIATION = "medical_mediation", "医疗纠纷人民调解委员会"
        NATURAL_RESOURCES = "natural_resources", "自然资源局"
        AGRICULTURE = "agriculture", "农业农村局"
        MARKET_REGULATION = "market_regulation", "市场监督管理局"
        ENVIRONMENT = "environment", "生态环境局"
        HOTLINE_12345 = "hotline_12345", "12345 热线"
        INSURANCE = "insurance", "保险行业调解组织"
        WOMEN_FEDERATION = "women_federation", "妇联"
        MEDIATION_STUDIO = "mediation_studio", "个人调解工作室"
        OTHER = "other", "其他"

    class StationingForm(models.TextChoices):
        WHOLE = "whole", "整建制"
        PROFESSIONAL = "professional", "专业式"
        COLLABORATIVE = "collaborative", "协同式"
        JOINT = "joint", "共建式"

    class Mode(models.TextChoices):
        RESIDENT = "resident", "常驻"
        ROTATING = "rotating", "轮驻"
        PERIODIC = "periodic", "阶段性"
        ON_CALL = "on_call", "随叫随驻"

    name = models.CharField("名称", max_length=80)
    kind = models.CharField("类别", max_length=30, choices=Kind.choices)
    region = models.ForeignKey(
        Region, models.PROTECT, related_name="units", verbose_name="所属区划"
    )
    centre = models.ForeignKey(
        Centre, models.PROTECT, null=True, blank=True, related_name="units", verbose_name="进驻中心"
    )
    stationing_form = models.CharField(
        "进驻形式", max_length=20, choices=StationingForm.choices, blank=True
    )
    mode = models.CharField("进驻方式", max_length=20, choices=Mode.choices, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "进驻单位/部门"
        verbose_name_plural = "进驻单位/部门"
        ordering = ["region__code", "name"]
        constraints = [
            models.CheckConstraint(
                name="unit_stationed_has_form_and_mode",
                condition=Q(centre__isnull=True) | (~Q(stationing_form="") & ~Q(mode="")),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_stationed(self) -> bool:
        return self.centre_id is not None


class Category(models.Model):
    """Dispute category code table: the 15 ministry categories, the grid extras, local ones."""

    class Source(models.TextChoices):
        MINISTRY = "ministry", "司法部人民调解统计分类"
        GRID = "grid", "网格化管理扩展"
        LOCAL = "local", "本地扩展"

    code = models.CharField("代码", max_length=20, unique=True)
    name = models.CharField("名称", max_length=40, unique=True)
    source = models.CharField("来源", max_length=20, choices=Source.choices, default=Source.LOCAL)
    sort = models.PositiveSmallIntegerField("排序", default=100)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "纠纷类别"
        verbose_name_plural = "纠纷类别"
        ordering = ["sort", "code"]

    def __str__(self):
        return self.name


class StaffManager(UserManager):
    def with_roles(self):
        return self.select_related("centre__region", "unit").prefetch_related("role_assignments")


class User(AbstractUser):
    """One account per person (一人一号). Jurisdiction is the centre's region subtree, narrowed
    to one unit for unit handlers."""

    full_name = models.CharField("姓名", max_length=40)
    phone = EncryptedTextField("手机号码", blank=True, hash_field="phone_hash")
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    centre = models.ForeignKey(
        Centre, models.PROTECT, null=True, blank=True, related_name="staff", verbose_name="所在中心"
    )
    unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="staff", verbose_name="所在单位"
    )
    department = models.ForeignKey(
        Department,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        verbose_name="科室",
    )
    job_title = models.CharField("职务", max_length=40, blank=True)
    password_changed_at = models.DateTimeField("密码修改时间", null=True, blank=True)
    must_change_password = models.BooleanField("下次登录须改密码", default=True)

    objects = StaffManager()

    class Meta:
        verbose_name = "工作人员"
        verbose_name_plural = "工作人员"

    def __str__(self):
        return self.full_name or self.username

    @property
    def roles(self) -> set[str]:
        # cached for the life of this object (one request): every permission check asks
        cached = self.__dict__.get("_roles")
        if cached is None:
            cached = self.__dict__["_roles"] = frozenset(
                a.role for a in self.role_assignments.all()
            )
        return cached

    def has_role(self, *roles) -> bool:
        return bool(self.roles & set(roles))

    @property
    def is_administrator(self) -> bool:
        return bool(self.roles & ADMIN_ROLES)

    @property
    def jurisdiction_prefix(self) -> str | None:
        """The region-code prefix of everything this user may see, None for no case access."""
        if self.is_administrator or self.centre_id is None:
            return None
        return self.centre.region.prefix

    @property
    def role_labels(self) -> str:
        return "、".join(Role(r).label for r in sorted(self.roles))


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        User, models.CASCADE, related_name="role_assignments", verbose_name="工作人员"
    )
    role = models.CharField("角色", max_length=30, choices=Role.choices)
    granted_at = models.DateTimeField("授予时间")
    granted_by = models.ForeignKey(
        User, models.PROTECT, null=True, blank=True, related_name="+", verbose_name="授予人"
    )

    class Meta:
        verbose_name = "角色"
        verbose_name_plural = "角色"
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="role_assignment_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()}"


class MediatorProfile(models.Model):
    class Kind(models.TextChoices):
        FULL_TIME = "full_time", "专职"
        PART_TIME = "part_time", "兼职"

    user = models.OneToOneField(
        User, models.CASCADE, related_name="mediator_profile", verbose_name="调解员"
    )
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    organisation = models.CharField("所在调解组织", max_length=80, blank=True)
    certificate_no = models.CharField("证书编号", max_length=40, blank=True)
    specialities = models.ManyToManyField(
        Category, blank=True, related_name="mediators", verbose_name="擅长类别"
    )

    class Meta:
        verbose_name = "调解员档案"
        verbose_name_plural = "调解员档案"

    def __str__(self):
        return f"{self.user}（{self.get_kind_display()}）"


class Expert(models.Model):
    class Profession(models.TextChoices):
        JUDGE = "judge", "法官"
        LAWYER = "lawyer", "律师"
        NOTARY = "notary", "公证员"
        ARBITRATOR = "arbitrator", "仲裁员"
        PSYCHOLOGIST = "psychologist", "心理咨询师"
        OFFICIAL = "official", "行业部门干部"
        OTHER = "other", "其他"

    centre = models.ForeignKey(
        Centre, models.PROTECT, related_name="experts", verbose_name="所属中心"
    )
    name = models.CharField("姓名", max_length=40)
    profession = models.CharField("职业", max_length=20, choices=Profession.choices)
    organisation = models.CharField("工作单位", max_length=80, blank=True)
    phone = EncryptedTextField("联系电话", blank=True, hash_field="phone_hash")
    phone_hash = models.CharField(max_length=64, blank=True)
    specialities = models.ManyToManyField(
        Category, blank=True, related_name="experts", verbose_name="擅长类别"
    )
    active = models.BooleanField("在库", default=True)

    class Meta:
        verbose_name = "专家"
        verbose_name_plural = "专家库"
        ordering = ["centre", "profession", "name"]

    def __str__(self):
        return f"{self.name}（{self.get_profession_display()}）"


class DutyShift(models.Model):
    class Shift(models.TextChoices):
        DAY = "day", "白班"
        NIGHT = "night", "夜班"
        ALL_DAY = "all_day", "全天"

    class DutyRole(models.TextChoices):
        LEADER = "leader", "带班领导"
        STAFF = "staff", "值班人员"

    centre = models.ForeignKey(
        Centre, models.CASCADE, related_name="duty_shifts", verbose_name="中心"
    )
    date = models.DateField("日期")
    shift = models.CharField("班次", max_length=10, choices=Shift.choices)
    duty_role = models.CharField("值班角色", max_length=10, choices=DutyRole.choices)
    user = models.ForeignKey(
        User, models.PROTECT, related_name="duty_shifts", verbose_name="值班人"
    )

    class Meta:
        verbose_name = "值班表"
        verbose_name_plural = "值班表"
        ordering = ["date", "shift", "duty_role"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "date", "shift", "duty_role", "user"], name="duty_unique"
            ),
        ]
        indexes = [
            # "who is on duty today at this centre"
            models.Index(fields=["centre", "date"], name="duty_centre_date"),
        ]

    def __str__(self):
        return f"{self.date} {self.get_shift_display()} {self.get_duty_role_display()} {self.user}"
