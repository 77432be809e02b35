from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "beian.materials"
    label = "materials"
    verbose_name = _("Materials")

    def ready(self) -> None:
        from beian.materials import signals  # noqa: F401  (connects the receivers; the app registry is ready only in ready())
