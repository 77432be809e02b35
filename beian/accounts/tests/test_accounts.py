"""Signing in and out, who may open which console, the tenant of a request, API token hashing."""

from __future__ import annotations

import hashlib

import pytest
from django.conf import settings
from django.test import Client, RequestFactory

from beian.accounts.models import ApiToken, Membership, Organisation, User
from beian.accounts.permissions import applicant_required, operator_required, organisation_of, reviewer_required


@pytest.fixture
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


# --- login and logout ---------------------------------------------------------------------------


def test_the_login_page_signs_an_applicant_in_and_sends_them_to_their_sites(client, applicant):
    assert client.get("/accounts/login/").status_code == 200
    response = client.post("/accounts/login/", {"username": "applicant", "password": "pw-applicant"}, follow=True)
    assert response.redirect_chain[-1][0] == "/apply/"
    assert response.status_code == 200 and response.wsgi_request.user == applicant


def test_a_wrong_password_keeps_the_user_on_the_login_page_signed_out(english, applicant):
    response = english.post("/accounts/login/", {"username": "applicant", "password": "wrong"})
    assert response.status_code == 200
    assert "Wrong username or password." in response.content.decode()
    assert "_auth_user_id" not in english.session
    assert english.get("/apply/").status_code == 302


def test_the_login_page_honours_next(client, reviewer):
    response = client.post("/accounts/login/?next=/review/", {"username": "reviewer", "password": "pw-reviewer"})
    assert response.status_code == 302 and response["Location"] == "/review/"


def test_logout_signs_out_and_returns_to_the_login_page(client, applicant):
    client.force_login(applicant)
    assert client.get("/apply/").status_code == 200
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    after = client.get("/apply/")
    assert after.status_code == 302 and after["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "persona, home", [("applicant", "/apply/"), ("reviewer", "/review/"), ("operator", "/operator/")]
)
def test_home_sends_each_role_to_its_own_console(client, request, persona, home):
    client.force_login(request.getfixturevalue(persona))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == home


def test_home_sends_the_anonymous_to_login(client, db):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"


# --- roles and permissions ----------------------------------------------------------------------


def test_anonymous_users_are_sent_to_login_from_every_console(client, db):
    for url in ("/apply/", "/review/", "/operator/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/accounts/login/?next={url}"


def test_an_applicant_may_not_open_the_review_or_operator_console(client, applicant):
    client.force_login(applicant)
    assert client.get("/review/").status_code == 403
    assert client.get("/operator/").status_code == 403


def test_a_reviewer_reviews_but_may_not_operate(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/review/").status_code == 200
    assert client.get("/operator/").status_code == 403
    assert client.get("/apply/").status_code == 403  # no organisation: not an applicant


def test_an_operator_may_review_and_operate(client, operator):
    client.force_login(operator)
    assert client.get("/review/").status_code == 200
    assert client.get("/operator/").status_code == 200


def test_role_properties():
    assert not User(role=User.Role.APPLICANT).is_reviewer
    assert User(role=User.Role.REVIEWER).is_reviewer and not User(role=User.Role.REVIEWER).is_operator
    assert User(role=User.Role.OPERATOR).is_reviewer and User(role=User.Role.OPERATOR).is_operator


def test_the_decorators_refuse_without_the_role(rf_user):
    from django.core.exceptions import PermissionDenied

    def view(request):
        return "ok"

    applicant, reviewer, operator, loner = rf_user
    assert applicant_required(view)(applicant) == "ok"
    with pytest.raises(PermissionDenied):
        applicant_required(view)(loner)
    with pytest.raises(PermissionDenied):
        reviewer_required(view)(applicant)
    assert reviewer_required(view)(reviewer) == "ok"
    assert reviewer_required(view)(operator) == "ok"
    with pytest.raises(PermissionDenied):
        operator_required(view)(reviewer)
    assert operator_required(view)(operator) == "ok"


@pytest.fixture
def rf_user(applicant, reviewer, operator):
    """Requests of each persona (and of an applicant without organisation), as the middleware leaves them."""
    loner = User.objects.create_user(username="loner", password="x")
    out = []
    for user in (applicant, reviewer, operator, loner):
        request = RequestFactory().get("/")
        request.user = user
        request.organisation = organisation_of(user)
        out.append(request)
    return out


# --- membership and tenant ----------------------------------------------------------------------


def test_the_request_carries_the_applicants_organisation(client, applicant, organisation):
    client.force_login(applicant)
    response = client.get("/apply/")
    assert response.wsgi_request.organisation == organisation
    assert response.context["organisation"] == organisation


def test_the_first_membership_is_the_tenant(applicant, organisation):
    later = Organisation.objects.create(name="第二家公司有限公司")
    Membership.objects.create(user=applicant, organisation=later)
    assert organisation_of(applicant) == organisation


def test_a_user_without_membership_has_no_tenant(db):
    assert organisation_of(User.objects.create_user(username="nobody", password="x")) is None


def test_an_applicant_sees_only_their_own_sites(client, applicant, hosted_site, other_tenant):
    from beian.hosting.models import HostedSite

    HostedSite.objects.create(organisation=other_tenant.memberships.get().organisation, slug="other", title="别家网站")
    client.force_login(applicant)
    page = client.get("/apply/").content.decode()
    assert "示例科技官网" in page and "别家网站" not in page
    client.force_login(other_tenant)
    assert client.post(f"/apply/sites/{hosted_site.pk}/start/").status_code == 404


def test_pages_speak_the_users_language_unless_a_cookie_says_otherwise(client, applicant):
    client.force_login(applicant)
    assert "我的网站" in client.get("/apply/").content.decode()
    applicant.language = "en"
    applicant.save(update_fields=["language"])
    assert "My sites" in client.get("/apply/").content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert "我的网站" in client.get("/apply/").content.decode()


def test_a_membership_is_unique_per_user_and_organisation(applicant, organisation):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=applicant, organisation=organisation)


# --- API tokens ---------------------------------------------------------------------------------


def test_an_issued_token_is_stored_only_as_its_hash(applicant):
    token, key = ApiToken.issue(applicant, name="partner")
    assert key.startswith("bk_") and len(key) > 40
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest() == ApiToken.hash(key)
    assert stored.prefix == key[:8] and stored.name == "partner"
    values = [str(v) for v in ApiToken.objects.filter(pk=token.pk).values().get().values()]
    assert key not in values


def test_each_token_is_new(applicant):
    (first, key1), (second, key2) = ApiToken.issue(applicant), ApiToken.issue(applicant)
    assert key1 != key2 and first.key_hash != second.key_hash
    assert ApiToken.hash(key1) != ApiToken.hash(key1 + "x")


def test_a_token_authenticates_the_api_only_with_the_exact_key(applicant):
    _token, key = ApiToken.issue(applicant)
    api = Client()
    assert api.get("/api/v1/orders", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    assert api.get("/api/v1/orders", HTTP_AUTHORIZATION=f"Bearer {key[:-1]}").status_code == 401
    assert api.get("/api/v1/orders").status_code == 401
