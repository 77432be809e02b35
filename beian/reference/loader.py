"""Load the versioned seed (data/icp-data.json) into the reference tables, idempotently.

Returns a report of what changed per table. Rows an operator edited in the admin are kept
unless `force=True`. `seed_from_database()` rebuilds the seed's shape from the tables.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from beian.reference import models as m

SEED_PATH = Path(__file__).parent / "data" / "icp-data.json"
# Our own reference data beside the collected seed: how each statutory holiday's date is found
# (solar date, lunar date or solar term), for years the official schedule does not cover yet.
STATUTORY_HOLIDAYS_PATH = Path(__file__).parent / "data" / "statutory-holidays.json"
STATUTORY_HOLIDAYS_SETTING = "statutory_holidays"
# The SMS gateways' signature and templates (beian.notifications.sms, docs/sms.md): filled in by the
# operator once the provider approved them.
SMS_TEMPLATES_PATH = Path(__file__).parent / "data" / "sms-templates.json"
SMS_TEMPLATES_SETTING = "sms_templates"
# The platform's plans (basic, advanced): what each includes and what the assisted filing service
# costs on it (beian.plans); operators edit them under Plans.
PLANS_PATH = Path(__file__).parent / "data" / "plans.json"
# How the wizard groups the service contents (headings and their items): beian.reference.choices.
SERVICE_CONTENT_GROUPS_PATH = Path(__file__).parent / "data" / "service-content-groups.json"
SERVICE_CONTENT_GROUPS_SETTING = "service_content_groups"
# Operator settings of our own beside the collected seed (editable under Reference settings):
# `new_access_serve_from` — when a new-access domain may be served (beian.hosting.gate.NewAccessServe:
# "submitted", "provider_review_passed" (rules file §8.5: as Tencent, the default) or "approved");
# `service_code_required` — true: a filing starts only with a valid service code of the site
# (备案服务码, rules file §8.6; beian.filings.service_codes), also switched in the operator console.
# `support` — online customer service (beian.support.conversations): the first-response target in
# working hours, the working hours of a working day, and the attachments a message may carry.
OPERATOR_SETTINGS = {
    "new_access_serve_from": "provider_review_passed",
    "service_code_required": False,
    "support": {
        "first_response_working_hours": 4,
        "opens": "09:00",
        "closes": "18:00",
        "attachment_formats": ["jpg", "png", "pdf"],
        "attachment_max_bytes": 10485760,
        "attachments_per_message": 5,
        "message_max_chars": 4000,
    },
}

TLD_GROUPS = ("cn_family", "idn", "gtld_ascii", "cctld_other")
NAME_RULE_TEXT_KEYS = {"organisation_rules", "other_personal_rules", "sources"}
LIST_TABLES: dict[str, type[m.ReferenceRow]] = {  # seed key -> model
    "provinces": m.Province,
    "certificate_types": m.CertificateType,
    "subject_natures": m.SubjectNature,
    "filing_types": m.FilingType,
    "service_content_categories": m.ServiceContent,
    "pre_approval_items": m.PreApprovalItem,
    "languages": m.Language,
    "access_methods": m.AccessMethod,
    "rejection_reasons": m.RejectionReason,
}
SPECIAL_KEYS = set(LIST_TABLES) | {"approved_tlds", "website_name_rules", "holidays"}


def read_seed(path: Path | None = None) -> dict:
    return json.loads(Path(path or SEED_PATH).read_text(encoding="utf-8"))


def _name_words(rules: dict, prefix: str = "") -> list[dict]:
    rows = []
    for key, value in rules.items():
        full = f"{prefix}{key}"
        if isinstance(value, dict):
            rows += _name_words(value, prefix=f"{full}.")
        elif isinstance(value, list) and key not in NAME_RULE_TEXT_KEYS:
            rows += [{"list_key": full, "word": word} for word in value]
    return rows


def _name_rule_settings(rules: dict) -> dict:
    out = {}
    for key, value in rules.items():
        if isinstance(value, dict):
            nested = _name_rule_settings(value)
            if nested:
                out[key] = nested
        elif not isinstance(value, list) or key in NAME_RULE_TEXT_KEYS:
            out[key] = value
    return out


def seed_rows(seed: dict) -> dict[type[m.ReferenceRow], list[dict]]:
    """The seed as rows per model (each row a seed-shaped dict)."""
    rows: dict[type[m.ReferenceRow], list[dict]] = {
        model: list(seed.get(key, [])) for key, model in LIST_TABLES.items()
    }
    tlds = seed.get("approved_tlds", {})
    rows[m.ApprovedTld] = [{"suffix": s, "group": g} for g in TLD_GROUPS for s in tlds.get(g, [])]
    rows[m.NameWord] = _name_words(seed.get("website_name_rules", {}))
    rows[m.CalendarDay] = [
        {"date": day["date"], "kind": kind, "name": day.get("name", "")}
        for year in seed.get("holidays", {}).get("years", {}).values()
        for kind, key in (("off", "days_off"), ("workday", "makeup_workdays"))
        for day in year.get(key, [])
    ]
    settings_rows = [{"key": k, "value": v} for k, v in seed.items() if k not in SPECIAL_KEYS]
    settings_rows.append(
        {"key": "approved_tlds", "value": {k: v for k, v in tlds.items() if k not in (*TLD_GROUPS, "all")}}
    )
    settings_rows.append(
        {"key": "website_name_rules", "value": _name_rule_settings(seed.get("website_name_rules", {}))}
    )
    settings_rows.append(
        {"key": "holidays", "value": {k: v for k, v in seed.get("holidays", {}).items() if k != "years"}}
    )
    settings_rows.append(
        {"key": STATUTORY_HOLIDAYS_SETTING, "value": json.loads(STATUTORY_HOLIDAYS_PATH.read_text(encoding="utf-8"))}
    )
    settings_rows.append(
        {"key": SMS_TEMPLATES_SETTING, "value": json.loads(SMS_TEMPLATES_PATH.read_text(encoding="utf-8"))}
    )
    settings_rows.append(
        {
            "key": SERVICE_CONTENT_GROUPS_SETTING,
            "value": json.loads(SERVICE_CONTENT_GROUPS_PATH.read_text(encoding="utf-8")),
        }
    )
    settings_rows += [{"key": k, "value": v} for k, v in OPERATOR_SETTINGS.items()]
    rows[m.ReferenceSetting] = settings_rows
    rows[m.Plan] = json.loads(PLANS_PATH.read_text(encoding="utf-8"))
    return rows


def _split(model: type[m.ReferenceRow], entry: dict) -> tuple[dict, dict]:
    """(lookup kwargs, defaults) for one seed entry."""
    fields = {field: entry[seed_key] for seed_key, field in model.SEED_FIELDS.items() if seed_key in entry}
    extra = {k: v for k, v in entry.items() if k not in model.SEED_FIELDS}
    keys = model.NATURAL_KEY if isinstance(model.NATURAL_KEY, tuple) else (model.NATURAL_KEY,)
    lookup = {k: fields.pop(k) for k in keys}
    fields["extra"] = extra
    return lookup, fields


def _same(instance, defaults: dict) -> bool:
    for field, value in defaults.items():
        current = getattr(instance, field)
        if hasattr(current, "isoformat"):
            current = current.isoformat()
        elif isinstance(current, Decimal):  # a price, given in the seed as a string ("199.00")
            value = Decimal(str(value))
        if current != value:
            return False
    return True


@transaction.atomic
def load_seed(seed: dict | None = None, *, force: bool = False) -> dict[str, Counter]:
    seed = seed if seed is not None else read_seed()
    report: dict[str, Counter] = {}
    for model, entries in seed_rows(seed).items():
        counts: Counter = Counter()
        for entry in entries:
            lookup, defaults = _split(model, entry)
            instance = model.objects.filter(**lookup).first()
            if instance is None:
                model.objects.create(**lookup, **defaults)
                counts["created"] += 1
            elif _same(instance, defaults):
                counts["unchanged"] += 1
            elif instance.edited_at and not force:
                counts["kept operator edit"] += 1
            else:
                for field, value in defaults.items():
                    setattr(instance, field, value)
                instance.edited_at = None
                instance.save()
                counts["updated"] += 1
        report[str(model._meta.verbose_name_plural)] = counts
    return report


def seed_from_database() -> dict:
    """Rebuild the seed's shape from the tables (what the rules engine and the app read)."""
    seed: dict = {}
    settings = {row.key: row.value for row in m.ReferenceSetting.objects.all()}
    seed.update(
        {
            k: v
            for k, v in settings.items()
            if k not in {"approved_tlds", "website_name_rules", "holidays", STATUTORY_HOLIDAYS_SETTING}
        }
    )
    for key, model in LIST_TABLES.items():
        seed[key] = [row.to_seed() for row in model.objects.all()]
    tlds = dict(settings.get("approved_tlds", {}))
    for group in TLD_GROUPS:
        tlds[group] = []
    for tld in m.ApprovedTld.objects.all():
        tlds.setdefault(tld.group, []).append(tld.suffix)
    tlds["all"] = [s for g in TLD_GROUPS for s in tlds[g]]
    seed["approved_tlds"] = tlds
    name_rules = dict(settings.get("website_name_rules", {}))
    for row in m.NameWord.objects.all():
        *parents, leaf = row.list_key.split(".")
        node = name_rules
        for parent in parents:
            node = node.setdefault(parent, {})
        node.setdefault(leaf, []).append(row.word)
    seed["website_name_rules"] = name_rules
    holidays = dict(settings.get("holidays", {}))
    years: dict = {}
    for day in m.CalendarDay.objects.all():
        year = years.setdefault(str(day.date.year), {"days_off": [], "makeup_workdays": []})
        year["days_off" if day.kind == "off" else "makeup_workdays"].append(
            {"date": day.date.isoformat(), "name": day.name}
        )
    holidays["years"] = years
    seed["holidays"] = holidays
    return seed
