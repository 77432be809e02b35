"""Celery app: tasks run in-process (eager) unless CELERY_BROKER_URL is set."""
import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("beian")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.conf.beat_schedule = {
    "periodic-jobs": {"task": "beian.core.tasks.run_periodic_jobs", "schedule": crontab(minute="*")},
}
