from enum import StrEnum

class PlatformServiceCodesListStateType0(StrEnum):
    FILED = "filed"
    IN_FILING = "in_filing"
    UNBOUND = "unbound"
    VOID = "void"

    def __str__(self) -> str:
        return str(self.value)
