from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilingsConfig(AppConfig):
    name = "beian.filings"
    label = "filings"
    verbose_name = _("Filings")

    def ready(self) -> None:
        from beian.core import jobs  # the app registry is ready only in ready()
        from beian.filings import lifecycle, signals  # noqa: F401  (signals connects receivers; registry ready)
        from beian.filings.services import order_release_idle_claims  # the app registry is ready only in ready()

        jobs.register("idle_expiry", lifecycle.order_expire_idle, position=20)
        jobs.register("review_claims", order_release_idle_claims, position=40)
