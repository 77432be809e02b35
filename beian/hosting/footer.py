"""The filing footer every hosted site carries once filed: the ICP number linked to MIIT (rules file
§8.1) and, once the applicant entered it, the public-security number with the police emblem linked
to the public-security platform's query page (§8.2). Rendered from the record on every served page,
below the customer's own footer (which beian.rules.footer checks); the same parts make the snippet
for customers who serve their own pages."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from beian.reference.snapshot import setting
from beian.rules.findings import has_errors
from beian.rules.footer import check_custom_footer, clean_content, clean_custom_footer, footer_facts
from beian.rules.psb import psb_digits

DEFAULT_MIIT_LINK = "https://beian.miit.gov.cn/"
DEFAULT_PSB_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code={code14}"
FORMATS_SETTING = "filing_number_formats"


def formats() -> dict:
    return setting(FORMATS_SETTING, {}) or {}


def psb_footer(psb_number: str, formats: dict | None = None) -> dict:
    """The public-security part of the footer; the link from `filing_number_formats.psb_link_template`."""
    digits = psb_digits(psb_number)
    if not digits:
        return {"psb_number": "", "psb_link": ""}
    template = (formats or {}).get("psb_link_template") or DEFAULT_PSB_LINK
    return {"psb_number": psb_number, "psb_link": template.replace("{code14}", digits)}


def footer_parts(filing_number: str, psb_number: str = "", formats: dict | None = None) -> dict:
    """What the filing footer shows, from the record's numbers and `filing_number_formats`. Every
    value is hashable: a served page's rendered bytes are kept under them (hosting.views)."""
    formats = formats or {}
    return {
        "filing_number": filing_number,
        "miit_link": formats.get("miit_link") or DEFAULT_MIIT_LINK,
        **psb_footer(psb_number, formats),
        "obsolete_hosts": tuple(formats.get("miit_link_obsolete_hosts") or ()),
    }


def footer_context(filing_number: str, psb_number: str = "") -> dict:
    return footer_parts(filing_number, psb_number, formats())


def custom_footer_shown(markup: str, parts: dict) -> SafeString:
    """The customer's footer as a served page shows it above the filing footer: sanitised (the
    footer allow-list), and left out while it does not fit the number served now (beian.rules.footer:
    a number changed since it was saved, or it was edited elsewhere than through the service)."""
    if not (markup or "").strip():
        return mark_safe("")
    facts = footer_facts(
        {"miit_link": parts["miit_link"], "miit_link_obsolete_hosts": parts["obsolete_hosts"]},
        filing_numbers=[parts["filing_number"]],
        psb_numbers=[parts["psb_number"]],
    )
    if has_errors(check_custom_footer(markup, facts)):
        return mark_safe("")
    return mark_safe(clean_custom_footer(markup))  # re-serialised from an allow-list


def served_page_parts(site, parts: dict) -> dict:
    """The customer's content and footer as a served page shows them (no CSS or scripts: neither
    can move, cover or hide the filing footer rendered after them)."""
    return {
        "content": mark_safe(clean_content(site.body_html)),  # re-serialised from an allow-list
        "custom_footer": custom_footer_shown(site.custom_footer_html, parts),
    }


def footer_snippet(filing_number: str, psb_number: str = "") -> dict:
    """The filing footer for pages a customer serves themselves: self-contained HTML (inline styles,
    the emblem inline) and its parts."""
    parts = footer_context(filing_number, psb_number)
    html = render_to_string("hosting/snippet.html", parts).strip()
    return {
        "html": html,
        "parts": {
            "filing_number": parts["filing_number"],
            "miit_link": parts["miit_link"],
            "psb_number": parts["psb_number"],
            "psb_link": parts["psb_link"],
            "emblem_svg": render_to_string("hosting/_emblem.html").strip(),
        },
    }
