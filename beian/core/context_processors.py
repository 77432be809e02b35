from django.conf import settings


def demo_tools(request) -> dict:
    """`demo_tools`: templates offer the demo app's tools (settings.DEMO_TOOLS, on with DEBUG)."""
    return {"demo_tools": settings.DEMO_TOOLS}
