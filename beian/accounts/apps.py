from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "beian.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from beian.accounts.launch import used_launch_tokens_purge  # models are ready only now
        from beian.core import jobs

        jobs.register("used_launch_tokens", used_launch_tokens_purge, position=90)

        from axes.signals import user_locked_out

        from beian.accounts.throttle import record_lockout

        user_locked_out.connect(record_lockout, dispatch_uid="beian.accounts.record_lockout")

        from django.contrib.auth.signals import user_logged_in

        from beian.accounts.services import adopt_login_language

        user_logged_in.connect(adopt_login_language, dispatch_uid="beian.accounts.adopt_login_language")
