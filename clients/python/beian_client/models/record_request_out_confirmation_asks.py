from enum import StrEnum

class RecordRequestOutConfirmationAsks(StrEnum):
    DOMAIN = "domain"
    SUBJECT_NAME = "subject_name"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
