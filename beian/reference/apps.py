from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "beian.reference"
    label = "reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from beian.core import workdays
        from beian.reference import signals  # noqa: F401  (connects the receivers)
        from beian.reference.services import stored_calendar

        workdays.set_calendar_source(stored_calendar)
