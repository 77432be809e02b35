from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "beian.api"
    label = "api"
