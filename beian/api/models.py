from django.conf import settings
from django.db import models


class IdempotencyRecord(models.Model):
    """The first response to a mutating call with an Idempotency-Key, replayed for repeats."""

    # Whose key it is: a user (their token or session) or a platform (its service tokens share its keys).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+")
    platform = models.ForeignKey("accounts.Platform", on_delete=models.CASCADE, null=True, related_name="+")
    key = models.CharField(max_length=200)
    endpoint = models.CharField(max_length=200)
    # sha256 of the request (method, path, body): a key reused for another request is refused, not replayed.
    # Empty for records stored before it was kept; those replay as before.
    request_hash = models.CharField(max_length=64, blank=True, default="")
    status = models.PositiveSmallIntegerField()
    body = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key", "endpoint"], name="uniq_idempotency"),
            models.UniqueConstraint(
                fields=["platform", "key", "endpoint"],
                condition=models.Q(platform__isnull=False),
                name="uniq_platform_idempotency",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | models.Q(platform__isnull=False),
                name="idempotency_has_an_owner",
            ),
        ]
