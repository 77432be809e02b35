from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "beian.monitor"
    label = "monitor"
    verbose_name = _("Compliance monitor")

    def ready(self) -> None:
        from beian.core import jobs  # the app registry is ready only in ready()
        from beian.monitor.services import monitor_run  # the app registry is ready only in ready()

        jobs.register("monitor", monitor_run, position=50)
