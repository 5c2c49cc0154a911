"""The vocabularies of the case: states, actions, matter types, channels, outcomes."""

from django.db import models


class State(models.TextChoices):
    REGISTERED = "registered", "已登记·待审核"
    AWAITING_MATERIALS = "awaiting_materials", "待补正"
    ACCEPTED = "accepted", "已受理"
    DISPATCHED = "dispatched", "已分流·待签收"
    IN_PROGRESS = "in_progress", "办理中"
    ESCALATION_PENDING = "escalation_pending", "提级待批"
    RESOLVED = "resolved", "已办结·待回访"
    CLOSED = "closed", "已结案"
    ARCHIVED = "archived", "已归档"
    REJECTED = "rejected", "不予受理"


OPEN_STATES = frozenset(
    {
        State.REGISTERED,
        State.AWAITING_MATERIALS,
        State.ACCEPTED,
        State.DISPATCHED,
        State.IN_PROGRESS,
        State.ESCALATION_PENDING,
    }
)
FINAL_STATES = frozenset({State.ARCHIVED, State.REJECTED})


class Action(models.TextChoices):
    REGISTER = "register", "登记"
    REQUEST_MATERIALS = "request_materials", "一次性告知"
    SUPPLEMENT = "supplement", "补正材料"
    ACCEPT = "accept", "受理"
    REJECT = "reject", "不予受理"
    RETURN_TO_SENDER = "return_to_sender", "退回移送单位"
    DISPATCH = "dispatch", "分流"
    DELEGATE_DOWN = "delegate_down", "指派下级"
    SIGN_FOR = "sign_for", "签收"
    SEND_BACK = "send_back", "退回"
    ASSIGN = "assign", "指定承办人"
    RECORD_SESSION = "record_session", "调解记录"
    PROPOSE_ESCALATION = "propose_escalation", "提请提级"
    APPROVE_ESCALATION = "approve_escalation", "同意提级"
    DENY_ESCALATION = "deny_escalation", "不同意提级"
    REQUEST_EXTENSION = "request_extension", "申请延期"
    GRANT_EXTENSION = "grant_extension", "审批延期"
    SUPERVISE = "supervise", "督办"
    URGE = "urge", "催办"
    RESOLVE = "resolve", "办结"
    NOTIFY_RESULT = "notify_result", "结果告知"
    FOLLOW_UP = "follow_up", "回访"
    REOPEN = "reopen", "重新办理"
    CLOSE = "close", "结案"
    ARCHIVE = "archive", "归档"
    MERGE_DUPLICATE = "merge_duplicate", "合并重复件"
    LINK_RELATED = "link_related", "关联事项"
    ASSESS_RISK = "assess_risk", "风险研判"


class MatterType(models.TextChoices):
    DISPUTE = "dispute", "纠纷化解"
    PETITION = "petition", "信访诉求"
    COMPLAINT = "complaint", "投诉举报"
    LEGAL_CONSULT = "legal_consult", "法律咨询"
    PSYCH = "psych", "心理服务"
    HELP = "help", "求助"
    SUGGESTION = "suggestion", "建议"


class Channel(models.TextChoices):
    WALK_IN = "walk_in", "来访"
    PHONE = "phone", "来电"
    LETTER = "letter", "来信"
    ONLINE = "online", "网上自助"
    HOTLINE_12345 = "hotline_12345", "12345 热线"
    POLICE_110 = "police_110", "110 纠纷警情"
    GRID = "grid", "网格上报"
    PLATFORM = "platform", "其他平台转入"
    LEADER_RECEPTION = "leader_reception", "领导接访"
    LEADER_ASSIGNED = "leader_assigned", "领导交办"
    DEPT_TRANSFER = "dept_transfer", "部门移送"
    HIGHER_ASSIGNED = "higher_assigned", "上级指派"
    LOWER_ESCALATED = "lower_escalated", "下级提级"


# Cases that came from another body: they may be returned to it, and their result is fed back.
SENT_CHANNELS = frozenset(
    {
        Channel.HOTLINE_12345,
        Channel.POLICE_110,
        Channel.PLATFORM,
        Channel.DEPT_TRANSFER,
        Channel.HIGHER_ASSIGNED,
        Channel.LEADER_ASSIGNED,
    }
)


class Outcome(models.TextChoices):
    AGREEMENT = "agreement", "调解成功（达成协议）"
    FAILED = "failed", "调解不成"
    ANSWERED = "answered", "已答复"
    HANDLED = "handled", "已处理"
    WITHDRAWN = "withdrawn", "撤回"
    MERGED = "merged", "已合并"


class Route(models.TextChoices):
    """What remains for the party after mediation failed."""

    LITIGATION = "litigation", "向人民法院起诉"
    ARBITRATION = "arbitration", "申请仲裁"
    LABOUR_ARBITRATION = "labour_arbitration", "申请劳动人事争议仲裁"
    ADMIN_REVIEW = "admin_review", "申请行政复议"
    ADMIN_RULING = "admin_ruling", "申请行政裁决"
    PETITION = "petition", "依法信访"
    OTHER = "other", "其他途径"


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY = "basically", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class ContactMethod(models.TextChoices):
    PHONE = "phone", "电话"
    VISIT = "visit", "上门"
    IN_PERSON = "in_person", "当面"
    SMS = "sms", "短信"
    LETTER = "letter", "书面"
    ONLINE = "online", "网上"


class RiskLevel(models.TextChoices):
    RED = "red", "红色（一级）"
    ORANGE = "orange", "橙色（二级）"
    YELLOW = "yellow", "黄色（三级）"
    BLUE = "blue", "蓝色（四级）"
    NONE = "none", "无"


# lowest first: a level's rank says which of two levels is the higher risk
RISK_ORDER = [RiskLevel.NONE, RiskLevel.BLUE, RiskLevel.YELLOW, RiskLevel.ORANGE, RiskLevel.RED]


def risk_rank(level: str) -> int:
    return RISK_ORDER.index(level)


class PartyRole(models.TextChoices):
    APPLICANT = "applicant", "申请人"
    RESPONDENT = "respondent", "被申请人"
    THIRD_PARTY = "third_party", "第三人"
    AGENT = "agent", "代理人"


class UnitRole(models.TextChoices):
    LEAD = "lead", "牵头单位"
    ASSIST = "assist", "配合单位"


class UnitStatus(models.TextChoices):
    PENDING = "pending", "待签收"
    SIGNED = "signed", "已签收"
    RETURNED = "returned", "已退回"


class Stage(models.TextChoices):
    """The stages a deadline policy can set a limit for."""

    ACCEPTANCE = "acceptance", "审核受理"
    SIGN_FOR = "sign_for", "签收"
    HANDLING = "handling", "办理"
    FOLLOW_UP = "follow_up", "回访"
    JUDICIAL_CONFIRMATION = "judicial_confirmation", "申请司法确认"
    EXTENSION_MAX = "extension_max", "延期上限"
