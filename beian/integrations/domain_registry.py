"""Where domain facts come from: the registry's RDAP service, or a fixture file for demos and tests.

Pure standard library (urllib): no Django. Callers get `DomainFacts` (beian.rules.model) or None
when the registry does not know the domain; any other failure raises DomainRegistryError, which
the caller turns into "could not verify" rather than inventing facts.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Protocol
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

import idna

from beian.rules.model import DomainFacts

FIXTURE_PATH = Path(__file__).parent / "fixtures" / "domains.json"
RDAP_MEDIA_TYPE = "application/rdap+json"
MAX_RESPONSE_BYTES = 1024 * 1024


class DomainRegistryError(Exception):
    """The registry could not be asked, or answered something unusable."""


class DomainRegistry(Protocol):
    def lookup(self, domain: str) -> DomainFacts | None:
        """Facts about a registered domain; None if the registry does not know it."""


def ascii_domain(domain: str) -> str:
    """The domain as sent on the wire (punycode), lower case, without a trailing dot."""
    text = unicodedata.normalize("NFKC", domain).strip().lower().rstrip(".")
    try:
        return idna.encode(text, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as error:
        raise DomainRegistryError(f"not a domain name: {domain!r} ({error})") from error


class RdapDomainRegistry:
    """RDAP client (RFC 9082 query, RFC 9083 response): GET {base_url}/domain/{punycode}."""

    def __init__(self, base_url: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def lookup(self, domain: str) -> DomainFacts | None:
        name = ascii_domain(domain)
        url = f"{self.base_url}/domain/{quote(name)}"
        request = Request(url, headers={"Accept": f"{RDAP_MEDIA_TYPE}, application/json"})
        try:
            with urlopen(request, timeout=self.timeout) as response:
                body = response.read(MAX_RESPONSE_BYTES + 1)
        except HTTPError as error:
            if error.code == 404:
                return None
            raise DomainRegistryError(f"RDAP {url} answered HTTP {error.code}") from error
        except (TimeoutError, URLError) as error:
            if isinstance(error, TimeoutError) or isinstance(error.reason, TimeoutError):
                raise DomainRegistryError(f"RDAP {url} did not answer within {self.timeout} s") from error
            raise DomainRegistryError(f"RDAP {url} unreachable: {error.reason}") from error
        if len(body) > MAX_RESPONSE_BYTES:
            raise DomainRegistryError(f"RDAP {url} answered more than {MAX_RESPONSE_BYTES} bytes")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise DomainRegistryError(f"RDAP {url} answered malformed JSON") from error
        if not isinstance(data, dict):
            raise DomainRegistryError(f"RDAP {url} answered JSON that is not an object")
        return domain_facts_from_rdap(data, name)


def domain_facts_from_rdap(data: dict, queried: str) -> DomainFacts:
    """DomainFacts from an RDAP domain object. RDAP carries no real-name status: left unknown."""
    name = data.get("unicodeName") or data.get("ldhName") or queried
    return DomainFacts(
        domain=_unicode_domain(str(name)),
        registrant=_entity_name(data, "registrant"),
        real_name_verified=None,
        expires_on=_event_date(data, "expiration"),
        registrar=_entity_name(data, "registrar"),
        statuses=[s for s in data.get("status", []) if isinstance(s, str)],
    )


def _unicode_domain(name: str) -> str:
    try:
        return idna.decode(name.lower().rstrip("."))
    except (idna.IDNAError, UnicodeError):
        return name.lower()


def _entities(data: dict) -> Iterator[dict]:
    """Entities at any depth (registrars nest their abuse contacts, registries their registrants)."""
    for entity in data.get("entities", []):
        if isinstance(entity, dict):
            yield entity
            yield from _entities(entity)


def _entity_name(data: dict, role: str) -> str:
    for entity in _entities(data):
        if role in entity.get("roles", []):
            card = _vcard(entity)
            return card.get("org") or card.get("fn") or ""
    return ""


def _vcard(entity: dict) -> dict[str, str]:
    """jCard (RFC 7095) properties fn and org as text: ["vcard", [[name, params, type, value], ...]]."""
    array = entity.get("vcardArray")
    if not (isinstance(array, list) and len(array) == 2 and isinstance(array[1], list)):
        return {}
    card = {}
    for prop in array[1]:
        if isinstance(prop, list) and len(prop) >= 4 and prop[0] in ("fn", "org"):
            value = prop[3]
            text = value[0] if isinstance(value, list) and value else value
            if isinstance(text, str) and text.strip():
                card[prop[0]] = text.strip()
    return card


def _event_date(data: dict, action: str) -> date | None:
    for event in data.get("events", []):
        if isinstance(event, dict) and event.get("eventAction") == action:
            try:
                return datetime.fromisoformat(str(event.get("eventDate", ""))).date()
            except ValueError:
                return None
    return None


class FixtureDomainRegistry:
    """Domain facts from a JSON file {domain: {registrant, real_name_verified, expires_on, registrar}}."""

    def __init__(self, path: str | Path = FIXTURE_PATH):
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        self._facts = {_unicode_domain(domain): entry for domain, entry in raw.items()}

    def lookup(self, domain: str) -> DomainFacts | None:
        name = _unicode_domain(ascii_domain(domain))
        entry = self._facts.get(name)
        if entry is None:
            return None
        expires_on = entry.get("expires_on")
        return DomainFacts(
            domain=name,
            registrant=entry.get("registrant", ""),
            real_name_verified=entry.get("real_name_verified"),
            expires_on=date.fromisoformat(expires_on) if expires_on else None,
            registrar=entry.get("registrar", ""),
            statuses=list(entry.get("statuses", [])),
        )
