from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from beian.integrations import filing_lookup, payment, sms


class IntegrationsConfig(AppConfig):
    """Adapters to outside systems other than the regulator (the domain registry over RDAP, MIIT's
    records of other providers' filings, the SMS gateways, the payment gateway, ...)."""

    name = "beian.integrations"
    label = "integrations"
    verbose_name = _("Integrations")

    def ready(self) -> None:
        filing_lookup.check_configuration()  # an unknown adapter or a missing fixture stops start-up
        sms.check_configuration()
        payment.check_configuration()
        checks.register(sms.settings_check)
