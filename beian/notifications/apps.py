from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "beian.notifications"
    label = "notifications"
