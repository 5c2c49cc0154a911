from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "jiefen.triage"
    label = "triage"
    verbose_name = "智能研判"

    def ready(self):
        from jiefen.cases import kernel
        from jiefen.triage import hooks

        kernel.register_after_action(hooks.after_action)

        from django.db.models.signals import m2m_changed, post_delete, post_save

        from jiefen.triage.models import RiskPolicy, RiskSignal, RoutingRule

        for event, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(_forget_rules, sender=RoutingRule, dispatch_uid=f"triage_rule_{event}")
            for model in (RiskPolicy, RiskSignal):
                uid = f"triage_{model.__name__}_{event}"
                signal.connect(_forget_risk, sender=model, dispatch_uid=uid)
        m2m_changed.connect(
            _forget_rules, sender=RoutingRule.categories.through, dispatch_uid="rules_categories"
        )


def _forget_rules(**kwargs):
    from jiefen.triage import rules

    rules.forget()


def _forget_risk(**kwargs):
    from jiefen.triage import risk

    risk.forget()
