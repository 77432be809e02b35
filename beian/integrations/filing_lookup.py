"""What MIIT holds for subjects and websites filed through OTHER access providers.

The real MIIT system cannot be reached from here, so the only adapter is the sandbox: a JSON
fixture file (`fixtures/external-filings.json`, or the file named by FILING_LOOKUP_FIXTURE) that
stands for MIIT's records. `filing_lookup()` returns the adapter configured by
FILING_LOOKUP_ADAPTER (env BEIAN_FILING_LOOKUP; only "fixture" exists, anything else is refused
when the app starts).

A lookup answers a filing, or None when MIIT holds none. Any failure to ask (the file missing,
unreadable or malformed) raises FilingLookupError: the caller tells the applicant that the lookup
is unavailable and to try again, never decides the filing type on a guess.

Tests and the demo add entries by writing a fixture file and pointing the setting at it:

    path = write_fixture(tmp_path / "filings.json", [*load_fixture(FIXTURE_PATH), subject])
    with override_settings(FILING_LOOKUP_FIXTURE=str(path)): ...

or, when they use the adapter directly, `FixtureFilingLookup(extra=[subject])`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from beian.integrations.domain_registry import DomainRegistryError, ascii_domain
from beian.rules.text import compact_number

FIXTURE_PATH = Path(__file__).parent / "fixtures" / "external-filings.json"
ADAPTERS = ("fixture",)


class FilingLookupError(Exception):
    """MIIT's records could not be asked (not the same as "MIIT holds no such filing")."""


@dataclass(frozen=True)
class ExternalWebsiteFiling:
    number: str  # e.g. 沪ICP备2021012345号-1
    name: str
    domains: tuple[str, ...]  # main domains, as filed (an IDN in its Unicode form)
    principal_name: str
    principal_mobile_tail: str  # the last 4 digits only
    access_providers: tuple[str, ...]  # e.g. ("阿里云",)


@dataclass(frozen=True)
class ExternalSubjectFiling:
    number: str  # e.g. 沪ICP备2021012345号
    province: str  # provinces[].code, e.g. "31"
    nature: int  # subject_natures[].miit_form_code (4 enterprise, 5 individual)
    certificate_type: int  # certificate_types[].code (1 business licence, 2 resident ID)
    certificate_number: str
    name: str
    principal_name: str
    websites: tuple[ExternalWebsiteFiling, ...]


class FilingLookup(Protocol):
    def subject_by_certificate(
        self, certificate_type: int | None, certificate_number: str
    ) -> ExternalSubjectFiling | None:
        """The subject filed under this certificate (any type when None); None if MIIT holds none."""

    def website_by_domain(self, domain: str) -> tuple[ExternalSubjectFiling, ExternalWebsiteFiling] | None:
        """The subject and website whose filing covers the domain's main domain; None if none does."""


def certificate_key(certificate_number: str) -> str:
    """Certificate numbers compared normalised: NFKC, upper case, no spaces or hyphens."""
    return compact_number(certificate_number)


def _domain_candidates(domain: str) -> list[str]:
    """The domain as an A-label and each parent of it: www.x.com.cn -> x.com.cn -> com.cn -> cn.

    Filings hold main domains only, so the first candidate a filing holds is the main domain the
    query belongs to; no public-suffix list is needed. Not a domain name at all: no candidates."""
    try:
        labels = ascii_domain(domain).split(".")
    except DomainRegistryError:
        return []
    return [".".join(labels[i:]) for i in range(len(labels))]


class FixtureFilingLookup:
    """MIIT's records for other providers' filings, read from a JSON fixture file."""

    def __init__(self, path: str | Path = FIXTURE_PATH, *, extra: Iterable[ExternalSubjectFiling] = ()):
        self._by_certificate: dict[str, ExternalSubjectFiling] = {}
        self._by_domain: dict[str, tuple[ExternalSubjectFiling, ExternalWebsiteFiling]] = {}
        for subject in (*load_fixture(path), *extra):
            self._add(subject)

    def _add(self, subject: ExternalSubjectFiling) -> None:
        key = certificate_key(subject.certificate_number)
        if key in self._by_certificate:
            raise FilingLookupError(f"two subject filings hold certificate {subject.certificate_number}")
        self._by_certificate[key] = subject
        for website in subject.websites:
            for domain in website.domains:
                candidates = _domain_candidates(domain)
                if not candidates:
                    raise FilingLookupError(f"{website.number}: not a domain name: {domain!r}")
                if candidates[0] in self._by_domain:
                    raise FilingLookupError(f"two website filings hold the domain {domain}")
                self._by_domain[candidates[0]] = (subject, website)

    def subject_by_certificate(
        self, certificate_type: int | None, certificate_number: str
    ) -> ExternalSubjectFiling | None:
        subject = self._by_certificate.get(certificate_key(certificate_number))
        if subject is None or (certificate_type is not None and subject.certificate_type != certificate_type):
            return None
        return subject

    def website_by_domain(self, domain: str) -> tuple[ExternalSubjectFiling, ExternalWebsiteFiling] | None:
        for candidate in _domain_candidates(domain):
            if candidate in self._by_domain:
                return self._by_domain[candidate]
        return None


