from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "jiefen.org"
    label = "org"
    verbose_name = "组织与人员"

    def ready(self):
        from jiefen.org import auth_audit

        auth_audit.connect()
