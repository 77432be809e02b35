"""The filing footer every hosted site carries once filed: the ICP number linked to MIIT (rules file
§8.1) and, once the applicant entered it, the public-security number with the police emblem linked
to the public-security platform's query page (§8.2)."""

from beian.reference.snapshot import setting
from beian.rules.psb import psb_digits

DEFAULT_MIIT_LINK = "https://beian.miit.gov.cn/"
DEFAULT_PSB_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code={code14}"


def psb_footer(psb_number: str, formats: dict | None = None) -> dict:
    """The public-security part of the footer; the link from `filing_number_formats.psb_link_template`."""
    digits = psb_digits(psb_number)
    if not digits:
        return {"psb_number": "", "psb_link": ""}
    template = (formats or {}).get("psb_link_template") or DEFAULT_PSB_LINK
    return {"psb_number": psb_number, "psb_link": template.replace("{code14}", digits)}


def footer_context(filing_number: str, psb_number: str = "") -> dict:
    formats = setting("filing_number_formats", {}) or {}
    return {
        "filing_number": filing_number,
        "miit_link": formats.get("miit_link") or DEFAULT_MIIT_LINK,
        **psb_footer(psb_number, formats),
    }
