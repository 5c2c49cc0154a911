from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jiefen.core"
    label = "core"
    verbose_name = "基础"

    def ready(self):
        from jiefen.core import workdays

        workdays.connect_cache_invalidation()
