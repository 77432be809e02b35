"""Django's admin reads as a person would: every registered model's list and change page opens in
Chinese and in English, names its rows (no "OrderEvent object (1)"), shows status, filing type and
event labels instead of stored codes (PENDING_PROVIDER_REVIEW, FIRST_FILING), and in English its
headings and field names carry no Chinese (reference *values*, a province's name, may)."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import result_headers
from django.urls import reverse
from django.utils import translation

from beian.accounts.models import ApiToken, User
from beian.core import clock
from beian.filings import states
from beian.notifications.models import Delivery, Notification, NotificationPreference
from beian.reference.models import FilingType

HAN = re.compile(r"[\u4e00-\u9fff]")
BEIAN_MODELS = [m for m in admin.site._registry if m.__module__.startswith("beian.")]
STATES = (states.DRAFT, states.PENDING_PROVIDER_REVIEW, states.PROVIDER_NEEDS_CHANGES, states.APPROVED)


def visible_text(content: bytes) -> str:
    """What a reader sees: the page without its tags, attributes (filter links carry codes) and scripts."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", content.decode(), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.fixture
def seeded(orders, applicant):

    built = [orders.build(state, overrides={"websites[0].domain": f"admin-{i}.cn"}) for i, state in enumerate(STATES)]
    ApiToken.issue(applicant, name="deploy")
    # a key's first letters are random; these are the worst draw, underscores inside (`bk_ab_cd…`)
    ApiToken.objects.filter(user=applicant).update(prefix="bk_ab_cd")
    Notification.objects.create(
        user=applicant, order=built[0], kind="approved", dedupe_key="k1", title="备案已通过", created_at=clock.now()
    )
    NotificationPreference.objects.create(user=applicant, kind="approved", in_app=True, email=False, sms=False)
    Delivery.objects.create(dedupe_key="k1", channel="email", recipient=f"user:{applicant.pk}", created_at=clock.now())
    return built


@pytest.fixture
def root_client(client, db):
    root = User.objects.create_superuser(username="root", password="pw-root-admin", email="root@example.com")
    client.force_login(root)
    return client


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_admin_page_opens_and_names_its_rows(root_client, seeded, language):
    root_client.cookies["django_language"] = language
    for model in BEIAN_MODELS:
        opts = model._meta
        changelist = root_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        assert changelist.status_code == 200, model
        text = visible_text(changelist.content)
        assert "object (" not in text, model
        first = model._default_manager.first()
        if first is None:
            continue
        change = root_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]))
        assert change.status_code == 200, model
        assert "object (" not in visible_text(change.content), model
        if language == "en":
            headers = [str(h["text"]) for h in result_headers(changelist.context["cl"])]
            assert not [h for h in headers if HAN.search(h)], (model, headers)


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_order_list_shows_status_and_filing_type_labels_not_codes(root_client, seeded, language):
    root_client.cookies["django_language"] = language
    text = visible_text(root_client.get(reverse("admin:filings_order_changelist")).content)
    codes = set(states.ALL) | set(FilingType.objects.values_list("code", flat=True))
    assert not [code for code in codes if re.search(rf"\b{code}\b", text)]
    with translation.override(language):
        assert str(FilingType.objects.get(code="FIRST_FILING").localized_name) in text
        assert str(seeded[1].status_label) in text  # 待接入商审核 / Awaiting provider review


def test_order_timeline_in_the_admin_reads_as_events(root_client, seeded):
    root_client.cookies["django_language"] = "en"
    order = seeded[3]  # approved: created, submitted, claimed, approved, accepted, verified, filed
    text = visible_text(root_client.get(reverse("admin:filings_order_change", args=[order.pk])).content)
    assert "Submitted for provider review" in text
    assert "Awaiting provider review" in text  # the submit event's to-status
    assert not re.search(r"\b(regulator_approved|PENDING_PROVIDER_REVIEW|FIRST_FILING)\b", text)


def test_record_events_show_their_action(root_client, seeded):
    root_client.cookies["django_language"] = "en"
    text = visible_text(root_client.get(reverse("admin:filings_recordevent_changelist")).content)
    assert "Subject filed" in text
    assert "subject_filed" not in text


def test_names_and_labels_are_translated_in_both_languages():
    """English: no Chinese in any model's or field's name; Chinese: every model's plural name translated."""
    for model in BEIAN_MODELS:
        opts = model._meta
        with translation.override("en"):
            names = [str(opts.verbose_name), str(opts.verbose_name_plural)]
            names += [str(f.verbose_name) for f in opts.fields]
            assert not [n for n in names if HAN.search(n)], (model, names)
        with translation.override("zh-hans"):
            assert HAN.search(str(opts.verbose_name_plural)), model


# a stored code: FIRST_FILING, PENDING_PROVIDER_REVIEW, business_licence, owner_id_front__1
STORED_CODE = re.compile(r"\b(?:[A-Z]{2,}_[A-Z0-9_]+|[a-z]+_[a-z0-9_]+)\b")
# the first characters of an API key (`bk_…`, `bp_…`): an identifier the admin shows to tell keys apart, not a code
KEY_PREFIX = re.compile(r"(?:bk|bp)_[\w-]+")
# reference tables list their codes on purpose: the code is the row's key, shown beside its names
KEYED_BY_CODE = {"reference", "materials.materialrequirement"}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_list_columns_show_labels_not_stored_codes(root_client, seeded, language):
    """Every list outside the reference tables reads as words: a material is named by its document
    (营业执照 / Subject certificate), a status or a kind by its label."""
    root_client.cookies["django_language"] = language
    coded = {}
    for model in BEIAN_MODELS:
        opts = model._meta
        if opts.app_label in KEYED_BY_CODE or opts.label_lower in KEYED_BY_CODE:
            continue
        content = root_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).content
        rows = "".join(re.findall(r"<tbody>(.*?)</tbody>", content.decode(), flags=re.S))
        if found := sorted(set(STORED_CODE.findall(KEY_PREFIX.sub("", visible_text(rows.encode()))))):
            coded[opts.label] = found
    assert coded == {}
    materials = visible_text(root_client.get(reverse("admin:materials_material_changelist")).content)
    assert ("Subject certificate" if language == "en" else "主体证件（营业执照等）") in materials


def test_material_requirements_list_their_document_names(root_client, seeded):
    root_client.cookies["django_language"] = "en"
    text = visible_text(root_client.get(reverse("admin:materials_materialrequirement_changelist")).content)
    assert "Website owner holding their ID" in text and "business_licence" in text  # the name beside its key