def check_configuration() -> None:
    """Refuse an unknown adapter or a missing fixture file when the app starts (AppConfig.ready)."""
    _check_adapter()
    path = configured_fixture_path()
    if not path.is_file():
        raise ImproperlyConfigured(f"BEIAN_FILING_LOOKUP_FIXTURE={str(path)!r}: no such file")


def configured_fixture_path() -> Path:
    return Path(settings.FILING_LOOKUP_FIXTURE) if settings.FILING_LOOKUP_FIXTURE else FIXTURE_PATH


def filing_lookup() -> FilingLookup:
    """The configured adapter. Raises FilingLookupError when its records cannot be read. The parsed
    fixture is kept while its file is unchanged (a stat per call instead of reading and parsing the
    JSON on every check of the wizard)."""
    _check_adapter()
    path = Path(configured_fixture_path())
    try:
        stat = path.stat()
    except OSError as error:
        raise FilingLookupError(f"filing records {path} unreadable: {error}") from error
    return _fixture_lookup(str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _fixture_lookup(path: str, inode: int, mtime_ns: int, size: int) -> FixtureFilingLookup:
    return FixtureFilingLookup(path)


def _check_adapter() -> None:
    if settings.FILING_LOOKUP_ADAPTER not in ADAPTERS:
        raise ImproperlyConfigured(
            f"BEIAN_FILING_LOOKUP={settings.FILING_LOOKUP_ADAPTER!r}: the filing lookup adapters are {', '.join(ADAPTERS)}"
        )


# --- the fixture file -------------------------------------------------------------------------


def load_fixture(path: str | Path) -> tuple[ExternalSubjectFiling, ...]:
    """The subject filings of a fixture file {"subjects": [...]}; FilingLookupError if unusable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise FilingLookupError(f"filing records {path} unreadable: {error}") from error
    try:
        subjects = data["subjects"]
        if not isinstance(subjects, list):
            raise TypeError("'subjects' is not a list")
        return tuple(_subject(entry) for entry in subjects)
    except (KeyError, TypeError, ValueError) as error:
        raise FilingLookupError(f"filing records {path} malformed: {error!r}") from error


def write_fixture(path: str | Path, subjects: Iterable[ExternalSubjectFiling]) -> Path:
    """Write subject filings as a fixture file load_fixture reads back; returns the path."""
    path = Path(path)
    data = {"subjects": [asdict(subject) for subject in subjects]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _subject(entry: dict[str, Any]) -> ExternalSubjectFiling:
    number = _text(entry, "number")
    websites = tuple(_website(site) for site in entry["websites"])
    for website in websites:
        if not website.number.startswith(f"{number}-"):
            raise ValueError(f"website {website.number} is not numbered under {number}")
    return ExternalSubjectFiling(
        number=number,
        province=_text(entry, "province"),
        nature=_integer(entry, "nature"),
        certificate_type=_integer(entry, "certificate_type"),
        certificate_number=_text(entry, "certificate_number"),
        name=_text(entry, "name"),
        principal_name=_text(entry, "principal_name"),
        websites=websites,
    )


def _website(entry: dict[str, Any]) -> ExternalWebsiteFiling:
    tail = _text(entry, "principal_mobile_tail")
    if not (len(tail) == 4 and tail.isascii() and tail.isdigit()):
        raise ValueError(f"principal_mobile_tail {tail!r} is not the last 4 digits")
    return ExternalWebsiteFiling(
        number=_text(entry, "number"),
        name=_text(entry, "name"),
        domains=_texts(entry, "domains"),
        principal_name=_text(entry, "principal_name"),
        principal_mobile_tail=tail,
        access_providers=_texts(entry, "access_providers"),
    )


def _text(entry: dict[str, Any], key: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} {value!r} is not a text")
    return value.strip()


def _integer(entry: dict[str, Any], key: str) -> int:
    value = entry[key]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{key} {value!r} is not a number")
    return value


def _texts(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    values = entry[key]
    if not isinstance(values, list) or not values:
        raise ValueError(f"{key} {values!r} is not a non-empty list")
    return tuple(_text({key: value}, key) for value in values)
