"""The one shape every automated check speaks in: rules, image checks and OCR cross-checks.

Pure Python: no Django imports. A Finding is what an applicant, a reviewer or a partner sees.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from dataclasses import field as dataclass_field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"  # blocks completing the step / submitting
    WARNING = "warning"  # may be acknowledged by the applicant
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    code: str  # stable, e.g. "subject.uscc.checksum"; partners rely on it
    severity: Severity
    field: str  # field path, e.g. "subject.certificate_number", "websites[0].domain"
    message_zh: str
    message_en: str
    fix_zh: str = ""
    fix_en: str = ""
    source: str = ""  # where the rule comes from, e.g. "rules §5.1 [firm]"
    rejection_reason: str = ""  # catalogue code the regulator would use, e.g. "CERT_NUMBER_MISMATCH"
    params: dict[str, Any] = dataclass_field(default_factory=dict, compare=False, hash=False)

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    def message(self, language: str) -> str:
        return self.message_en if language.startswith("en") else self.message_zh

    def fix(self, language: str) -> str:
        return self.fix_en if language.startswith("en") else self.fix_zh

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.is_error for f in findings)
