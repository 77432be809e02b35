from django.urls import path

from beian.operator import articles
from beian.operator import views as operator

app_name = "operator"
urlpatterns = [
    path("", operator.console, name="console"),
    path("calendar/", operator.calendar, name="calendar"),
    path("risks/", operator.risks, name="risks"),
    path("risks/check/", operator.monitor_check_all, name="monitor_check_all"),
    path("advance/", operator.advance, name="advance"),
    path("audit/", operator.audit_log, name="audit_log"),
    path("sms/<int:pk>/reveal/", operator.sms_reveal, name="sms_reveal"),
    path("sms/<int:pk>/resend/", operator.sms_resend, name="sms_resend"),
    path("submissions/<int:pk>/retry/", operator.submission_retry, name="submission_retry"),
    path("orders/<int:pk>/push-again/", operator.push_again, name="push_again"),
    path("cases/<int:pk>/decision/", operator.record_decision, name="decision"),
    path("service-codes/", operator.service_codes_list, name="service_codes"),
    path("service-codes/<int:pk>/void/", operator.service_code_void, name="service_code_void"),
    path("notices/", operator.notices_list, name="notices"),
    path("notices/new/", operator.notice_new, name="notice_new"),
    path("notices/<int:pk>/", operator.notice_detail, name="notice"),
    path("notices/<int:pk>/start/", operator.notice_start, name="notice_start"),
    path("notices/<int:pk>/withdraw/", operator.notice_withdraw, name="notice_withdraw"),
    path("notices/<int:pk>/confirm/", operator.notice_confirm, name="notice_confirm"),
    path("webhooks/", operator.webhooks, name="webhooks"),
    path("webhooks/deliveries/<int:pk>/", operator.webhook_delivery, name="webhook_delivery"),
    path("webhooks/deliveries/<int:pk>/replay/", operator.webhook_replay, name="webhook_replay"),
    path("platforms/", operator.platforms, name="platforms"),
    path("platforms/<slug:slug>/", operator.platform_detail, name="platform"),
    path("platforms/<slug:slug>/tokens/<int:pk>/revoke/", operator.platform_token_revoke, name="platform_token_revoke"),
    path("articles/", articles.articles, name="articles"),
    path("articles/<slug:slug>/", articles.article_edit, name="article_edit"),
    path("articles/<slug:slug>/revisions/<int:number>/", articles.article_revision, name="article_revision"),
    path("articles/<slug:slug>/revisions/<int:number>/restore/", articles.article_restore, name="article_restore"),
]
