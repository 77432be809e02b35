from enum import StrEnum

class AccessNoticesListStatusType0(StrEnum):
    CONFIRMED = "confirmed"
    OPEN = "open"
    RESOLVED = "resolved"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
