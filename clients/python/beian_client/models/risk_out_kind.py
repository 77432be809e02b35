from enum import StrEnum

class RiskOutKind(StrEnum):
    CERTIFICATE = "certificate"
    DOMAIN_EXPIRY = "domain_expiry"
    DOMAIN_HOLDER = "domain_holder"
    DOMAIN_REAL_NAME = "domain_real_name"
    FOOTER = "footer"
    HOSTING = "hosting"

    def __str__(self) -> str:
        return str(self.value)
