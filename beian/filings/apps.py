from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "beian.filings"
    label = "filings"
    verbose_name = _("Filings")

    def ready(self) -> None:
        from beian.filings import signals  # noqa: F401
