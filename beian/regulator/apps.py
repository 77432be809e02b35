from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegulatorConfig(AppConfig):
    name = "beian.regulator"
    label = "regulator"
    verbose_name = _("Regulator")

    def ready(self) -> None:
        from beian.core import jobs  # the app registry is ready only in ready()
        from beian.regulator import signals  # noqa: F401  (connects the receivers; the app registry is ready only in ready())
        from beian.regulator.services import regulator_progress  # the app registry is ready only in ready()

        jobs.register("regulator", regulator_progress, position=10)
