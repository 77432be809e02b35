"""Beian rules engine: pure-Python validation of ICP filing orders (no Django).

    >>> from beian.rules import load_seed_snapshot, validate_order, check_value
    >>> findings = validate_order(order, load_seed_snapshot(), today=date.today(), complete=True)

Facts (provinces, natures, certificates, TLDs, word lists...) come from a ReferenceSnapshot;
every rule is declared once in `beian.rules.registry` with a stable code.
"""

from beian.rules.engine import ALL_KINDS, check_value, validate_order
from beian.rules.filing_type import detect_filing_type
from beian.rules.findings import Finding, Severity, has_errors
from beian.rules.order_json import ORDER_JSON_SCHEMA, order_from_dict
from beian.rules.reference import EngineSettings, ReferenceSnapshot, load_seed_snapshot
from beian.rules.registry import RULES, Rule

__all__ = [
    "ALL_KINDS",
    "ORDER_JSON_SCHEMA",
    "RULES",
    "EngineSettings",
    "Finding",
    "ReferenceSnapshot",
    "Rule",
    "Severity",
    "check_value",
    "detect_filing_type",
    "has_errors",
    "load_seed_snapshot",
    "order_from_dict",
    "validate_order",
]
