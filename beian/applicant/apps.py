from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicantConfig(AppConfig):
    name = "beian.applicant"
    label = "applicant"
    verbose_name = _("Applicant")
