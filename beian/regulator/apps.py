from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulatorConfig(AppConfig):
    name = "beian.regulator"
    label = "regulator"
    verbose_name = _("Regulator")

    def ready(self) -> None:
        from beian.regulator import signals  # noqa: F401
