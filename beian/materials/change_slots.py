"""Which material slots a change order asks for (rules file §1.5, §4.1, §4.4, §11). PURE: plain
data in, slot names out (no Django, no database), so it is tested as a table.

A change files only what changed (§1.5 "changed fields + new certificates"):

- the documents that show a changed field (§4.1): the subject's certificate when its name or
  certificate address changes (the business licence; an individual's certificate is their ID
  card) and, for a renamed organisation, the name-change letter (更名函: the certificate number
  cannot change, so a new name is always the same entity renamed); a principal's ID card when what
  the card shows changes (the person, or the card's validity); the website principal's face photo
  when the website principal is another person (face verification is the website principal's,
  §4.3); the domain certificate of a website that adds domains;
- the signed verification form (核验单) of every website whose filed data changes: the matrix asks
  for the form on every order, one per website, and a change is an order of its own. The form
  prints the subject too, so a subject change needs the form of each website of the order. An
  order with nothing changed yet still shows the form of its first website;
- an authorisation letter when the new principal is not the legal representative in a province
  that asks for one then (§4.4, the province flags of reference data);
- the province add-ons of reference data (`change_materials`, §1.5 "Province add-ons", §11): a new
  authorisation letter whenever a principal changes (Hunan, Guizhou); every identity image again on
  any change (Qinghai).

The caller keeps only the slots the material matrix lists for the order (filing type, subject
holder, province): a slot named here that the matrix does not list is not asked (the domain
certificate outside the provinces that want one; the letters of organisations for an individual).

Why here and how the order's changes arrive: materials sits below filings (it may not import
filings.changes, which computes the diff against the record), so the order is asked for them
(`Order.record_changes()`, the same way materials asks `Order.actions_for()`; see the import
contract in pyproject.toml), and this module maps them to slots. The slot names are the material
matrix's own (beian/materials/data/requirements.json), which is why the mapping lives in
materials and not in beian.rules, which knows no material slots.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

# Slots of the material matrix (beian/materials/data/requirements.json)
BUSINESS_LICENCE = "business_licence"
NAME_CHANGE_LETTER = "name_change_letter"
LEGAL_REP_ID = ("legal_rep_id_front", "legal_rep_id_back")
OWNER_ID = ("owner_id_front", "owner_id_back")
OWNER_PHOTO = "owner_photo"
DOMAIN_CERTIFICATE = "domain_certificate"
VERIFICATION_FORM = "verification_form"
AUTHORISATION_LETTER = "authorisation_letter"

# A person's identity: when one of these changes the principal is another person.
IDENTITY = ("name", "certificate_type", "certificate_number")
# What a person's ID card shows: the identity and the card's validity (a renewed card is uploaded).
ID_CARD = (*IDENTITY, "certificate_valid_until", "certificate_long_term")
# What the subject's certificate shows (the licence; an individual's ID card).
SUBJECT_CERTIFICATE = frozenset({"subject.name", "subject.certificate_address"})
SUBJECT_PRINCIPAL_ID_CARD = frozenset(f"subject.principal.{name}" for name in ID_CARD)
SUBJECT_PRINCIPAL_IDENTITY = frozenset(f"subject.principal.{name}" for name in IDENTITY)
SUBJECT_PRINCIPAL_LEGAL_REP = "subject.principal.is_legal_representative"
WEBSITE_PRINCIPAL_ID_CARD = frozenset(f"principal.{name}" for name in ID_CARD)
WEBSITE_PRINCIPAL_IDENTITY = frozenset(f"principal.{name}" for name in IDENTITY)

# When a province add-on applies (reference data `change_materials.addons[].when`)
ANY_CHANGE = "any_change"  # every change of data
PRINCIPAL_CHANGED = "principal_changed"  # the subject principal or a website principal is another person
TRIGGERS = frozenset({ANY_CHANGE, PRINCIPAL_CHANGED})

_WEBSITE_PATH = re.compile(r"^websites\[(?P<index>\d+)\]\.(?P<rest>.+)$")


@dataclass(frozen=True)
class Addon:
    """A province add-on (reference data `change_materials`): `when` one of TRIGGERS, `materials`
    the slots (as the matrix names them) asked for again."""

    when: str
    materials: tuple[str, ...]


@dataclass(frozen=True)
class ChangeInput:
    holder: str  # "person" | "organisation" (who holds the subject's certificate)
    website_count: int
    changed_paths: frozenset[str] = frozenset()  # concrete field paths that differ from the record
    domains_added: frozenset[int] = frozenset()  # the websites (index) that add a domain
    domains_removed: frozenset[int] = frozenset()  # the websites (index) that drop a domain
    per_website: frozenset[str] = frozenset()  # the matrix's per-website slots (owner_id_front, …)
    subject_principal_is_legal_rep: bool | None = None
    website_principals_are_legal_rep: tuple[bool | None, ...] = ()  # per website; None: not known
    # The province wants an authorisation letter for a subject principal who is not the legal
    # representative (it allows one with an authorisation, §4.4), or for such a website principal.
    subject_principal_authorisation: bool = False
    website_principal_authorisation: bool = False
    addons: tuple[Addon, ...] = field(default_factory=tuple)


def slot_name(slot: str, index: int | None) -> str:
    """The slot of websites[index] as the order names it (`owner_id_front__1`; websites[0] and the
    subject's slots keep the plain name; materials.requirements.website_slot)."""
    return slot if not index else f"{slot}__{index}"


def website_paths(paths: Iterable[str]) -> dict[int, frozenset[str]]:
    """{website index: the changed paths inside that website, without the prefix}."""
    out: dict[int, set[str]] = {}
    for path in paths:
        match = _WEBSITE_PATH.match(path)
        if match:
            out.setdefault(int(match.group("index")), set()).add(match.group("rest"))
    return {index: frozenset(rest) for index, rest in out.items()}


def change_slots(change: ChangeInput) -> dict[str, str]:
    """{slot (as the order names it): why} — what this change asks for, before the matrix filters
    it by filing type, holder and province. `why` is a short reason for people reading logs and
    tests ("subject.name changed", "province add-on (principal_changed)")."""
    needed: dict[str, str] = {}

    def need(slot: str, why: str, index: int | None = None) -> None:
        needed.setdefault(slot_name(slot, index), why)

    paths = change.changed_paths
    person = change.holder == "person"
    every_website = range(max(change.website_count, 1))
    by_website = {i: rest for i, rest in website_paths(paths).items() if i < max(change.website_count, 1)}
    subject_paths = {p for p in paths if p.startswith("subject.")}

    # the subject's certificate, and the name-change letter of a renamed organisation
    for path in sorted(subject_paths & SUBJECT_CERTIFICATE):
        if person:  # an individual's certificate is their ID card (§4.1), websites[0]'s owner ID
            for slot in OWNER_ID:
                need(slot, f"{path} changed", 0)
        else:
            need(BUSINESS_LICENCE, f"{path} changed")
            if path == "subject.name":
                need(NAME_CHANGE_LETTER, "subject.name changed (renamed, same certificate number)")
    # the subject principal's ID card (the individual's own)
    for path in sorted(subject_paths & SUBJECT_PRINCIPAL_ID_CARD):
        for slot in OWNER_ID if person else LEGAL_REP_ID:
            need(slot, f"{path} changed", 0 if person else None)
    subject_principal_changed = bool(subject_paths & SUBJECT_PRINCIPAL_IDENTITY)
    if person and subject_principal_changed:
        need(OWNER_PHOTO, "the individual's identity changed", 0)
    # each website principal's ID card and face photo
    principal_changed_websites = set()
    for index, rest in sorted(by_website.items()):
        for path in sorted(rest & WEBSITE_PRINCIPAL_ID_CARD):
            for slot in OWNER_ID:
                need(slot, f"websites[{index}].{path} changed", index)
        if rest & WEBSITE_PRINCIPAL_IDENTITY:
            principal_changed_websites.add(index)
            need(OWNER_PHOTO, f"websites[{index}]: the website principal is another person", index)
    for index in sorted(change.domains_added):
        need(DOMAIN_CERTIFICATE, f"websites[{index}] adds a domain", index)

    # the verification form of each website whose filed data changes (the subject prints on all)
    changed_websites = set(by_website) | set(change.domains_added) | set(change.domains_removed)
    if subject_paths:
        changed_websites |= set(every_website)
    for index in sorted(changed_websites or {0}):
        need(VERIFICATION_FORM, "the order's signed form of a changed website", index)

    # an authorisation letter for a new principal who is not the legal representative (§4.4)
    if not person:
        legal_rep_flags = change.website_principals_are_legal_rep
        signer_changed = subject_principal_changed or SUBJECT_PRINCIPAL_LEGAL_REP in subject_paths
        needing = principal_changed_websites | (set(every_website) if signer_changed else set())
        if change.website_principal_authorisation and any(
            index < len(legal_rep_flags) and legal_rep_flags[index] is False for index in sorted(needing)
        ):
            need(AUTHORISATION_LETTER, "a new website principal is not the legal representative")
        if change.subject_principal_authorisation and signer_changed and change.subject_principal_is_legal_rep is False:
            need(AUTHORISATION_LETTER, "the new subject principal is not the legal representative")

    # province add-ons (reference data)
    anything_changed = bool(paths or change.domains_added or change.domains_removed)
    for addon in change.addons:
        if addon.when == ANY_CHANGE and anything_changed:
            websites = set(every_website)
        elif addon.when == PRINCIPAL_CHANGED and (subject_principal_changed or principal_changed_websites):
            websites = set(every_website) if subject_principal_changed else principal_changed_websites
        else:
            continue
        why = f"province add-on ({addon.when})"
        for slot in addon.materials:
            if slot in change.per_website:
                for index in sorted(websites):
                    need(slot, why, index)
            else:
                need(slot, why)
    return needed
