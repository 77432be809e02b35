"""What a platform provisions in accounts: organisations, users and memberships by its own ids, idempotent,
validated before anything is written, audited; users deactivated, never deleted; organisations with a
filing history kept."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import Client
from django.urls import reverse

from beian.accounts import provisioning
from beian.accounts.models import Membership, Organisation, Platform, User
from beian.core import clock
from beian.core.exceptions import Conflict, NotFound, ValidationFailed
from beian.core.models import AuditEvent


@pytest.fixture
def other_platform(db):
    return Platform.objects.create(name="另一个建站平台", slug="otherbuilder")


def test_an_organisation_put_twice_is_made_once_and_the_second_answer_is_unchanged(platform):
    first = provisioning.organisation_upsert(platform=platform, external_id="acct-9", name="杭州新客户有限公司")
    again = provisioning.organisation_upsert(platform=platform, external_id="acct-9", name="杭州新客户有限公司")
    assert first.created and first.status == "created"
    assert not again.created and again.status == "unchanged" and again.row.pk == first.row.pk
    assert Organisation.objects.filter(platform=platform, external_id="acct-9").count() == 1
    assert AuditEvent.objects.filter(action="organisation.provisioned", target_id=str(first.row.pk)).count() == 1


def test_a_renamed_organisation_is_updated_and_its_updated_at_moves(platform):
    made = provisioning.organisation_upsert(platform=platform, external_id="acct-9", name="旧名称有限公司")
    clock.advance(hours=1)
    renamed = provisioning.organisation_upsert(platform=platform, external_id="acct-9", name="新名称有限公司")
    assert renamed.status == "updated" and renamed.row.name == "新名称有限公司"
    assert renamed.row.updated_at > made.row.updated_at
    event = AuditEvent.objects.get(action="organisation.renamed")
    assert event.data == {"before": "旧名称有限公司", "after": "新名称有限公司"}


@pytest.mark.parametrize(
    ("external_id", "name", "code"),
    [
        ("", "名称", "provisioning.external_id_invalid"),
        ("a/b", "名称", "provisioning.external_id_invalid"),
        ("x" * 101, "名称", "provisioning.external_id_invalid"),
        ("acct-9", "  ", "provisioning.name_required"),
        ("acct-9", "名" * 201, "provisioning.name_too_long"),
    ],
)
def test_a_bad_organisation_is_refused_and_nothing_is_made(platform, external_id, name, code):
    before = Organisation.objects.count()
    with pytest.raises(ValidationFailed) as refused:
        provisioning.organisation_upsert(platform=platform, external_id=external_id, name=name)
    assert refused.value.code == code
    assert Organisation.objects.count() == before


def test_the_same_external_id_on_two_platforms_is_two_organisations(platform, other_platform):
    ours = provisioning.organisation_upsert(platform=platform, external_id="acct-1", name="北京示例科技有限公司")
    theirs = provisioning.organisation_upsert(platform=other_platform, external_id="acct-1", name="别家的客户")
    assert not ours.created  # the `platform` fixture's organisation is acct-1
    assert theirs.created and theirs.row.pk != ours.row.pk
    with pytest.raises(NotFound):
        provisioning.platform_organisation(platform=other_platform, external_id="acct-9")


def test_an_organisation_without_history_is_removed_with_its_memberships(platform, applicant, organisation):
    provisioning.organisation_remove(organisation=organisation, actor_label="platform:sitebuilder")
    assert not Organisation.objects.filter(pk=organisation.pk).exists()
    assert not Membership.objects.filter(user=applicant).exists()
    assert User.objects.filter(pk=applicant.pk).exists()
    assert AuditEvent.objects.filter(action="organisation.removed", organisation_id=organisation.pk).exists()


def test_an_organisation_with_a_filing_order_is_kept(platform, orders, organisation):
    orders.draft()
    with pytest.raises(Conflict) as refused:
        provisioning.organisation_remove(organisation=organisation)
    assert refused.value.code == "provisioning.organisation_has_filings" and refused.value.status == 409
    assert "filing history" in refused.value.message or "备案" in refused.value.message
    assert Organisation.objects.filter(pk=organisation.pk).exists()
    assert organisation.orders.count() == 1


def test_a_user_is_made_without_a_password_and_put_again_unchanged(platform):
    made = provisioning.user_upsert(platform=platform, external_id="u-1", name="张三", email="zhang@example.com")
    again = provisioning.user_upsert(platform=platform, external_id="u-1", name="张三", email="zhang@example.com")
    user = made.row
    assert made.created and again.status == "unchanged" and again.row.pk == user.pk
    assert user.username == "sitebuilder.u-1" and not user.has_usable_password()
    assert user.first_name == "张三" and user.role == User.Role.APPLICANT


def test_a_user_put_without_email_clears_it(platform):
    provisioning.user_upsert(platform=platform, external_id="u-1", name="张三", email="zhang@example.com")
    updated = provisioning.user_upsert(platform=platform, external_id="u-1", name="张三")
    assert updated.status == "updated" and updated.row.email == ""


def test_a_bad_email_is_refused(platform):
    with pytest.raises(ValidationFailed) as refused:
        provisioning.user_upsert(platform=platform, external_id="u-1", name="张三", email="not-an-address")
    assert refused.value.code == "provisioning.email_invalid" and refused.value.field == "email"
    assert not User.objects.filter(external_id="u-1").exists()


def test_a_removed_user_is_deactivated_not_deleted_and_can_no_longer_sign_in(platform, organisation, orders):
    user = provisioning.user_upsert(platform=platform, external_id="u-1", name="张三").row
    user.set_password("pw-u1")
    user.save()
    provisioning.membership_set(organisation=organisation, user=user, role="owner")
    order = orders.draft()
    order.created_by = user
    order.save(update_fields=["created_by"])
    browser = Client()
    browser.force_login(user)
    assert browser.get(reverse("applicant:dashboard")).status_code == 200

    removed = provisioning.user_remove(user=user, actor_label="platform:sitebuilder")
    assert removed.status == "updated"
    user.refresh_from_db()
    order.refresh_from_db()
    assert not user.is_active and order.created_by_id == user.pk  # the order still names who made it
    assert Membership.objects.filter(user=user, organisation=organisation).exists()
    assert authenticate(username=user.username, password="pw-u1") is None
    assert browser.get(reverse("applicant:dashboard")).status_code == 302  # their session ended
    assert provisioning.user_remove(user=user).status == "unchanged"
    # a PUT brings the user back, where they were
    back = provisioning.user_upsert(platform=platform, external_id="u-1", name="张三")
    assert back.status == "updated" and back.row.is_active
    assert AuditEvent.objects.filter(action="user.reactivated", target_id=str(user.pk)).exists()


def test_membership_roles_are_set_idempotently_and_removed(platform, organisation):
    user = provisioning.user_upsert(platform=platform, external_id="u-1", name="张三").row
    assert provisioning.membership_set(organisation=organisation, user=user, role="member").created
    assert provisioning.membership_set(organisation=organisation, user=user, role="member").status == "unchanged"
    promoted = provisioning.membership_set(organisation=organisation, user=user, role="owner")
    assert promoted.status == "updated" and promoted.row.role == "owner"
    with pytest.raises(ValidationFailed) as refused:
        provisioning.membership_set(organisation=organisation, user=user, role="admin")
    assert refused.value.code == "provisioning.role_invalid"
    provisioning.membership_remove(organisation=organisation, user=user)
    assert not Membership.objects.filter(user=user).exists()
    with pytest.raises(NotFound) as missing:
        provisioning.membership_remove(organisation=organisation, user=user)
    assert missing.value.code == "provisioning.membership_not_found"


def test_a_membership_across_platforms_is_refused(platform, other_platform, organisation):
    stranger = provisioning.user_upsert(platform=other_platform, external_id="u-1", name="李四").row
    with pytest.raises(NotFound) as refused:
        provisioning.membership_set(organisation=organisation, user=stranger, role="member")
    assert refused.value.code == "provisioning.user_not_found"
    assert not Membership.objects.filter(user=stranger).exists()


def test_an_operator_creates_a_platform_once(operator):
    made = provisioning.platform_create(name="示例建站平台", slug="SiteBuilder", actor=operator)
    assert made.slug == "sitebuilder"
    with pytest.raises(ValidationFailed) as taken:
        provisioning.platform_create(name="again", slug="sitebuilder", actor=operator)
    assert taken.value.code == "platform.slug_taken"
    with pytest.raises(ValidationFailed) as bad:
        provisioning.platform_create(name="bad", slug="site builder", actor=operator)
    assert bad.value.code == "platform.slug_invalid"
    assert Platform.objects.count() == 1
    assert AuditEvent.objects.filter(action="platform.created", actor=operator).count() == 1
