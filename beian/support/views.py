"""Help centre. The rule catalogue page is generated from the rule registry itself."""

from itertools import groupby

from django.shortcuts import render
from django.utils.translation import get_language

from beian.reference import snapshot
from beian.rules.registry import RULES


def help_index(request):
    return render(request, "support/index.html")


def rules_catalogue(request):
    english = (get_language() or "").startswith("en")
    ref = snapshot.current()
    rules = sorted(RULES.values(), key=lambda r: r.code)
    areas = []
    for area, group in groupby(rules, key=lambda r: r.area):
        areas.append(
            {
                "area": area,
                "rules": [
                    {
                        "code": r.code,
                        "severity": r.severity.value,
                        "message": r.message_en if english else r.message_zh,
                        "fix": r.fix_en if english else r.fix_zh,
                        "source": r.source,
                        "prevents": r.prevents,
                        "reason": ref.rejection_text(r.prevents, "en" if english else "zh") if r.prevents else "",
                    }
                    for r in group
                ],
            }
        )
    return render(request, "support/rules.html", {"areas": areas, "count": len(rules)})
