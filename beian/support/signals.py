from django.dispatch import receiver

from beian.reference.signals import reference_loaded
from beian.support.services import articles_load, canned_replies_load


@receiver(reference_loaded, dispatch_uid="support-load-articles")
def load_articles(**kwargs):
    counts = articles_load()
    counts["canned replies created"] = canned_replies_load()  # after the articles they link
    return ("help articles", counts)
