from enum import StrEnum

class StageEstimateOutStage(StrEnum):
    PROVIDER_REVIEW = "provider_review"
    PUSH = "push"
    REGULATOR_REVIEW = "regulator_review"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
