from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo and seed data: sample materials, valid orders, the seed commands. Nothing imports it
    except its own commands and tests (and the test builders in tests/)."""

    name = "beian.demo"
    label = "demo"
    verbose_name = _("Demo")
