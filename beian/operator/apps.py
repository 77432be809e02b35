from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperatorConfig(AppConfig):
    """INTERFACE: the operator console (business clock, regulator outbox, SMS, calendar)."""

    name = "beian.operator"
    label = "operator"
    verbose_name = _("Operator console")
