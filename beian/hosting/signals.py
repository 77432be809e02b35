"""What hosting publishes.

`gate_decision_changed` is sent when the published decision (GateEntry.access: serve, maintenance,
block) of one address of a hosted site changes, inside the transaction that writes the entry,
with `host`, `domain` (the main domain the decision is taken for; "" for a site without a
domain), `site_id`, `organisation_id`, `previous` (the access before, or "" when the entry had no
decision yet), `access`, `reason` and `filing_number`. Several addresses decide as one domain (the
site's platform address follows its primary domain; `www.` its main domain): a receiver that
speaks of domains keeps the last access it announced per domain. Webhooks subscribes in its
AppConfig.ready(); hosting knows nothing of it.
"""

from django.dispatch import Signal

gate_decision_changed = Signal()
