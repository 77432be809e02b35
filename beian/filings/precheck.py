"""The pre-review: one answer to "will this pass?" for the wizard, the API and submit.

The rules over the order's fields (required fields included), the materials that are missing and
the findings of the automated checks on the current materials. Submit refuses while an error or
an unacknowledged warning remains.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from beian.filings import changes, validation
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
    """A change or cancellation (filings.changes) is judged on what it applies for: the field rules
    over the part it changes, and its own checks (something changed, reason, confirmation, empty
    shell); a cancellation files no data, so no field rule holds it up."""
    rule_findings = (
        [f for f in validation.order_findings(order, complete=True) if changes.in_scope(order, f)]
        if changes.files_data(order)
        else []
    )
    return Precheck(
        rule_findings=tuple(changes.record_order_findings(order) + rule_findings),
        missing_materials=tuple(material_services.missing_materials(order)),
        material_findings=tuple(material_services.material_findings(order)),
    )
