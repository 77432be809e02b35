"""ReferenceSnapshot: the facts the rules engine reads, precomputed once from seed-shaped data.

Every fact (provinces, natures, certificates, TLDs, word lists, regexes, rejection reasons) comes
from the seed dict (`beian/reference/data/icp-data.json`, or the same shape rebuilt from the
operator-edited tables by `beian.reference.loader.seed_from_database`). Keys that an operator
emptied may be missing from a rebuilt seed, so every read has an empty default.

`EngineSettings` holds the product's own tunables for rules whose figures the seed does not carry
in a structured form (minimum age, certificate margin, remark length, field length).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import idna
import tldextract

from beian.rules.registry import Bilingual

K = TypeVar("K")
V = TypeVar("V")

SEED_PATH = Path(__file__).resolve().parent.parent / "reference" / "data" / "icp-data.json"


@dataclass(frozen=True)
class EngineSettings:
    """Tunables that are product policy (or [varies] figures without a structured seed key)."""

    min_principal_age: int = 18
    min_principal_age_by_province: Mapping[str, int] = field(default_factory=dict)
    min_certificate_months_remaining: int = 3
    default_min_domain_days_remaining: int = 90
    personal_remark_min_chars: int = 20
    remark_max_chars: int = 200
    max_text_length: int = 255
    free_form_certificate_length: tuple[int, int] = (5, 20)
    # Natures of genuinely national-level state units: reserved site-name words become a
    # "prove it with documents" warning instead of an error for them. Empty = strict for all.
    national_unit_natures: frozenset[int] = frozenset()

    def min_age(self, province_code: str | None) -> int:
        return self.min_principal_age_by_province.get(province_code or "", self.min_principal_age)


class NumberScheme(StrEnum):
    """How a certificate's number is built; recognised from the certificate type's name."""

    USCC = "uscc"  # 统一社会信用代码 (GB 32100)
    ORG_CODE = "org-code"  # 组织机构代码 (GB 11714)
    RESIDENT_ID = "resident-id"  # 居民身份证 (GB 11643)
    RESIDENCE_PERMIT = "residence-permit"  # 港澳台居民居住证: resident-ID layout
    FREE_FORM = "free-form"  # passports, travel permits, other registrations


_SCHEME_BY_NAME_PART = (
    ("统一社会信用代码", NumberScheme.USCC),
    ("营业执照", NumberScheme.USCC),
    ("组织机构代码", NumberScheme.ORG_CODE),
    ("居民身份证", NumberScheme.RESIDENT_ID),
    ("居住证", NumberScheme.RESIDENCE_PERMIT),
)


def number_scheme(certificate_name_zh: str) -> NumberScheme:
    for part, scheme in _SCHEME_BY_NAME_PART:
        if part in certificate_name_zh:
            return scheme
    return NumberScheme.FREE_FORM


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    full_name: str
    org_subject_principal_rule: str  # legal_rep_required | authorization_allowed | free
    website_principal_authorization_if_not_legal_rep: bool
    principal_mobile_must_be_local: bool | None
    personal_non_local_policy: str  # local_only | residence_proof | cross_province_allowed | unknown
    empty_shell_subject_can_add_website: bool | None
    min_domain_days_remaining: int | None
    name_en: str = ""
    psb_abbr: str = ""  # prefix of public-security (公网安备) numbers; may differ from the ICP one (§7.2)


@dataclass(frozen=True)
class CertificateType:
    code: int
    name_zh: str
    holder: str  # person | organization
    scheme: NumberScheme


@dataclass(frozen=True)
class Nature:
    code: int
    name_zh: str
    allowed_certificates: frozenset[int]
    offered: bool
    can_hold_pre_approvals: bool
    is_individual: bool


@dataclass(frozen=True)
class Choice:
    """A selectable dictionary entry (service content, pre-approval item, language)."""

    name_zh: str
    allowed_for_individuals: bool = True
    name_en: str = ""

    def name(self) -> Bilingual:
        """The entry's name for a message's copy: the English name where the reference data has one."""
        return Bilingual(self.name_zh, self.name_en or self.name_zh)


@dataclass(frozen=True)
class RejectionReason:
    code: str
    text_zh: str
    text_en: str


class WordList:
    """Words searched for as substrings, all at once, with one precompiled pattern."""

    __slots__ = ("_pattern", "words")

    def __init__(self, words: Iterable[str]):
        self.words: tuple[str, ...] = tuple(dict.fromkeys(w for w in words if w))
        longest_first = sorted(self.words, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE) if self.words else None

    def found_in(self, text: str) -> list[str]:
        if self._pattern is None:
            return []
        return list(dict.fromkeys(match.group(0) for match in self._pattern.finditer(text)))


@dataclass(frozen=True)
class SiteNameRules:
    min_chinese_chars: int
    reject_pure_digits: bool
    reject_pure_latin: bool
    reject_special_symbols: bool
    reject_equal_to_domain: bool
    national_prefixes: WordList
    state_function_words: WordList
    public_interest_words: WordList
    sensitive_words: WordList
    exaggeration_words: WordList
    interactive_words: WordList
    personal_restricted_words: WordList
    finance_keywords: WordList


@dataclass(frozen=True)
class UsccTables:
    length: int
    pattern: re.Pattern[str]
    alphabet: str
    categories: Mapping[str, str]  # positions 1-2 -> entity category (zh)
    nature_for_category: Mapping[str, int]  # category whose name is a nature's name -> nature code


@dataclass(frozen=True)
class ResidentIdTables:
    pattern: re.Pattern[str]
    first_generation_pattern: re.Pattern[str]
    residence_permit_prefixes: Mapping[str, str]


@dataclass(frozen=True)
class TldTables:
    approved: frozenset[str]  # without leading dot, unicode and punycode forms
    unverified: frozenset[str]  # reported fileable later, not confirmed
    max_labels: int
    extractor: tldextract.TLDExtract


class SubjectKind(StrEnum):
    """Which subjects a per-order limit speaks of (`limits` keys and `province_order_caps[].subject`)."""

    ANY = "any"
    ORGANISATION = "organisation"
    INDIVIDUAL = "individual"

    @classmethod
    def of(cls, nature: Nature) -> SubjectKind:
        return cls.INDIVIDUAL if nature.is_individual else cls.ORGANISATION


@dataclass(frozen=True)
class OrderCap:
    """A province's cap on one order (`limits.province_order_caps`, written once from the free-text
    `limits.province_domain_caps`). A None figure is no cap."""

    province: str
    subject: SubjectKind
    natures: frozenset[int]  # empty: every nature of `subject`
    filing_types: frozenset[str]
    max_websites_per_order: int | None
    max_domains_per_order: int | None
    applies_when_filed_websites_over: int | None  # only once the subject has more filed websites
    max_filed_websites: int | None  # the subject's filed websites plus the order's new ones
    source_text: str

    def applies(self, nature: Nature, filing_type: str, filed_websites: int) -> bool:
        return (
            filing_type in self.filing_types
            and self.subject in (SubjectKind.ANY, SubjectKind.of(nature))
            and (not self.natures or nature.code in self.natures)
            and (
                self.applies_when_filed_websites_over is None or filed_websites > self.applies_when_filed_websites_over
            )
        )


@dataclass(frozen=True)
class ReferenceSnapshot:
    provinces: Mapping[str, Province]
    natures: Mapping[int, Nature]
    certificate_types: Mapping[int, CertificateType]
    principal_certificate_codes: frozenset[int]
    filing_types: Mapping[str, str]  # code -> name_zh
    service_contents: Mapping[str, Choice]
    pre_approval_items: Mapping[str, Choice]
    pre_approval_none_option: str
    pre_approval_none_required: bool
    languages: Mapping[str, Choice]
    rejection_reasons: Mapping[str, RejectionReason]
    mobile_pattern: re.Pattern[str]
    uscc: UsccTables
    resident_id: ResidentIdTables
    tlds: TldTables
    site_names: SiteNameRules
    domains_per_website_new_filing: int | None
    domain_real_name_sync_working_days: int | str
    settings: EngineSettings
    filing_types_en: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # code -> name_en
    # the provider's cap on websites per order, by SubjectKind value (limits.tencent_websites_per_order)
    websites_per_order: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    order_caps: Mapping[str, tuple[OrderCap, ...]] = field(default_factory=lambda: MappingProxyType({}))  # by province
    pre_approval_none_option_en: str = ""

    @classmethod
    def from_seed(cls, data: Mapping[str, Any], settings: EngineSettings | None = None) -> ReferenceSnapshot:
        certificate_types = _certificate_types(data.get("certificate_types", []))
        natures = _natures(data.get("subject_natures", []), certificate_types)
        pre_extra = data.get("pre_approval_extra", {})
        limits = data.get("limits", {})
        return cls(
            provinces=_frozen({p["code"]: _province(p) for p in data.get("provinces", [])}),
            natures=natures,
            certificate_types=certificate_types,
            principal_certificate_codes=frozenset(data.get("principal_certificate_codes", [])),
            filing_types=_frozen({t["code"]: t.get("name_zh", t["code"]) for t in data.get("filing_types", [])}),
            service_contents=_choices(data.get("service_content_categories", [])),
            pre_approval_items=_choices(data.get("pre_approval_items", [])),
            pre_approval_none_option=pre_extra.get("none_option_zh", ""),
            pre_approval_none_required=bool(pre_extra.get("none_option_required", False)),
            languages=_choices(data.get("languages", [])),
            rejection_reasons=_frozen({r["code"]: _rejection_reason(r) for r in data.get("rejection_reasons", [])}),
            mobile_pattern=re.compile(data.get("sms_verification", {}).get("mobile_regex", r"^\d+$")),
            uscc=_uscc_tables(data.get("uscc", {}), natures),
            resident_id=_resident_id_tables(data.get("resident_id", {})),
            tlds=_tld_tables(data.get("approved_tlds", {})),
            site_names=_site_name_rules(data.get("website_name_rules", {}), pre_extra),
            domains_per_website_new_filing=limits.get("domains_per_website_new_filing"),
            domain_real_name_sync_working_days=data.get("timings", {}).get("domain_real_name_sync_working_days", "?"),
            settings=settings or EngineSettings(),
            filing_types_en=_frozen(
                {t["code"]: t.get("name_en") or t.get("name_zh", t["code"]) for t in data.get("filing_types", [])}
            ),
            websites_per_order=_frozen(
                {str(kind): int(n) for kind, n in limits.get("tencent_websites_per_order", {}).items() if n is not None}
            ),
            order_caps=_order_caps(limits.get("province_order_caps", [])),
            pre_approval_none_option_en=pre_extra.get("none_option_en", ""),
        )

    def nature(self, code: int | None) -> Nature | None:
        return None if code is None else self.natures.get(code)

    def websites_per_order_limit(self, nature: Nature) -> int | None:
        return self.websites_per_order.get(SubjectKind.of(nature))

    def order_caps_of(self, province: Province | None) -> tuple[OrderCap, ...]:
        return self.order_caps.get(province.code, ()) if province else ()

    def province(self, code: str | None) -> Province | None:
        return None if code is None else self.provinces.get(code)

    def certificate(self, code: int | None) -> CertificateType | None:
        return None if code is None else self.certificate_types.get(code)

    def filing_type_name(self, code: str, language: str = "zh") -> str:
        """The filing type as people read it (never the enum code, unless it is unknown)."""
        names = self.filing_types_en if language.startswith("en") else self.filing_types
        return names.get(code) or self.filing_types.get(code) or code

    def rejection_text(self, code: str, language: str = "zh") -> str:
        reason = self.rejection_reasons.get(code)
        if reason is None:
            return ""
        return reason.text_en if language.startswith("en") else reason.text_zh


@lru_cache(maxsize=4)
def load_seed_snapshot(path: str | Path | None = None) -> ReferenceSnapshot:
    """The snapshot of the versioned seed file (no database needed)."""
    seed = json.loads(Path(path or SEED_PATH).read_text(encoding="utf-8"))
    return ReferenceSnapshot.from_seed(seed)


def _frozen(mapping: dict[K, V]) -> Mapping[K, V]:
    return MappingProxyType(mapping)


def _province(p: Mapping[str, Any]) -> Province:
    return Province(
        code=str(p["code"]),
        name=p.get("name", ""),
        full_name=p.get("full_name", p.get("name", "")),
        org_subject_principal_rule=p.get("org_subject_principal_rule") or "free",
        website_principal_authorization_if_not_legal_rep=bool(
            p.get("website_principal_authorization_if_not_legal_rep")
        ),
        principal_mobile_must_be_local=p.get("principal_mobile_must_be_local"),
        personal_non_local_policy=p.get("personal_non_local_policy") or "unknown",
        empty_shell_subject_can_add_website=p.get("empty_shell_subject_can_add_website"),
        min_domain_days_remaining=p.get("min_domain_days_remaining"),
        name_en=p.get("name_en") or "",
        psb_abbr=p.get("psb_abbr") or "",
    )


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _order_caps(rows: Iterable[Mapping[str, Any]]) -> Mapping[str, tuple[OrderCap, ...]]:
    caps: dict[str, list[OrderCap]] = {}
    for r in rows:
        cap = OrderCap(
            province=str(r["province"]),
            subject=SubjectKind(r.get("subject") or SubjectKind.ANY),
            natures=frozenset(int(n) for n in r.get("natures") or ()),
            filing_types=frozenset(r.get("filing_types") or ()),
            max_websites_per_order=_optional_int(r.get("max_websites_per_order")),
            max_domains_per_order=_optional_int(r.get("max_domains_per_order")),
            applies_when_filed_websites_over=_optional_int(r.get("applies_when_filed_websites_over")),
            max_filed_websites=_optional_int(r.get("max_filed_websites")),
            source_text=r.get("source_text", ""),
        )
        caps.setdefault(cap.province, []).append(cap)
    return _frozen({province: tuple(rows) for province, rows in caps.items()})


def _certificate_types(rows: Iterable[Mapping[str, Any]]) -> Mapping[int, CertificateType]:
    return _frozen(
        {
            r["code"]: CertificateType(
                code=r["code"],
                name_zh=r.get("name_zh", ""),
                holder=r.get("holder", "organization"),
                scheme=number_scheme(r.get("name_zh", "")),
            )
            for r in rows
        }
    )


def _natures(
    rows: Iterable[Mapping[str, Any]], certificate_types: Mapping[int, CertificateType]
) -> Mapping[int, Nature]:
    natures: dict[int, Nature] = {}
    for r in rows:
        allowed = frozenset(r.get("allowed_certificate_codes", []))
        holders = {certificate_types[c].holder for c in allowed if c in certificate_types}
        natures[r["miit_form_code"]] = Nature(
            code=r["miit_form_code"],
            name_zh=r.get("name_zh", ""),
            allowed_certificates=allowed,
            offered=bool(r.get("offer_to_customers", True)),
            can_hold_pre_approvals=bool(r.get("can_hold_pre_approvals", True)),
            is_individual=holders == {"person"},
        )
    return _frozen(natures)


def _choices(rows: Iterable[Mapping[str, Any]]) -> Mapping[str, Choice]:
    return _frozen(
        {
            r["name_zh"]: Choice(r["name_zh"], bool(r.get("allowed_for_individuals", True)), r.get("name_en") or "")
            for r in rows
        }
    )


def _rejection_reason(r: Mapping[str, Any]) -> RejectionReason:
    return RejectionReason(r["code"], r.get("text_zh", ""), r.get("text_en", ""))


def _uscc_tables(u: Mapping[str, Any], natures: Mapping[int, Nature]) -> UsccTables:
    alphabet = u.get("alphabet", "0123456789")
    length = int(u.get("length", 18))
    chars = f"[{re.escape(alphabet)}]"
    # GB 32100 layout: authority + category (2), region (6 digits), organisation code + check
    pattern = re.compile(f"{chars}{{2}}[0-9]{{6}}{chars}{{{length - 8}}}")
    categories = {str(k): v for k, v in u.get("category_pos1_2", {}).items()}
    nature_by_name = {n.name_zh: n.code for n in natures.values()}
    nature_for_category = {cat: nature_by_name[name] for cat, name in categories.items() if name in nature_by_name}
    return UsccTables(length, pattern, alphabet, _frozen(categories), _frozen(nature_for_category))


def _resident_id_tables(r: Mapping[str, Any]) -> ResidentIdTables:
    length = int(r.get("length", 18))
    return ResidentIdTables(
        pattern=re.compile(f"[0-9]{{{length - 1}}}[0-9X]"),
        first_generation_pattern=re.compile("[0-9]{15}"),
        residence_permit_prefixes=_frozen(dict(r.get("hk_macao_taiwan_residence_permit_prefixes_unverified", {}))),
    )


def _suffix_forms(suffixes: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for suffix in suffixes:
        bare = suffix.strip().strip(".").lower()
        if not bare:
            continue
        forms.add(bare)
        try:
            forms.add(idna.encode(bare, uts46=True).decode("ascii"))
            forms.add(idna.decode(bare))
        except idna.IDNAError:
            continue
    return forms


def _tld_tables(t: Mapping[str, Any]) -> TldTables:
    groups = [t.get(key, []) for key in ("all", "cn_family", "idn", "gtld_ascii", "cctld_other")]
    approved = _suffix_forms(s for group in groups for s in group)
    unverified = _suffix_forms(t.get("later_reported_additions_unverified", [])) - approved
    max_labels = max((s.count(".") + 1 for s in approved | unverified), default=1)
    # Bundled public-suffix snapshot only: no cache directory, no network.
    extractor = tldextract.TLDExtract(cache_dir=None, suffix_list_urls=())
    return TldTables(frozenset(approved), frozenset(unverified), max_labels, extractor)


def _site_name_rules(w: Mapping[str, Any], pre_extra: Mapping[str, Any]) -> SiteNameRules:
    personal = w.get("personal_restricted_words", {})
    restricted = [
        word
        for key, words in personal.items()
        if isinstance(words, list) and key != "other_personal_rules"
        for word in words
    ]
    return SiteNameRules(
        min_chinese_chars=int(w.get("min_length_chinese_chars", 0)),
        reject_pure_digits=bool(w.get("reject_pure_digits", False)),
        reject_pure_latin=bool(w.get("reject_pure_latin", False)),
        reject_special_symbols=bool(w.get("reject_special_symbols", False)),
        reject_equal_to_domain=bool(w.get("reject_equal_to_domain", False)),
        national_prefixes=WordList(w.get("banned_prefixes_non_national_units", [])),
        state_function_words=WordList(w.get("banned_words_state_function", [])),
        public_interest_words=WordList(w.get("banned_words_public_interest", [])),
        sensitive_words=WordList(w.get("sensitive_words", [])),
        exaggeration_words=WordList(w.get("exaggeration_words_unverified", [])),
        interactive_words=WordList(w.get("interactive_words_need_pre_approval", [])),
        personal_restricted_words=WordList(restricted),
        finance_keywords=WordList(pre_extra.get("finance_keywords_zh", [])),
    )
