from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "beian.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.conf import settings
        from django.contrib.admin.models import LogEntry
        from django.db.models.signals import post_save

        from beian.core.admin_audit import admin_change_audited

        post_save.connect(admin_change_audited, sender=LogEntry, dispatch_uid="beian.core.admin_audit")

        if settings.BEIAN_EMBEDDED_SCHEDULER:
            from beian.core import scheduler  # the scheduler thread is loaded only when it is switched on

            scheduler.start_if_serving()
