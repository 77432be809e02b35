from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MaterialsConfig(AppConfig):
    name = "beian.materials"
    label = "materials"
    verbose_name = _("Materials")

    def ready(self) -> None:
        # the app registry is ready only in ready(): these modules import models
        from beian.core import jobs
        from beian.materials import signals  # noqa: F401  (connects the receivers; the app registry is ready only in ready())
        from beian.materials.services import materials_requeue_stale_checks

        jobs.register("material_checks", materials_requeue_stale_checks, position=5)
