"""Input checks shared by the actions and the party builder. Each failure is a CaseError with
a Chinese message naming the field."""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from jiefen.cases.errors import CaseError


def text(value, label: str, *, max_length: int | None = None, required: bool = True) -> str:
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value).strip()
    if required and not value:
        raise CaseError(f"请填写{label}", "required", field=label)
    if max_length and len(value) > max_length:
        raise CaseError(f"{label}不能超过 {max_length} 个字", "too_long", field=label)
    return value


def choice(value, choices, label: str) -> str:
    if value not in choices.values:
        raise CaseError(f"{label}的取值“{value}”无效", "invalid_choice", field=label)
    return value


def positive_int(value, label: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise CaseError(f"{label}应为整数", "invalid_number", field=label) from None
    if number < minimum or (maximum is not None and number > maximum):
        bound = f"{minimum}–{maximum}" if maximum is not None else f"不小于 {minimum}"
        raise CaseError(f"{label}应为 {bound} 的整数", "out_of_range", field=label)
    return number


def money(value, label: str = "涉及金额") -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise CaseError(f"{label}应为数字", "invalid_number", field=label) from None
    if amount < 0 or amount >= Decimal("1e12"):
        raise CaseError(f"{label}应为 0 至 1 万亿元之间的数", "out_of_range", field=label)
    return amount.quantize(Decimal("0.01"))


def a_date(value, label: str, *, required: bool = True) -> date | None:
    if value in (None, ""):
        if required:
            raise CaseError(f"请填写{label}", "required", field=label)
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CaseError(f"{label}应为“年-月-日”格式的日期", "invalid_date", field=label) from None


def a_datetime(value, label: str, *, required: bool = True) -> datetime | None:
    from django.utils import timezone

    if value in (None, ""):
        if required:
            raise CaseError(f"请填写{label}", "required", field=label)
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise CaseError(
                f"{label}应为“年-月-日 时:分”格式", "invalid_datetime", field=label
            ) from None
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def instance(model, value, label: str, **filters):
    """Accept a model instance or a primary key; the instance must match ``filters``.
    ``model`` is a model class or a queryset (e.g. with select_related)."""
    queryset = model._default_manager.all() if isinstance(model, type) else model
    pk = getattr(value, "pk", value)
    if pk in (None, ""):
        raise CaseError(f"请选择{label}", "required", field=label)
    try:
        return queryset.get(pk=pk, **filters)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise CaseError(f"{label}不存在或不可选", "not_found", field=label) from None
