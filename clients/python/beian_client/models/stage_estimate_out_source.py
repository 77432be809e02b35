from enum import StrEnum

class StageEstimateOutSource(StrEnum):
    HISTORY = "history"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
