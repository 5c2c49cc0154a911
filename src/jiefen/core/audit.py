"""The security audit log (DOMAIN.md §8): every login, failure, lockout, password or role change,
PII reveal, export and admin change, appended to a hash chain.

Appends are serialised by locking the single AuditHead row, so two processes never link to the
same predecessor. The head also counts rows, which is how removal of the newest rows shows up.
"""

from dataclasses import dataclass
from datetime import UTC

from django.db import transaction

from jiefen.core import clock
from jiefen.core.hashing import GENESIS, link_hash
from jiefen.core.models import AuditEntry, AuditHead


class Event:
    LOGIN = "login"
    LOGOUT = "logout"
    LOGIN_FAILED = "login_failed"
    LOCKOUT = "lockout"
    IDLE_LOGOUT = "idle_logout"
    PASSWORD_CHANGE = "password_change"
    OTP_VERIFIED = "otp_verified"
    OTP_FAILED = "otp_failed"
    OTP_ENROLLED = "otp_enrolled"
    ROLE_CHANGE = "role_change"
    SCOPE_CHANGE = "scope_change"
    PII_REVEAL = "pii_reveal"
    EXPORT = "export"
    ADMIN_CHANGE = "admin_change"
    KEY_ROTATION = "key_rotation"
    RISK_WARNING = "risk_warning"


EVENT_LABELS = {
    Event.LOGIN: "登录",
    Event.LOGOUT: "退出",
    Event.LOGIN_FAILED: "登录失败",
    Event.LOCKOUT: "账户锁定",
    Event.IDLE_LOGOUT: "超时退出",
    Event.PASSWORD_CHANGE: "修改密码",
    Event.OTP_VERIFIED: "动态口令验证",
    Event.OTP_FAILED: "动态口令错误",
    Event.OTP_ENROLLED: "绑定动态口令",
    Event.ROLE_CHANGE: "角色变更",
    Event.SCOPE_CHANGE: "管辖范围变更",
    Event.PII_REVEAL: "查看完整个人信息",
    Event.EXPORT: "导出",
    Event.ADMIN_CHANGE: "后台管理变更",
    Event.KEY_ROTATION: "密钥轮换",
    Event.RISK_WARNING: "风险预警处理",
}


def _payload(entry: AuditEntry) -> dict:
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(),
        "event": entry.event,
        "outcome": entry.outcome,
        "actor_id": entry.actor_id,
        "actor_username": entry.actor_username,
        "ip": entry.ip,
        "target": entry.target,
        "detail": entry.detail,
    }


def record(event, *, user=None, username="", ip=None, outcome="success", target="", **detail):
    """Append one audit entry and return it. Runs in its own atomic block (nested if the
    caller already has one, so the entry commits or rolls back with the act it describes)."""
    if user is not None and getattr(user, "is_authenticated", False):
        actor_id, username = user.pk, user.get_username()
    else:
        actor_id = None
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            id=1, defaults={"last_hash": GENESIS, "count": 0}
        )
        entry = AuditEntry(
            seq=head.count + 1,
            at=clock.now(),
            event=event,
            outcome=outcome,
            actor_id=actor_id,
            actor_username=username[:150],
            ip=ip or None,
            target=str(target)[:200],
            detail=detail,
            prev_hash=head.last_hash,
        )
        entry.hash = link_hash(entry.prev_hash, _payload(entry))
        entry.save(force_insert=True)
        AuditHead.objects.filter(id=1).update(last_hash=entry.hash, count=head.count + 1)
    return entry


@dataclass
class ChainProblem:
    entry_id: int | None
    message: str

    def __str__(self):
        where = f"审计日志 #{self.entry_id}" if self.entry_id else "审计日志末尾"
        return f"{where}：{self.message}"


def verify_chain(batch_size: int = 5000) -> list[ChainProblem]:
    """Walk the whole log; return every problem found (empty list = intact)."""
    problems: list[ChainProblem] = []
    prev_hash, prev_seq, count = GENESIS, 0, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=batch_size):
        count += 1
        if entry.seq != prev_seq + 1 or entry.prev_hash != prev_hash:
            problems.append(
                ChainProblem(
                    entry.seq, f"与上一条记录（#{prev_seq}）的链接断开：其间的记录被删除或改动"
                )
            )
        if link_hash(entry.prev_hash, _payload(entry)) != entry.hash:
            problems.append(ChainProblem(entry.seq, "内容与其哈希不符：该记录被改动"))
        prev_hash, prev_seq = entry.hash, entry.seq
    head = AuditHead.objects.filter(id=1).first()
    if head is not None and (head.last_hash != prev_hash or head.count != count):
        problems.append(
            ChainProblem(None, f"链头记录 {head.count} 条，实际 {count} 条：最新的记录被删除")
        )
    return problems


def client_ip(request) -> str | None:
    # Behind nginx the real address arrives in X-Real-IP (set by our nginx config in README).
    return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR")
