"""The gate at the edge (rules file §8.5: the provider blocks by Host / TLS SNI at its ingress): what
nginx in front of ANY site origin (the site builder's renderer, an upstream given in its config, or
Beian's own hosted pages) needs per Host, from the very decision Beian's hosted pages serve
(beian.hosting.entries), kept per process by beian.hosting.hostcache: no query while the gate stamp
has not moved. deploy/nginx/ holds the nginx side, docs/edge-nginx.md how it fits together.

nginx's `auth_request` asks `/_edge/auth` (hosting.views.edge_auth) with the visitor's Host in
X-Beian-Host and the shared secret in X-Beian-Edge-Secret; the answer is
- 200 for a host that serves, with X-Beian-Footer: the filing footer (the number filed for THAT
  domain linked to https://beian.miit.gov.cn/, and its public-security number when entered) as one
  line of ASCII HTML (other characters as character references: a header carries no UTF-8), which
  nginx's `sub_filter` writes before the `</body>` of a foreign origin's page; and
  X-Beian-Filing-Number (percent-encoded UTF-8) for nginx's logs;
- 403 otherwise (auth_request knows 2xx, 401 and 403 only); nginx then fetches `/_edge/page`
  (hosting.views.edge_page), which renders the maintenance page (503 with Retry-After) or the block
  page (451) exactly as the hosted pages do: GateDecision.status_code and retry_after_seconds. A
  host no hosted site answers on is blocked as not filed (§8.5: the domain, not the server).
Every auth answer carries X-Beian-Access and X-Accel-Expires (settings.EDGE_CACHE_SECONDS): nginx
keeps it that long per Host, so a visitor's request costs one nginx cache lookup, Beian sees at most
one auth request per host and period, and a gate change reaches the edge within that period with
nothing reloaded or cleared.
"""

from __future__ import annotations

import hmac
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.template.loader import render_to_string

from beian.hosting import gate
from beian.hosting.entries import entry_decision, entry_footer
from beian.hosting.models import GateEntry

SECRET_HEADER = "X-Beian-Edge-Secret"
HOST_HEADER = "X-Beian-Host"
ACCESS_HEADER = "X-Beian-Access"
FOOTER_HEADER = "X-Beian-Footer"
NUMBER_HEADER = "X-Beian-Filing-Number"
DENIED_STATUS = 403  # what nginx's auth_request turns into its error_page (the gate page)
NO_SITE = gate.GateDecision(gate.Access.BLOCK, gate.Reason.NOT_FILED)


@dataclass(frozen=True)
class AuthAnswer:
    status: int
    headers: dict[str, str]


def authorised(secret: str | None) -> bool:
    """The request comes from our edge: it carries the shared secret (none configured: nobody does)."""
    expected = settings.EDGE_SECRET
    return bool(expected) and hmac.compare_digest((secret or "").encode(), expected.encode())


def host_decision(entry: GateEntry | None) -> gate.GateDecision:
    """What a host serves: its entry's decision; blocked as not filed where no site answers on it."""
    return entry_decision(entry) if entry is not None else NO_SITE


def header_html(html: str) -> str:
    """HTML as one header line: whitespace runs collapsed, non-ASCII as character references."""
    return " ".join(html.split()).encode("ascii", "xmlcharrefreplace").decode("ascii")


@lru_cache(maxsize=1024)
def _footer_html(parts: tuple[tuple[str, object], ...]) -> str:
    return header_html(render_to_string("hosting/snippet.html", dict(parts)))


def footer_html(entry: GateEntry) -> str:
    """The filing footer of a served entry (its numbers, the footer setting's links) for the edge:
    the self-contained snippet customers who serve their own pages get (hosting.footer)."""
    return _footer_html(tuple(sorted(entry_footer(entry).items())))


def auth_answer(entry: GateEntry | None) -> AuthAnswer:
    """nginx's auth answer for the entry answering a Host (None: no site answers on it)."""
    decision = host_decision(entry)
    headers = {ACCESS_HEADER: decision.access.value, "X-Accel-Expires": str(settings.EDGE_CACHE_SECONDS)}
    if decision.access != gate.Access.SERVE or entry is None:
        return AuthAnswer(DENIED_STATUS, headers)
    headers[NUMBER_HEADER] = quote(decision.filing_number)
    headers[FOOTER_HEADER] = footer_html(entry)
    return AuthAnswer(200, headers)


