"""Changes a customer makes to a hosted site.

`hosted_site_set_custom_footer` checks the footer with the pure rule (beian.rules.footer) against
the numbers the site is served with NOW (fresh gate decisions of its domains, from the records),
saves it, audits it; the site's post_save receiver re-publishes its gate entries, so every process
renders the new footer on its next request.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from beian.accounts.permissions import organisation_of
from beian.core import audit
from beian.core.exceptions import NotFound, ValidationFailed
from beian.hosting.models import HostedSite
from beian.hosting.selectors import custom_footer_findings


def hosted_site_set_custom_footer(*, site: HostedSite, user, markup: str) -> HostedSite:
    """Store the site's custom footer once the rule accepts it (ValidationFailed with the findings,
    nothing changed, otherwise). Another tenant's site is NotFound."""
    organisation = organisation_of(user)
    markup = (markup or "").strip()
    with transaction.atomic():
        locked = HostedSite.objects.select_for_update().filter(pk=site.pk).first()
        if locked is None or organisation is None or locked.organisation_id != organisation.pk:
            raise NotFound(_("No such site."), code="site.not_found")
        findings = [f for f in custom_footer_findings(locked, markup) if f.is_error]
        if findings:
            first = findings[0]
            raise ValidationFailed(
                first.message(get_language() or "zh-hans"), code=first.code, field=first.field, findings=findings
            )
        previous = locked.custom_footer_html
        if markup == previous:
            return locked
        locked.custom_footer_html = markup
        locked.save(update_fields=["custom_footer_html"])
        audit.record(
            action="hosting.custom_footer_set",
            target=locked,
            actor=user,
            data={"custom_footer": markup, "previous": previous},
        )
    return locked
