from django.apps import AppConfig


class FilingsConfig(AppConfig):
    name = "beian.filings"
    label = "filings"
