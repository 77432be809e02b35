from django.apps import AppConfig


class RegulatorConfig(AppConfig):
    name = "beian.regulator"
    label = "regulator"
