"""The in-app notification centre and the per-kind channel preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beian.notifications import services
from beian.notifications.models import IN_APP_AND_EMAIL_ONLY, Channel, Kind, Notification


@login_required
def centre(request):
    page = Paginator(Notification.objects.filter(user=request.user).select_related("order"), 30).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/centre.html", {"page": page, "unread": services.unread_count(request.user)})


@login_required
@require_POST
def open_notification(request, pk):
    """Mark it read and go to the place it points at (only ever a path on this site)."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notification_mark_read(user=request.user, pk=notification.pk)
    target = notification.link
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect("notifications:centre")
    return redirect(target)


@login_required
@require_POST
def read_all(request):
    services.notification_mark_read(user=request.user)
    return redirect("notifications:centre")


@login_required
def preferences(request):
    if request.method == "POST":
        chosen = {
            kind: {channel for channel in Channel.values if request.POST.get(f"{kind}:{channel}")}
            for kind in Kind.values
        }
        services.preferences_update(user=request.user, preferences=chosen)
        messages.success(request, _("Your notification preferences are saved."))
        return redirect("notifications:preferences")
    current = services.preferences_of(request.user)
    rows = [
        {
            "label": label,
            "channels": [
                {
                    "name": f"{kind}:{channel}",
                    "label": channel_label,
                    "on": channel in current[kind],
                    "offered": not (channel == Channel.SMS and kind in IN_APP_AND_EMAIL_ONLY),
                }
                for channel, channel_label in Channel.choices
            ],
        }
        for kind, label in Kind.choices
    ]
    return render(request, "notifications/preferences.html", {"rows": rows, "channels": Channel.choices})
