"""The pre-review: one answer to "will this pass?" for the wizard, the API and submit.

The rules over the order's fields (required fields included), the materials that are missing and
the findings of the automated checks on the current materials. Submit refuses while an error or
an unacknowledged warning remains.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from beian.filings import validation
from beian.materials import services as material_services
from beian.rules.findings import Finding, Severity


@dataclass(frozen=True)
class Precheck:
    rule_findings: tuple[Finding, ...]  # the rules engine over the order's fields (complete=True)
    missing_materials: tuple[Finding, ...]  # material.missing, one per required slot without an upload
    material_findings: tuple[Finding, ...]  # the automated checks of the current materials

    @property
    def findings(self) -> list[Finding]:
        """Every finding, in the order the wizard and the API show them."""
        return [*self.rule_findings, *self.missing_materials, *self.material_findings]

    @property
    def automated(self) -> list[Finding]:
        """What the automated checks found (the review queue counts these; missing slots are not)."""
        return [*self.rule_findings, *self.material_findings]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.WARNING]

    @property
    def warning_codes(self) -> list[str]:
        """The codes an applicant acknowledges, each once, in the order they first appear."""
        return list(dict.fromkeys(f.code for f in self.warnings))

    @property
    def ok(self) -> bool:
        return not self.errors

    def unacknowledged(self, acknowledged: Iterable[str]) -> list[Finding]:
        """The warnings whose code is not in `acknowledged`."""
        done = set(acknowledged)
        return [f for f in self.warnings if f.code not in done]


def order_precheck(order) -> Precheck:
    return Precheck(
        rule_findings=tuple(validation.order_findings(order, complete=True)),
        missing_materials=tuple(material_services.missing_materials(order)),
        material_findings=tuple(material_services.material_findings(order)),
    )
