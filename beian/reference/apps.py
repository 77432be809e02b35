from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "beian.reference"
    label = "reference"

    def ready(self) -> None:
        from beian.reference import signals  # noqa: F401
