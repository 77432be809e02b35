from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "beian.support"
    label = "support"
    verbose_name = _("Help centre")

    def ready(self) -> None:
        from beian.support import signals  # noqa: F401  (loads the articles after load_reference)
