from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.urls import include, path

from beian.accounts.views import language_switch
from beian.api.api import api
from beian.applicant.launch import launch
from beian.core import observability
from beian.hosting.views import edge_auth, edge_page


def home(request):
    if not request.user.is_authenticated:
        return redirect("accounts:login")
    if request.user.is_operator:
        return redirect("operator:console")
    if request.user.is_reviewer:
        return redirect("review:queue")
    return redirect("applicant:dashboard")


urlpatterns = [
    path("", home, name="home"),
    path("accounts/", include("beian.accounts.urls")),
    path("launch/", launch, name="launch"),  # the site builder's 备案 button (docs/partner-sign-in.md)
    # The language switch (Django's, and the logged-in user's stored language: beian.accounts.views)
    path("i18n/setlang/", language_switch, name="set_language"),
    path("apply/", include("beian.applicant.urls")),
    path("review/", include("beian.review.urls")),
    path("operator/", include("beian.operator.urls")),
    path("files/", include("beian.materials.urls")),
    path("payments/", include("beian.integrations.urls")),  # the payment sandbox's checkout page
    path("help/", include("beian.support.urls")),
    path("support/", include("beian.applicant.support_urls")),  # conversations with customer service
    path("notifications/", include("beian.notifications.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    # nginx's gate at the edge (docs/edge-nginx.md): only with the edge's shared secret, never public
    path("_edge/auth", edge_auth, name="edge_auth"),
    path("_edge/page", edge_page, name="edge_page"),
    # operations (README "Production"): liveness, readiness, Prometheus metrics (not public)
    path("healthz", observability.liveness, name="healthz"),
    path("readyz", observability.readiness, name="readyz"),
    path("metrics", observability.metrics, name="metrics"),
]
if settings.DEMO_TOOLS:  # the demo app's tools; nothing else links to them when they are off
    urlpatterns.append(path("demo/", include("beian.demo.urls")))
