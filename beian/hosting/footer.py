"""The filing footer every hosted site carries once filed (rules file §8.1)."""

from beian.reference.snapshot import setting

DEFAULT_MIIT_LINK = "https://beian.miit.gov.cn/"


def footer_context(filing_number: str) -> dict:
    formats = setting("filing_number_formats", {}) or {}
    return {"filing_number": filing_number, "miit_link": formats.get("miit_link") or DEFAULT_MIIT_LINK}
