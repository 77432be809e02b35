from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HostingConfig(AppConfig):
    name = "beian.hosting"
    label = "hosting"
    verbose_name = _("Hosting")

    def ready(self) -> None:
        from beian.hosting import receivers  # noqa: F401  (connects the gate's receivers; the app registry is ready only in ready())
