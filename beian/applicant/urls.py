from django.urls import path

from beian.applicant import plans, views

app_name = "applicant"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("filings/<str:number>/psb-number/", views.psb_number, name="psb_number"),
    path("filings/<str:number>/footer/", views.footer, name="footer"),
    path("filings/<str:number>/orders/", views.record_order, name="record_order"),
    path("sites/<int:site_pk>/start/", views.start, name="start"),
    path("sites/<int:site_pk>/verify/", views.verify_type, name="verify_site"),
    path("verify/", views.verify_type, name="verify"),
    path("orders/<int:pk>/", views.order_detail, name="order"),
    path("orders/<int:pk>/step/<slug:key>/", views.step, name="step"),
    path("orders/<int:pk>/step/<slug:key>/check/", views.check_field, name="check"),
    path("orders/<int:pk>/checklist/", views.checklist, name="checklist"),
    path("orders/<int:pk>/materials/<slug:slot>/", views.upload, name="upload"),
    path("orders/<int:pk>/submit/", views.submit, name="submit"),
    path("orders/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("orders/<int:pk>/abandon/", views.abandon, name="abandon"),
    path("orders/<int:pk>/sms/", views.sms_verify, name="sms"),
    path("orders/<int:pk>/sms/resend/", views.sms_resend, name="sms_resend"),
    path("orders/<int:pk>/verification-form.pdf", views.verification_form, name="verification_form"),
    path("orders/<int:pk>/assisted/", plans.assisted_request, name="assisted"),
    path("plan/", plans.plan, name="plan"),
    path("payments/notify/", plans.payment_notify, name="payment_notify"),
    path("payments/<str:number>/return/", plans.payment_return, name="payment_return"),
    path("receipts/<str:number>/", plans.receipt, name="receipt"),
    path("receipts/<str:number>/receipt.pdf", plans.receipt_download, name="receipt_download"),
]
