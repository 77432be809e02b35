from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "beian.core"
    label = "core"

    def ready(self) -> None:
        from django.conf import settings

        if settings.BEIAN_EMBEDDED_SCHEDULER:
            from beian.core import scheduler

            scheduler.start_if_serving()
