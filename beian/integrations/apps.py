from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationsConfig(AppConfig):
    """Adapters to outside systems other than the regulator (the domain registry over RDAP, ...)."""

    name = "beian.integrations"
    label = "integrations"
    verbose_name = _("Integrations")