# --- the nginx side (deploy/nginx/beian.conf.template, `manage.py edge_nginx_config`) -----------

BEIAN_ORIGIN = "beian"  # the customers' sites are Beian's own hosted pages (they carry the footer)
SECRET_PLACEHOLDER = "${BEIAN_EDGE_SECRET}"  # left for the nginx image's envsubst
PROXIED_ORIGIN = """\
        proxy_pass http://beian_site_origin;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Beian-Edge-Secret "";"""
PROXIED_ENCODING = """
        proxy_set_header Accept-Encoding "";  # sub_filter needs the body uncompressed"""
FILES_ORIGIN = """\
        # the site builder publishes each host's files under {root}/<host>/
        root {root}/$host;
        try_files $uri $uri/index.html =404;"""
FOREIGN_FOOTER_FILTER = """\
        # a foreign origin's HTML gets the filing footer of the number filed for THIS domain
        # (X-Beian-Footer of the gate's answer), right before its </body>{encoding}
        sub_filter '</body>' '$beian_footer</body>';
        sub_filter_once on;
        sub_filter_last_modified off;"""
BEIAN_FOOTER_FILTER = "        # Beian's hosted pages render the filing footer themselves: nothing to add"
SAFE_VALUE = re.compile(r"^[A-Za-z0-9_.:/\[\]~+=-]+$")  # nothing that could end an nginx directive
ENV_PLACEHOLDER = re.compile(r"^\$\{[A-Z][A-Z0-9_]*\}$")  # a value the nginx image's envsubst fills in


def nginx_config(
    template: str,
    *,
    beian_upstream: str,
    origin: str,
    listen: str,
    cache_dir: str,
    platform_hosts: list[str],
    secret: str | None,
) -> str:
    """The edge's nginx config from the template: Beian's web service at `beian_upstream`
    (host:port), the customers' sites at `origin`: host:port of the site builder's renderer, an
    absolute folder where it publishes each host's files (<folder>/<host>/), or BEIAN_ORIGIN for
    Beian's hosted pages; the platform under `platform_hosts` (the first is the
    Host nginx sends Beian: one of its PLATFORM_HOSTS), the secret written in or (None) left as
    ${BEIAN_EDGE_SECRET} for envsubst. ValueError for a value nginx would read as more than one."""
    files = origin.startswith("/")
    values = {
        "BEIAN_UPSTREAM": beian_upstream,
        "SITE_ORIGIN": beian_upstream if origin == BEIAN_ORIGIN or files else origin,
        "EDGE_LISTEN": listen,
        "EDGE_CACHE_DIR": cache_dir,
        "PLATFORM_SERVER_NAMES": " ".join(platform_hosts),
        "BEIAN_HOST": platform_hosts[0] if platform_hosts else "",
    }
    if secret is not None:
        values["BEIAN_EDGE_SECRET"] = secret
    if ENV_PLACEHOLDER.match(values["BEIAN_HOST"]):
        raise ValueError("the first platform host is the Host nginx sends Beian: a name, not a placeholder")
    for name, value in [*values.items(), *(("platform host", h) for h in platform_hosts)]:
        if name == "PLATFORM_SERVER_NAMES" or (name == "platform host" and ENV_PLACEHOLDER.match(value)):
            continue
        if not SAFE_VALUE.match(value or ""):
            raise ValueError(f"{name}: {value!r} is not a single nginx word")
    values["ORIGIN"] = FILES_ORIGIN.format(root=origin.rstrip("/")) if files else PROXIED_ORIGIN
    values["FOOTER_FILTER"] = (
        BEIAN_FOOTER_FILTER
        if origin == BEIAN_ORIGIN
        else FOREIGN_FOOTER_FILTER.format(encoding="" if files else PROXIED_ENCODING)
    )
    return string.Template(template).safe_substitute(values)  # nginx's own $variables stay
