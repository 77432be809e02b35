"""Plain input dataclasses for the rules engine (no Django).

Field names are the same as the Django models' fields in beian.filings so that a finding's
`field` path ("subject.principal.mobile", "websites[0].domain") points at a form field directly.
Every field is optional: a partial order is valid input and rules for empty fields stay silent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypedDict

from beian.rules.findings import Finding


@dataclass
class PersonInput:
    name: str = ""
    certificate_type: int | None = None  # certificate_types[].code (2 = resident ID)
    certificate_number: str = ""
    certificate_valid_until: date | None = None  # None with certificate_long_term=True means 长期
    certificate_long_term: bool = False
    mobile: str = ""
    emergency_phone: str = ""
    email: str = ""
    is_legal_representative: bool | None = None


@dataclass
class SubjectInput:
    nature: int | None = None  # subject_natures[].miit_form_code (4 enterprise, 5 individual)
    province: str = ""  # provinces[].code, e.g. "11"
    city: str = ""
    district: str = ""
    name: str = ""
    certificate_type: int | None = None
    certificate_number: str = ""
    certificate_address: str = ""
    mailing_address: str = ""
    investor: str = ""
    office_phone: str = ""
    principal: PersonInput = field(default_factory=PersonInput)


class PreApproval(TypedDict, total=False):
    item: str  # pre_approval_items[].name_zh or the "none" option
    number: str  # approval document number


@dataclass
class DomainFacts:
    """What the domain registry (RDAP / fixture adapter) says about a domain."""

    domain: str
    registrant: str = ""
    real_name_verified: bool | None = None
    expires_on: date | None = None
    registrar: str = ""
    statuses: list[str] = field(default_factory=list)  # RDAP status values, e.g. "client hold"


@dataclass
class WebsiteInput:
    name: str = ""
    domain: str = ""  # the one domain of a new website (633号: one per website)
    extra_domains: list[str] = field(default_factory=list)
    service_contents: list[str] = field(default_factory=list)  # service_content_categories[].name_zh
    pre_approvals: list[PreApproval] = field(default_factory=list)  # [{"item": name_zh, "number": "..."}]
    languages: list[str] = field(default_factory=list)  # languages[].name_zh
    remark: str = ""
    principal: PersonInput = field(default_factory=PersonInput)
    domain_facts: DomainFacts | None = None


@dataclass
class RecordedWebsite:
    """A website as the regulator holds it (our records or the external lookup)."""

    number: str = ""
    name: str = ""
    domains: list[str] = field(default_factory=list)
    principal_name: str = ""


@dataclass
class RecordedSubject:
    """The subject as the regulator holds it: what a new website or new access must match."""

    number: str = ""
    name: str = ""
    province: str = ""
    nature: int | None = None
    principal_name: str = ""
    websites: list[RecordedWebsite] = field(default_factory=list)


@dataclass
class ExistingFilings:
    """What is already filed (ours or MIIT lookup), for filing-type detection and conflicts.

    Identity is the certificate: "this subject" is every filing of the same certificate number."""

    subject_filed: bool = False
    filed_domains: list[str] = field(default_factory=list)  # the order's domains filed under this subject
    domains_filed_elsewhere: list[str] = field(default_factory=list)  # ... filed under ANOTHER subject
    mobiles_used_by_other_subjects: list[str] = field(default_factory=list)
    subject_is_empty_shell: bool | None = None  # filed subject with no website/access left
    lookup_unavailable: bool = False  # the records could not be asked: never guess the type
    subject_other_account: bool = False  # filed with us under another of our customers' accounts
    recorded: RecordedSubject | None = None  # the subject as filed (same certificate), if it is


@dataclass
class OrderInput:
    filing_type: str = "FIRST_FILING"  # filing_types[].code
    subject: SubjectInput = field(default_factory=SubjectInput)
    websites: list[WebsiteInput] = field(default_factory=list)
    existing: ExistingFilings = field(default_factory=ExistingFilings)
    # Problems met while reading the order from JSON (order_from_dict); not part of the JSON shape.
    input_findings: list[Finding] = field(default_factory=list, metadata={"json": False})
