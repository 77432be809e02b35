from django.dispatch import receiver

from beian.reference.signals import reference_loaded
from beian.support.services import articles_load


@receiver(reference_loaded, dispatch_uid="support-load-articles")
def load_articles(**kwargs):
    return ("help articles", articles_load())
