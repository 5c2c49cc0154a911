from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "jiefen.portal"
    label = "portal"
    verbose_name = "公众服务与受理大厅"

    def ready(self):
        from jiefen.portal import notifications

        notifications.connect()
