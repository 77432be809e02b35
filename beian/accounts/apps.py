from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "beian.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # models are ready only now: these modules import them
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in

        from beian.accounts.launch import used_launch_tokens_purge
        from beian.accounts.services import adopt_login_language
        from beian.accounts.throttle import record_lockout
        from beian.core import jobs

        jobs.register("used_launch_tokens", used_launch_tokens_purge, position=90)
        user_locked_out.connect(record_lockout, dispatch_uid="beian.accounts.record_lockout")
        user_logged_in.connect(adopt_login_language, dispatch_uid="beian.accounts.adopt_login_language")
