from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CasesConfig(AppConfig):
    name = "jiefen.cases"
    label = "cases"
    verbose_name = "事项"

    def ready(self):
        from jiefen.cases import deadlines
        from jiefen.cases.models import DeadlinePolicy

        post_save.connect(
            deadlines.clear_cache, sender=DeadlinePolicy, dispatch_uid="deadline_policy_saved"
        )
        post_delete.connect(
            deadlines.clear_cache, sender=DeadlinePolicy, dispatch_uid="deadline_policy_deleted"
        )
