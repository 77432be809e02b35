from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "beian.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        from beian.core import jobs  # the app registry is ready only in ready()
        from beian.webhooks import receivers  # noqa: F401  (connects the receivers; the app registry is ready only in ready())
        from beian.webhooks.services import deliveries_process_due  # the app registry is ready only in ready()

        jobs.register("webhooks", deliveries_process_due, position=60)
