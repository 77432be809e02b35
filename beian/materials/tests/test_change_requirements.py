"""The materials a change of a filed record asks for: only what changed, plus the province add-ons
of reference data (rules file §1.5, §4.1, §4.4, §11); a cancellation asks for none."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pypdfium2
import pytest

from beian.core.exceptions import ValidationFailed
from beian.demo.orders import make_id_number
from beian.filings import services, states
from beian.filings.models import Person, Subject, SubjectFiling
from beian.filings.precheck import order_precheck
from beian.materials import change_slots
from beian.materials.requirements import SEED_PATH, province_addons
from beian.materials.services import material_findings, order_requirements, verification_form_pdf
from beian.reference.loader import read_seed
from tests.builders import BEIJING, RECORDED, OrderBuilder, upload_materials

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _recorded_checks():
    """Which slots a change asks for, not what the checks find (the other tests here run them for
    real): recorded check results, as the root conftest gives every test outside this folder."""
    with RECORDED.installed():
        yield


NEW_PERSON = "李四"
NEW_ID = make_id_number("110108", "19900307", 215)
NEW_PRINCIPAL = {  # another person as the website principal, with contacts of their own
    "websites[0].principal.name": NEW_PERSON,
    "websites[0].principal.certificate_number": NEW_ID,
    "websites[0].principal.mobile": "13800138123",
    "websites[0].principal.email": "lisi@example.com",
}


def _slots(order) -> list[str]:
    return [r.slot for r in order_requirements(order)]


def _filed_in(orders, province: str) -> None:
    """The tenant's filed subject, moved to `province` (as if it had been filed there)."""
    record = orders.filed_record()
    SubjectFiling.objects.filter(pk=record.pk).update(province=province)
    Subject.objects.filter(pk=record.subject_id).update(province=province)


def test_a_website_name_change_needs_only_the_signed_form(orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).draft()
    assert _slots(order) == ["verification_form"]


def test_a_new_website_principal_needs_their_id_card_and_face_photo(orders):
    order = orders.against_record("CHANGE_WEBSITE", values=NEW_PRINCIPAL).draft()
    assert _slots(order) == ["owner_id_front", "owner_id_back", "owner_photo", "verification_form"]
    assert {f.field for f in order_precheck(order).missing_materials} == {f"materials.{s}" for s in _slots(order)}


def test_a_renamed_subject_needs_its_licence_and_the_name_change_letter(orders):
    order = orders.against_record("CHANGE_SUBJECT", values={"subject.name": "北京示例新科技有限公司"}).draft()
    assert _slots(order) == ["business_licence", "name_change_letter", "verification_form"]


def test_qinghai_asks_for_the_full_image_set_on_any_change(orders):
    _filed_in(orders, "63")
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).draft()
    assert _slots(order) == [
        "business_licence",
        "legal_rep_id_front",
        "legal_rep_id_back",
        "owner_id_front",
        "owner_id_back",
        "owner_photo",
        "verification_form",
    ]


def test_hunan_adds_a_new_authorisation_letter_when_the_principal_changes(orders):
    _filed_in(orders, "43")
    order = orders.against_record("CHANGE_WEBSITE", values=NEW_PRINCIPAL).draft()
    assert _slots(order) == [
        "owner_id_front",
        "owner_id_back",
        "owner_photo",
        "authorisation_letter",
        "verification_form",
    ]
    # even when the new principal is the legal representative (no authorisation otherwise needed)
    Person.objects.filter(pk=order.website.principal_id).update(is_legal_representative=True)
    assert "authorisation_letter" in _slots(OrderBuilder._fresh(order))
    Subject.objects.filter(pk=order.subject_id).update(province="11")
    assert "authorisation_letter" not in _slots(OrderBuilder._fresh(order))


def test_hunan_asks_no_authorisation_letter_for_a_name_change(orders):
    _filed_in(orders, "43")
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).draft()
    assert "authorisation_letter" not in _slots(order)


@pytest.mark.parametrize("filing_type", ["CANCEL_WEBSITE", "CANCEL_SUBJECT", "CANCEL_ACCESS", "CHANGE_ACCESS"])
def test_cancellations_and_access_changes_need_no_materials_and_print_no_form(orders, filing_type):
    order = orders.against_record(filing_type).draft()
    assert order_requirements(order) == []
    assert not order_precheck(order).missing_materials
    with pytest.raises(ValidationFailed) as refused:
        verification_form_pdf(order)
    assert refused.value.code == "form.not_needed"


