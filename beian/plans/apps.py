from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    """Which plan each organisation is on (the plans themselves are reference data:
    beian.reference.models.Plan) and the assisted filing service: granted free on a plan that
    includes it, otherwise paid through the payment gateway (beian.integrations.payment), with a
    receipt."""

    name = "beian.plans"
    label = "plans"
    verbose_name = _("Plans and payments")
