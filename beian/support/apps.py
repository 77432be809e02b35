from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "beian.support"
    label = "support"
