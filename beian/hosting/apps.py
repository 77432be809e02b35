from django.apps import AppConfig


class HostingConfig(AppConfig):
    name = "beian.hosting"
    label = "hosting"
