from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulatorConfig(AppConfig):
    name = "beian.regulator"
    label = "regulator"
    verbose_name = _("Regulator")

    def ready(self) -> None:
        from beian.core import jobs
        from beian.regulator import signals  # noqa: F401  (connects the receivers)
        from beian.regulator.services import regulator_progress

        jobs.register("regulator", regulator_progress, position=10)
