from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "jiefen.archive"
    label = "archive"
    verbose_name = "文书与档案"
