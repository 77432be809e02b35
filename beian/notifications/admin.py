from django.contrib import admin

from beian.notifications.models import Delivery, Notification, NotificationPreference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "title", "created_at", "read_at")
    list_filter = ("kind",)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "in_app", "email", "sms")
    list_filter = ("kind",)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("dedupe_key", "channel", "recipient", "created_at")
    list_filter = ("channel",)
    search_fields = ("dedupe_key",)
