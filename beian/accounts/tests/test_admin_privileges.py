"""Least privilege in Django's admin: an operator (staff with the operators' model permissions, not a
superuser) cannot raise anyone's privileges or set a password; every admin add, change and delete
is in our audit log."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.forms import MultiWidget

from beian.accounts.models import Platform, User
from beian.core.models import AuditEvent

PRIVILEGES = ("is_superuser", "is_staff", "groups", "user_permissions")


@pytest.fixture
def staff_operator(operator):
    """As the demo seeds it: staff, with every permission of the accounts and core apps."""
    operator.is_staff = True
    operator.save()
    operator.user_permissions.set(Permission.objects.filter(content_type__app_label__in=("accounts", "core")))
    return User.objects.get(pk=operator.pk)


@pytest.fixture
def root(db):
    return User.objects.create_superuser(username="root", password="pw-root", email="root@example.com")


def change_form_data(response) -> dict:
    """What the browser posts back from the change page as rendered (every editable field as shown)."""
    data: dict = {}
    for bound in response.context["adminform"].form:
        value, widget = bound.value(), bound.field.widget
        if isinstance(widget, MultiWidget):
            for i, part in enumerate(widget.decompress(value) or ()):
                data[f"{bound.html_name}_{i}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        else:
            data[bound.html_name] = "" if value is None else str(value)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for bound in management:
            data[bound.html_name] = str(bound.value())
    return data


def test_an_operator_cannot_make_themselves_superuser_or_staff_or_grant_permissions(client, staff_operator, reviewer):
    client.force_login(staff_operator)
    for user in (staff_operator, reviewer):
        url = f"/admin/accounts/user/{user.pk}/change/"
        page = client.get(url)
        assert page.status_code == 200
        form = page.context["adminform"].form
        assert not set(PRIVILEGES) & set(form.fields), "shown read-only, not as inputs"
        html = page.content.decode()
        assert "../password/" not in html and "pbkdf2" not in html, "no password hash, no link to set one"
        data = {
            **change_form_data(page),
            "is_superuser": "on",
            "is_staff": "on",
            "user_permissions": [str(Permission.objects.get(codename="change_permission").pk)],
            "email": "changed@example.com",
        }
        response = client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
        user = User.objects.get(pk=user.pk)
        assert user.email == "changed@example.com", "an ordinary field is still edited"
        assert not user.is_superuser and user.is_staff == (user == staff_operator)
        assert not user.user_permissions.filter(codename="change_permission").exists()


def test_an_operator_cannot_set_a_password_add_a_user_or_edit_a_superuser(client, staff_operator, reviewer, root):
    client.force_login(staff_operator)
    response = client.post(
        f"/admin/accounts/user/{reviewer.pk}/password/",
        {"password1": "Takeover-2026!", "password2": "Takeover-2026!", "usable_password": "true"},
    )
    assert response.status_code == 403
    assert User.objects.get(pk=reviewer.pk).check_password("pw-reviewer")
    assert client.get("/admin/accounts/user/add/").status_code == 403
    root_page = client.get(f"/admin/accounts/user/{root.pk}/change/")
    assert root_page.status_code == 200 and "email" not in root_page.context["adminform"].form.fields  # view only
    client.post(f"/admin/accounts/user/{root.pk}/change/", {"username": "root", "email": "mine@example.com"})
    assert User.objects.get(pk=root.pk).email == "root@example.com"
    assert client.post(f"/admin/accounts/user/{root.pk}/delete/", {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=root.pk).exists()


def test_a_superuser_still_sets_privileges_and_passwords(client, root, reviewer):
    client.force_login(root)
    response = client.post(
        f"/admin/accounts/user/{reviewer.pk}/password/",
        {"password1": "New-pass-2026!", "password2": "New-pass-2026!", "usable_password": "true"},
    )
    assert response.status_code == 302
    assert User.objects.get(pk=reviewer.pk).check_password("New-pass-2026!")
    assert "is_superuser" in client.get(f"/admin/accounts/user/{reviewer.pk}/change/").context["adminform"].form.fields


def test_every_admin_add_change_and_delete_is_in_our_audit_log(client, staff_operator):
    client.force_login(staff_operator)
    assert client.post("/admin/accounts/platform/add/", {"name": "建站平台", "slug": "builder"}).status_code == 302
    platform = Platform.objects.get(slug="builder")
    url = f"/admin/accounts/platform/{platform.pk}/"
    assert client.post(url + "change/", {"name": "新名称", "slug": "builder"}).status_code == 302
    assert client.post(url + "delete/", {"post": "yes"}).status_code == 302

    events = list(AuditEvent.objects.filter(action__startswith="admin.").order_by("id"))
    assert [e.action for e in events] == ["admin.added", "admin.changed", "admin.deleted"]
    for event in events:
        assert event.actor == staff_operator
        assert (event.target_type, event.target_id) == ("accounts.platform", str(platform.pk))
    assert events[1].data["object"] == "新名称" and events[1].data["change"] == [{"changed": {"fields": ["Name"]}}]


def test_the_user_list_finds_a_user_by_their_whole_sealed_email(client, staff_operator, reviewer, applicant):
    client.force_login(staff_operator)
    found = client.get("/admin/accounts/user/", {"q": "REVIEWER@example.com"})
    assert [user.username for user in found.context["cl"].result_list] == ["reviewer"]
    assert "reviewer@example.com" in found.content.decode()  # the list shows the address, unsealed
    by_name = client.get("/admin/accounts/user/", {"q": "applic"})
    assert [user.username for user in by_name.context["cl"].result_list] == ["applicant"]
