from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "beian.reference"
    label = "reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from beian.reference import signals  # noqa: F401