def test_an_approved_name_change_uploads_only_its_form(orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).approved(
        acknowledge_warnings=True
    )
    assert order.status == states.APPROVED
    assert sorted(order.materials.values_list("slot", flat=True)) == ["verification_form"]


def test_an_approved_principal_change_uploads_the_new_principals_documents(organisation, applicant, hosted_site):
    OrderBuilder(organisation=organisation, user=applicant, site=hosted_site).filed_record()
    # the new principal's sample ID card (their name and number) and the same photo
    new_principal = replace(BEIJING, person=NEW_PERSON, id_number=NEW_ID)
    builder = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, profile=new_principal)
    order = builder.against_record("CHANGE_WEBSITE", values=NEW_PRINCIPAL).approved(acknowledge_warnings=True)
    assert order.status == states.APPROVED
    assert sorted(order.materials.values_list("slot", flat=True)) == sorted(
        ["owner_id_front", "owner_id_back", "owner_photo", "verification_form"]
    )


def test_a_renamed_subject_is_approved_with_the_name_change_letter(organisation, applicant, hosted_site):
    OrderBuilder(organisation=organisation, user=applicant, site=hosted_site).filed_record()
    renamed = replace(BEIJING, company="北京示例新科技有限公司")  # the licence drawn with the new name
    builder = OrderBuilder(organisation=organisation, user=applicant, site=hosted_site, profile=renamed)
    order = builder.against_record("CHANGE_SUBJECT", values={"subject.name": renamed.company}).approved(
        acknowledge_warnings=True
    )
    assert order.status == states.APPROVED
    assert set(order.materials.values_list("slot", flat=True)) == {
        "business_licence",
        "name_change_letter",
        "verification_form",
    }


def test_a_material_the_change_no_longer_asks_for_holds_nothing_up(orders):
    order = orders.against_record("CHANGE_WEBSITE", values=NEW_PRINCIPAL).draft()
    # an upload that fails its check (the filed principal's card, not the new one's)
    upload_materials(order, orders.user, slots=["owner_id_front"])
    assert any(f.field == "materials.owner_id_front" for f in material_findings(order))
    filed = order.website.website_filing.website.principal
    services.order_update(
        order=order,
        user=orders.user,
        values={
            "websites[0].principal.name": filed.name,
            "websites[0].principal.certificate_number": filed.certificate_number,
        },
    )
    order = OrderBuilder._fresh(order)
    assert "owner_id_front" not in _slots(order)
    assert not any(f.field == "materials.owner_id_front" for f in material_findings(order))
    assert order.materials.filter(slot="owner_id_front", is_current=True).exists()  # kept for the reviewer


def test_the_form_of_a_change_says_it_is_a_change_and_names_the_record(orders):
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).draft()
    document = pypdfium2.PdfDocument(io.BytesIO(verification_form_pdf(order)))
    text = document[0].get_textpage().get_text_bounded()
    document.close()
    assert "备案类型：变更网站" in text and record.filing_number in text


def test_the_form_of_a_first_filing_says_so(orders):
    order = orders.draft()
    document = pypdfium2.PdfDocument(io.BytesIO(verification_form_pdf(order)))
    text = document[0].get_textpage().get_text_bounded()
    document.close()
    assert "备案类型：首次备案" in text and "备案号" not in text


def test_the_province_add_ons_are_reference_data_naming_slots_of_the_matrix():
    seed = read_seed()["change_materials"]
    assert seed["confidence"] == "varies" and "§1.5" in seed["source"] and "§11" in seed["source"]
    matrix = {row["slot"] for row in json.loads(SEED_PATH.read_text(encoding="utf-8"))["requirements"]}
    by_province = {}
    for addon in seed["addons"]:
        assert addon["when"] in change_slots.TRIGGERS, addon
        assert set(addon["materials"]) <= matrix, addon
        by_province.setdefault(addon["province"], []).append(addon["when"])
    assert by_province == {"43": ["principal_changed"], "52": ["principal_changed"], "63": ["any_change"]}


def test_an_operator_edit_of_the_add_ons_applies(orders):
    from beian.reference.models import ReferenceSetting

    setting = ReferenceSetting.objects.get(key="change_materials")
    setting.value = {
        **setting.value,
        "addons": [{"province": "11", "when": "any_change", "materials": ["owner_photo"]}],
    }
    setting.save()
    assert province_addons("11") == (change_slots.Addon("any_change", ("owner_photo",)),)
    record = orders.filed_record().websites.get()
    order = orders.against_record("CHANGE_WEBSITE", values={"websites[0].name": record.name + "新版"}).draft()
    assert _slots(order) == ["owner_photo", "verification_form"]
