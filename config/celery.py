"""Celery app: tasks run in-process (eager) unless CELERY_BROKER_URL is set."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("beian")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# At scale Celery beat runs the periodic jobs at the interval the embedded scheduler thread uses.
app.conf.beat_schedule = {
    "periodic-jobs": {
        "task": "beian.core.tasks.run_periodic_jobs",
        "schedule": float(os.environ.get("BEIAN_SCHEDULER_INTERVAL", "30")),
    },
}
