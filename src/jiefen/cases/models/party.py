from django.db import models

from jiefen.cases.choices import PartyRole
from jiefen.cases.models.case import Case
from jiefen.core.fields import EncryptedTextField
from jiefen.core.masking import mask_id_number, mask_phone


class Party(models.Model):
    """A person or organisation in the case. ID and phone numbers are encrypted, with a keyed
    hash beside each for exact search and repeat-visitor detection."""

    class Kind(models.TextChoices):
        PERSON = "person", "自然人"
        ORGANISATION = "organisation", "法人或其他组织"

    class Sex(models.TextChoices):
        MALE = "male", "男"
        FEMALE = "female", "女"

    class IdType(models.TextChoices):
        CITIZEN_ID = "citizen_id", "居民身份证"
        PASSPORT = "passport", "护照"
        HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
        TAIWAN = "taiwan", "台湾居民来往大陆通行证"
        OTHER = "other", "其他证件"

    case = models.ForeignKey(Case, models.CASCADE, related_name="parties")
    role = models.CharField("身份", max_length=20, choices=PartyRole.choices)
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField("姓名/名称", max_length=100)
    sex = models.CharField("性别", max_length=10, choices=Sex.choices, blank=True)
    ethnicity = models.CharField("民族", max_length=20, blank=True)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType.choices, blank=True)
    id_number = EncryptedTextField("证件号码", blank=True, hash_field="id_hash")
    id_hash = models.CharField(max_length=64, blank=True)
    phone = EncryptedTextField("联系电话", blank=True, hash_field="phone_hash")
    phone_hash = models.CharField(max_length=64, blank=True)
    address = models.CharField("住址", max_length=200, blank=True)
    occupation = models.CharField("职业", max_length=60, blank=True)
    employer = models.CharField("工作单位", max_length=100, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    representative = models.CharField("法定代表人/负责人", max_length=40, blank=True)

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        indexes = [
            # repeat-visitor and exact search by ID number
            models.Index(fields=["id_hash"], name="party_id_hash"),
            # exact search by phone number
            models.Index(fields=["phone_hash"], name="party_phone_hash"),
            # search by name
            models.Index(fields=["name"], name="party_name"),
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.name}"

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)
