from enum import StrEnum

class RiskOutResolution(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    PASSED = "passed"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
