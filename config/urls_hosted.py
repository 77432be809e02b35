"""URLconf for requests whose Host is a hosted site (set by HostedSiteMiddleware)."""

from django.urls import path, re_path

from beian.hosting.views import public_page

urlpatterns = [
    path("", public_page),
    re_path(r"^(?P<path>.*)$", public_page),
]
