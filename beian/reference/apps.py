from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "beian.reference"
    label = "reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from beian.core import workdays  # the app registry is ready only in ready()
        from beian.reference import signals  # noqa: F401  (connects the receivers; the app registry is ready only in ready())
        from beian.reference.services import stored_calendar  # the app registry is ready only in ready()

        workdays.set_calendar_source(stored_calendar)
