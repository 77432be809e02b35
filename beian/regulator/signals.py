"""The sandbox regulator counts its review days on the calendar as it is now: when operators enter
or correct holidays, the decision day of every open sandbox review follows."""

from django.dispatch import receiver

from beian.reference.signals import working_time_changed


@receiver(working_time_changed, dispatch_uid="regulator-sandbox-decision-days")
def refresh_decision_days(**kwargs) -> None:
    from beian.regulator.adapters.sandbox import decision_days_refresh

    decision_days_refresh()
