"""The system administrator edits the routing table and the risk settings in the admin; a rule
that suggests nothing is refused in Chinese and nothing is saved; nobody else gets in."""

import pytest

from jiefen.org.models import Category
from jiefen.triage import rules
from jiefen.triage.models import RiskSignal, RoutingRule
from jiefen.triage.rules import Facts, suggest
from tests.org.test_security import _verified_admin

pytestmark = pytest.mark.django_db


def _rule_form(**overrides):
    data = {
        "name": "甲镇物业纠纷由镇级办理",
        "priority": "40",
        "active": "on",
        "reason": "本镇物业小区集中",
        "categories": [str(Category.objects.get(code="14").pk)],
        "keywords": "",
        "target_level": "town",
        "lead_unit_kind": "",
    }
    data.update(overrides)
    return data


def test_system_admin_adds_a_rule_and_it_applies_at_once(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)
    assert (
        "有民转刑或越级上访风险提级县级"
        in client.get("/admin/triage/routingrule/").content.decode()
    )
    response = client.post("/admin/triage/routingrule/add/", _rule_form(matter_types=["dispute"]))
    assert response.status_code == 302
    rule = RoutingRule.objects.get(name="甲镇物业纠纷由镇级办理")
    assert rule.matter_types == ["dispute"]
    result = suggest(Facts(matter_type="dispute", category_code="14", text="电梯停运"))
    assert result.target_level == "town" and result.fired[0].rule == rule


def test_a_rule_without_any_suggestion_is_refused_and_nothing_is_saved(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)
    before = RoutingRule.objects.count()
    response = client.post("/admin/triage/routingrule/add/", _rule_form(target_level=""))
    assert response.status_code == 200
    assert "规则至少要给出一项建议" in response.content.decode()
    assert RoutingRule.objects.count() == before
    rules.forget()


def test_system_admin_tunes_a_risk_signal(client, cast):
    _verified_admin(client, cast.sysadmin, cast.password)
    signal = RiskSignal.objects.get(code="threat")
    page = client.get(f"/admin/triage/risksignal/{signal.pk}/change/").content.decode()
    assert "扬言" in page
    assert client.get("/admin/triage/risksignal/add/").status_code == 403


def test_other_administrators_and_staff_cannot_edit_the_rules(client, cast):
    _verified_admin(client, cast.auditadmin, cast.password)
    assert client.get("/admin/triage/routingrule/").status_code == 403
    client.logout()
    client.force_login(cast.town_clerk)
    assert client.get("/admin/triage/routingrule/").status_code == 302
