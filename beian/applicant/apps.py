from django.apps import AppConfig


class ApplicantConfig(AppConfig):
    name = "beian.applicant"
    label = "applicant"
