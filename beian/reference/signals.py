"""Any reference edit bumps the version, so snapshots rebuild on the next request."""
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beian.reference import models as m

WATCHED = (m.Province, m.CertificateType, m.SubjectNature, m.FilingType, m.ServiceContent,
           m.PreApprovalItem, m.Language, m.AccessMethod, m.ApprovedTld, m.NameWord,
           m.RejectionReason, m.CalendarDay, m.ReferenceSetting)


def bump(**kwargs):
    updated = m.ReferenceVersion.objects.filter(pk=1).update(value=F("value") + 1)
    if not updated:
        m.ReferenceVersion.objects.get_or_create(pk=1, defaults={"value": 1})


for model in WATCHED:
    receiver(post_save, sender=model, dispatch_uid=f"refver-save-{model.__name__}")(bump)
    receiver(post_delete, sender=model, dispatch_uid=f"refver-del-{model.__name__}")(bump)
