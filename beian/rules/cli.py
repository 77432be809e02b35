"""Command line: check one value, validate an order file, print the schema or the rule catalogue.

    python -m beian.rules check KIND VALUE [--nature N] [--province P] [--certificate-type T] [--lang zh|en]
    python -m beian.rules validate ORDER.json [--complete] [--lang zh|en]
    python -m beian.rules validate --schema
    python -m beian.rules docs

Findings are printed as a JSON list; exit status 1 when any finding is an error, 0 otherwise,
2 for usage errors. Uses the seed reference data: no Django, no database.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from beian.rules.docs import rules_markdown
from beian.rules.engine import ALL_KINDS, check_value, validate_order
from beian.rules.findings import Finding, has_errors
from beian.rules.order_json import ORDER_JSON_SCHEMA, order_from_dict
from beian.rules.reference import load_seed_snapshot

USAGE_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m beian.rules", description="Beian rules engine")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check one value")
    check.add_argument("kind", choices=ALL_KINDS)
    check.add_argument("value")
    check.add_argument("--nature", type=int, help="subject_natures[].miit_form_code, e.g. 4 or 5")
    check.add_argument("--province", help="provinces[].code, e.g. 11")
    check.add_argument("--certificate-type", type=int, help="certificate_types[].code (kind 'certificate')")
    validate = commands.add_parser("validate", help="validate an order JSON file")
    validate.add_argument("order", nargs="?", type=Path, help="order JSON file ('-' for stdin)")
    validate.add_argument("--complete", action="store_true", help="also report empty required fields")
    validate.add_argument("--schema", action="store_true", help="print the order JSON Schema and exit")
    for sub in (check, validate):
        sub.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of 'message' and 'fix'")
        sub.add_argument(
            "--today",
            type=date.fromisoformat,
            help="YYYY-MM-DD",
            # a command line run means the wall-clock day; rules/ has no business clock
            default=date.today(),  # noqa: DTZ011
        )
    commands.add_parser("docs", help="print the rule catalogue as Markdown")
    return parser


def _print_findings(findings: list[Finding], language: str) -> int:
    rows = [{**f.as_dict(), "message": f.message(language), "fix": f.fix(language)} for f in findings]
    print(json.dumps(rows, ensure_ascii=False, indent=2))
    return 1 if has_errors(findings) else 0


def _read_order(path: Path) -> Any:
    """The parsed JSON, whatever its shape: the tolerant reader reports a non-object as a finding."""
    text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    return json.loads(text)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    ref = load_seed_snapshot()
    if args.command == "docs":
        sys.stdout.write(rules_markdown(ref))
        return 0
    if args.command == "check":
        if args.kind == "certificate" and args.certificate_type is None:
            parser.error("kind 'certificate' needs --certificate-type")
        findings = check_value(
            args.kind,
            args.value,
            ref=ref,
            today=args.today,
            nature=args.nature,
            province=args.province,
            certificate_type=args.certificate_type,
        )
        return _print_findings(findings, args.lang)
    if args.schema:
        print(json.dumps(ORDER_JSON_SCHEMA, ensure_ascii=False, indent=2))
        return 0
    if args.order is None:
        parser.error("validate needs ORDER.json (or --schema)")
    try:
        data = _read_order(args.order)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        print(f"cannot read {args.order}: {error}", file=sys.stderr)
        return USAGE_ERROR
    order = order_from_dict(data)
    return _print_findings(validate_order(order, ref, today=args.today, complete=args.complete), args.lang)
