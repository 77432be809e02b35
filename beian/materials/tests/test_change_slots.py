"""Which material slots a change asks for (materials.change_slots): the pure mapping, as a table."""

from __future__ import annotations

import pytest

from beian.materials.change_slots import ANY_CHANGE, PRINCIPAL_CHANGED, Addon, ChangeInput, change_slots

PER_WEBSITE = frozenset({"owner_id_front", "owner_id_back", "owner_photo", "domain_certificate", "verification_form"})
FULL_SET = (
    "business_licence",
    "legal_rep_id_front",
    "legal_rep_id_back",
    "owner_id_front",
    "owner_id_back",
    "owner_photo",
)


def slots(holder: str = "organisation", *, paths=(), websites: int = 1, **kwargs) -> set[str]:
    change = ChangeInput(
        holder=holder, website_count=websites, changed_paths=frozenset(paths), per_website=PER_WEBSITE, **kwargs
    )
    return set(change_slots(change))


@pytest.mark.parametrize(
    "paths,expected",
    [
        # the website's own data: only its signed form
        (["websites[0].name"], {"verification_form"}),
        (["websites[0].service_contents", "websites[0].remark"], {"verification_form"}),
        # the same website principal with a new mobile: the form prints it, no document shows it
        (["websites[0].principal.mobile"], {"verification_form"}),
        # another person: their ID card and face photo
        (
            ["websites[0].principal.name", "websites[0].principal.certificate_number"],
            {"owner_id_front", "owner_id_back", "owner_photo", "verification_form"},
        ),
        # the same person's renewed ID card: the card, no new face check
        (["websites[0].principal.certificate_valid_until"], {"owner_id_front", "owner_id_back", "verification_form"}),
        # the subject's certificate address: the licence
        (["subject.certificate_address"], {"business_licence", "verification_form"}),
        # renamed (the credit code cannot change): the licence and the name-change letter
        (["subject.name"], {"business_licence", "name_change_letter", "verification_form"}),
        # a new legal representative: their ID card
        (
            ["subject.principal.name", "subject.principal.certificate_number"],
            {"legal_rep_id_front", "legal_rep_id_back", "verification_form"},
        ),
        (["subject.mailing_address", "subject.office_phone"], {"verification_form"}),
    ],
)
def test_an_organisation_files_the_documents_of_what_changed(paths, expected):
    assert slots(paths=paths) == expected


def test_an_individual_shows_a_new_name_or_address_on_their_id_card():
    # an individual's certificate is their ID card (rules file §4.1): websites[0]'s owner ID
    assert slots("person", paths=["subject.certificate_address"]) == {
        "owner_id_front",
        "owner_id_back",
        "verification_form",
    }
    assert slots("person", paths=["subject.principal.name"]) == {
        "owner_id_front",
        "owner_id_back",
        "owner_photo",
        "verification_form",
    }


def test_the_slots_of_a_later_website_carry_its_index():
    assert slots(paths=["websites[1].principal.name"], websites=2) == {
        "owner_id_front__1",
        "owner_id_back__1",
        "owner_photo__1",
        "verification_form__1",
    }


def test_a_subject_change_needs_the_form_of_every_website_it_prints_on():
    assert slots(paths=["subject.office_phone"], websites=2) == {"verification_form", "verification_form__1"}


def test_domains_added_need_the_domain_certificate_and_removed_ones_only_the_form():
    assert slots(domains_added=frozenset({0})) == {"domain_certificate", "verification_form"}
    assert slots(domains_removed=frozenset({0})) == {"verification_form"}


def test_nothing_changed_yet_still_shows_the_orders_form():
    assert slots() == {"verification_form"}


@pytest.mark.parametrize(
    "legal_rep,province_asks,expected",
    [
        (False, True, True),  # a new website principal who is not the legal representative
        (True, True, False),  # the legal representative needs no authorisation
        (None, True, False),  # nothing says: the field rule warns instead
        (False, False, False),  # the province does not ask
    ],
)
def test_authorisation_letter_for_a_new_website_principal_who_is_not_the_legal_rep(legal_rep, province_asks, expected):
    needed = slots(
        paths=["websites[0].principal.name"],
        website_principals_are_legal_rep=(legal_rep,),
        website_principal_authorisation=province_asks,
    )
    assert ("authorisation_letter" in needed) is expected


def test_authorisation_letter_for_a_new_subject_principal_who_is_not_the_legal_rep():
    needed = slots(
        paths=["subject.principal.name"], subject_principal_is_legal_rep=False, subject_principal_authorisation=True
    )
    assert "authorisation_letter" in needed
    assert "authorisation_letter" not in slots(paths=["subject.principal.name"], subject_principal_is_legal_rep=False)


def test_hunan_and_guizhou_add_a_new_authorisation_letter_when_a_principal_changes():
    hunan = (Addon(PRINCIPAL_CHANGED, ("authorisation_letter",)),)
    assert "authorisation_letter" in slots(paths=["websites[0].principal.name"], addons=hunan)
    assert "authorisation_letter" in slots(paths=["subject.principal.certificate_number"], addons=hunan)
    # the same principal's mobile, or the website's name: no new authorisation
    assert "authorisation_letter" not in slots(paths=["websites[0].principal.mobile"], addons=hunan)
    assert "authorisation_letter" not in slots(paths=["websites[0].name"], addons=hunan)


def test_qinghai_asks_for_the_full_image_set_on_any_change():
    qinghai = (Addon(ANY_CHANGE, FULL_SET),)
    assert slots(paths=["websites[0].name"], addons=qinghai) == {*FULL_SET, "verification_form"}
    # every website of the order gets its own per-website images
    assert {"owner_id_front__1", "owner_photo__1"} <= slots(paths=["subject.name"], websites=2, addons=qinghai)
    # nothing changed yet: the add-on waits for a change
    assert slots(addons=qinghai) == {"verification_form"}


def test_each_slot_says_why():
    change = ChangeInput(
        holder="organisation",
        website_count=1,
        changed_paths=frozenset({"subject.name"}),
        addons=(Addon(ANY_CHANGE, ("owner_photo",)),),
    )
    why = change_slots(change)
    assert why["name_change_letter"].startswith("subject.name changed")
    assert why["owner_photo"] == "province add-on (any_change)"
