from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "beian.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from beian.core import jobs  # the app registry is ready only in ready()
        from beian.notifications import access_notices, psb, signals  # noqa: F401  (connects the receivers; the app registry is ready only in ready())
        from beian.notifications.services import order_remind_idle  # the app registry is ready only in ready()
        from beian.notifications.sms import sms_process_due  # the app registry is ready only in ready()

        jobs.register("idle_reminders", order_remind_idle, position=30)
        jobs.register("psb_reminders", psb.website_filings_remind_psb, position=35)
        jobs.register("access_notice_reminders", access_notices.access_notices_remind, position=36)
        jobs.register("sms", sms_process_due, position=70)  # after the jobs that queue SMS
