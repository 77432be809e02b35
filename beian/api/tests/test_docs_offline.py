"""/api/docs works offline (and from the mainland): Swagger UI comes from our own static files, not a CDN."""

import re

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

ASSET = re.compile(r"""<(?:script|link)\b[^>]*?\b(?:src|href)=["']([^"']+)["']""", re.IGNORECASE)


def test_swagger_ui_loads_nothing_from_another_host(db):
    response = Client().get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = ASSET.findall(html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets), assets
    assert any(a.endswith("swagger-ui.css") for a in assets), assets
    foreign = [a for a in assets if re.match(r"(https?:)?//", a)]
    assert foreign == []
    for asset in assets:
        assert asset.startswith(settings.STATIC_URL), asset
        assert finders.find(asset.removeprefix(settings.STATIC_URL)), f"{asset} is not among the static files"
    assert "/api/openapi.json" in html  # the UI reads our document
