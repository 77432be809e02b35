"""validate_order: cross-field, province-matrix and filing-type rules over whole orders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from beian.rules import detect_filing_type, validate_order
from beian.rules.model import DomainFacts, ExistingFilings, OrderInput, WebsiteInput
from beian.rules.tests.builders import (
    BEIJING,
    ENTERPRISE,
    SHANGHAI,
    TODAY,
    enterprise_order,
    individual_order,
    make_resident_id,
    make_uscc,
    person,
)
from beian.rules.tests.conftest import codes, pairs

TIANJIN, JILIN, SHANXI, SHAANXI, HEBEI = "12", "22", "14", "61", "13"


@pytest.fixture
def validate(ref):
    def run(order: OrderInput, *, complete: bool = False):
        return validate_order(order, ref, today=TODAY, complete=complete)

    return run


def enterprise_in(province: str, region: str, city: str) -> OrderInput:
    """The enterprise order moved to another province, with a local USCC and address."""
    order = enterprise_order()
    order.subject.province = province
    order.subject.certificate_number = make_uscc(1, region=region)
    order.subject.certificate_address = f"{city}示例路1号"
    return order


@pytest.mark.parametrize("build", [enterprise_order, individual_order])
@pytest.mark.parametrize("complete", [False, True])
def test_complete_orders_written_from_the_rules_have_no_findings(validate, build, complete):
    assert validate(build(3), complete=complete) == []


def test_empty_order_is_valid_input_and_only_the_pre_submit_check_lists_what_is_missing(validate):
    assert validate(OrderInput()) == []
    missing = {f.field for f in validate(OrderInput(), complete=True)}
    assert {
        "subject.nature",
        "subject.name",
        "subject.certificate_number",
        "subject.principal.mobile",
        "websites",
    } <= missing
    assert codes(validate(OrderInput(), complete=True)) == {"order.field.required"}


def test_pre_submit_check_of_a_website_lists_its_empty_fields(validate):
    order = enterprise_order()
    order.websites[0] = WebsiteInput(name="示例科技产品介绍")
    missing = {f.field for f in validate(order, complete=True)}
    assert {
        "websites[0].domain",
        "websites[0].service_contents",
        "websites[0].languages",
        "websites[0].pre_approvals",
        "websites[0].principal.name",
    } <= missing
    assert "websites[0].name" not in missing


def test_personal_site_needs_a_remark_before_submitting(validate):
    order = individual_order()
    order.websites[0].remark = ""
    assert ("order.field.required", "websites[0].remark") in pairs(validate(order, complete=True))


@pytest.mark.parametrize(
    ("subject_filed", "domain_filed", "same_subject", "expected"),
    [
        (False, False, False, "FIRST_FILING"),
        (True, False, False, "NEW_WEBSITE"),
        (True, True, True, "NEW_ACCESS"),
        (True, True, False, "WEBSITE_MIGRATION"),
        (False, True, False, "WEBSITE_MIGRATION"),
    ],
)
def test_detect_filing_type(subject_filed, domain_filed, same_subject, expected):
    assert detect_filing_type(subject_filed, domain_filed, same_subject) == expected


@pytest.mark.parametrize(
    ("filing_type", "existing", "expected"),
    [
        ("FIRST_FILING", ExistingFilings(subject_filed=True), "NEW_WEBSITE"),
        ("FIRST_FILING", ExistingFilings(subject_filed=True, filed_domains=["demo-shop-0.cn"]), "NEW_ACCESS"),
        ("NEW_WEBSITE", ExistingFilings(), "FIRST_FILING"),
        ("NEW_ACCESS", ExistingFilings(subject_filed=True), "NEW_WEBSITE"),
        ("NEW_WEBSITE", ExistingFilings(subject_filed=True, filed_domains=["WWW.Demo-Shop-0.cn"]), "NEW_ACCESS"),
    ],
)
def test_filing_type_that_contradicts_existing_filings_is_type_wrong(validate, filing_type, existing, expected):
    order = enterprise_order()
    order.filing_type, order.existing = filing_type, existing
    findings = [f for f in validate(order) if f.code == "order.filing_type.wrong"]
    assert [(f.field, f.params["expected"], f.rejection_reason) for f in findings] == [
        ("filing_type", expected, "TYPE_WRONG")
    ]


def test_right_filing_types_pass(validate):
    order = enterprise_order()
    order.filing_type = "NEW_ACCESS"
    order.existing = ExistingFilings(subject_filed=True, filed_domains=["demo-shop-0.cn"])
    assert validate(order) == []
    order.filing_type, order.existing = "NEW_WEBSITE", ExistingFilings(subject_filed=True)
    assert validate(order) == []


def test_domain_filed_under_another_subject_is_a_conflict(validate):
    order = enterprise_order()
    order.existing = ExistingFilings(domains_filed_elsewhere=["demo-shop-0.cn"])
    findings = validate(order)
    assert pairs(findings) == {("website.domain.filed_by_other_subject", "websites[0].domain")}
    assert findings[0].rejection_reason == "DOMAIN_ALREADY_FILED"


def test_unknown_filing_type(validate):
    order = enterprise_order()
    order.filing_type = "FIRST"
    assert pairs(validate(order)) == {("order.filing_type.unknown", "filing_type")}


def test_change_orders_are_not_type_checked(validate):
    order = enterprise_order()
    order.filing_type, order.existing = "CHANGE_WEBSITE", ExistingFilings(subject_filed=True)
    assert validate(order) == []


@pytest.mark.parametrize(
    ("province", "region", "city", "blocked"),
    [(HEBEI, "130000", "河北省石家庄市", True), (BEIJING, "110000", "北京市", False)],
)
def test_empty_shell_subject_may_add_a_website_only_where_the_province_allows(
    validate, province, region, city, blocked
):
    order = enterprise_in(province, region, city)
    order.filing_type = "NEW_WEBSITE"
    order.existing = ExistingFilings(subject_filed=True, subject_is_empty_shell=True)
    assert (("subject.empty_shell.cannot_add_website", "filing_type") in pairs(validate(order))) is blocked


@pytest.mark.parametrize(
    ("filing_type", "error"), [("FIRST_FILING", True), ("NEW_WEBSITE", True), ("NEW_ACCESS", False)]
)
def test_one_domain_per_website_on_new_filings(validate, filing_type, error):
    order = enterprise_order()
    order.filing_type = filing_type
    order.existing = ExistingFilings(
        subject_filed=filing_type != "FIRST_FILING",
        filed_domains=["demo-shop-0.cn"] if filing_type == "NEW_ACCESS" else [],
    )
    order.websites[0].extra_domains = ["demo-shop-0.com.cn"]
    findings = validate(order)
    assert (("website.domain.extra_on_new_filing", "websites[0].extra_domains") in pairs(findings)) is error


def test_extra_domains_are_checked_like_the_domain(validate):
    order = enterprise_order()
    order.filing_type = "NEW_ACCESS"
    order.existing = ExistingFilings(subject_filed=True, filed_domains=["demo-shop-0.cn"])
    order.websites[0].extra_domains = ["demo-shop.io"]
    assert pairs(validate(order)) == {("website.domain.tld_not_approved", "websites[0].extra_domains[0]")}


def test_a_domain_listed_on_two_websites(validate):
    order = enterprise_order()
    second = enterprise_order().websites[0]
    second.domain = "WWW.DEMO-SHOP-0.CN"
    second.principal = order.websites[0].principal
    order.websites.append(second)
    findings = [f for f in validate(order) if f.code == "website.domain.duplicated_in_order"]
    assert [(f.field, f.params["other"]) for f in findings] == [("websites[1].domain", "websites[0].domain")]


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            DomainFacts(
                "demo-shop-0.cn",
                registrant="上海另一家公司有限公司",
                real_name_verified=True,
                expires_on=TODAY + timedelta(days=400),
            ),
            {"website.domain.registrant_mismatch"},
        ),
        (
            DomainFacts(
                "demo-shop-0.cn", registrant="张三", real_name_verified=True, expires_on=TODAY + timedelta(days=400)
            ),
            {"website.domain.registrant_is_principal"},
        ),
        (
            DomainFacts("demo-shop-0.cn", registrant="北京示例科技有限公司 ", real_name_verified=False),
            {"website.domain.not_verified"},
        ),
        (
            DomainFacts("demo-shop-0.cn", registrant="北京示例科技有限公司", expires_on=TODAY - timedelta(days=1)),
            {"website.domain.expired"},
        ),
        (
            DomainFacts("demo-shop-0.cn", registrant="北京示例科技有限公司", expires_on=TODAY + timedelta(days=30)),
            {"website.domain.expires_soon"},
        ),
        (DomainFacts("demo-shop-0.cn"), set()),  # registry knows nothing: nothing is claimed
    ],
)
def test_domain_registry_facts(validate, facts, expected):
    order = enterprise_order()
    order.websites[0].domain_facts = facts
    findings = validate(order)
    assert codes(findings) == expected
    assert all(f.field == "websites[0].domain" for f in findings)


def test_domain_validity_margin_follows_the_province(validate):
    order = enterprise_in(SHANGHAI, "310000", "上海市")
    facts = order.websites[0].domain_facts
    assert facts is not None
    facts.expires_on = TODAY + timedelta(days=120)
    [finding] = [f for f in validate(order) if f.code == "website.domain.expires_soon"]
    assert finding.params == {"days": 120, "min_days": 180}
    assert "website.domain.expires_soon" not in codes(validate(enterprise_order()))


def test_individual_registrant_must_be_the_person(validate):
    order = individual_order()
    facts = order.websites[0].domain_facts
    assert facts is not None
    facts.registrant = "李四"
    assert pairs(validate(order)) == {("website.domain.registrant_mismatch", "websites[0].domain")}


def test_different_principals_cannot_share_mobile_or_email(validate):
    order = enterprise_order()
    website_principal = order.websites[0].principal
    website_principal.mobile = order.subject.principal.mobile
    website_principal.email = order.subject.principal.email.upper()
    findings = validate(order)
    assert pairs(findings) == {
        ("person.contacts.shared", "websites[0].principal.mobile"),
        ("person.contacts.shared", "websites[0].principal.email"),
    }
    assert all(f.rejection_reason == "CONTACTS_DUPLICATED" for f in findings)


def test_one_person_as_both_principals_may_repeat_his_contacts(validate):
    order = enterprise_order()
    order.websites[0].principal = person(0)
    assert validate(order) == []


@pytest.mark.parametrize(
    ("whose", "field"),
    [("subject", "subject.principal.emergency_phone"), ("website", "websites[0].principal.emergency_phone")],
)
def test_emergency_phone_must_differ_from_every_principals_mobile(validate, whose, field):
    order = enterprise_order()
    target = order.subject.principal if whose == "subject" else order.websites[0].principal
    target.emergency_phone = "+86 " + order.websites[0].principal.mobile
    assert pairs(validate(order)) == {("person.emergency_phone.same_as_mobile", field)}


def test_number_used_by_another_subject(validate):
    order = enterprise_order()
    order.existing = ExistingFilings(mobiles_used_by_other_subjects=["138-0013-0000"])
    findings = validate(order)
    assert pairs(findings) == {("person.mobile.used_by_other_subject", "subject.principal.mobile")}
    assert findings[0].rejection_reason == "PHONE_USED_BY_OTHER_SUBJECT"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("mobile", "12345", "person.mobile.format"),
        ("emergency_phone", "12345", "person.emergency_phone.format"),
        ("email", "nobody", "person.email.format"),
        ("name", "张3", "person.name.characters"),
        ("certificate_number", "110105198506150001", "person.resident_id.checksum"),
    ],
)
def test_website_principal_fields_point_at_the_form_field(validate, field, value, code):
    order = enterprise_order()
    setattr(order.websites[0].principal, field, value)
    assert pairs(validate(order)) == {(code, f"websites[0].principal.{field}")}


def test_principal_must_hold_a_personal_certificate(validate):
    order = enterprise_order()
    order.subject.principal.certificate_type = 1
    assert ("person.certificate_type.not_allowed", "subject.principal.certificate_type") in pairs(validate(order))


@pytest.mark.parametrize(
    ("valid_until", "long_term", "code"),
    [
        (TODAY - timedelta(days=1), False, "person.certificate.expired"),
        (TODAY + timedelta(days=60), False, "person.certificate.expires_soon"),
        (date(2027, 2, 27), False, "person.certificate.expires_soon"),
        (date(2027, 2, 28), False, None),  # 29 Nov + 3 months, clamped to February
        (None, True, None),
        (TODAY - timedelta(days=1), True, None),
    ],
)
def test_certificate_validity_needs_three_months_or_long_term(validate, valid_until, long_term, code):
    order = enterprise_order()
    principal = order.subject.principal
    principal.certificate_valid_until, principal.certificate_long_term = valid_until, long_term
    expected = {(code, "subject.principal.certificate_valid_until")} if code else set()
    assert pairs(validate(order)) == expected


def test_underage_principal(validate):
    order = enterprise_order()
    order.subject.principal.certificate_number = make_resident_id(birth=date(2010, 5, 5))
    assert pairs(validate(order)) == {("person.age.below_minimum", "subject.principal.certificate_number")}


@pytest.mark.parametrize(
    ("province", "region", "city", "expected"),
    [
        (TIANJIN, "120000", "天津市", ("subject.principal.not_legal_rep", "error")),
        (JILIN, "220000", "吉林省长春市", ("subject.principal.authorisation_required", "warning")),
        (BEIJING, "110000", "北京市", None),
    ],
)
def test_subject_principal_who_is_not_the_legal_representative(validate, province, region, city, expected):
    order = enterprise_in(province, region, city)
    order.subject.principal.is_legal_representative = False
    found = [
        (f.code, f.severity.value) for f in validate(order) if f.field == "subject.principal.is_legal_representative"
    ]
    assert found == ([expected] if expected else [])


def test_website_principal_authorisation_where_the_province_asks(validate):
    order = enterprise_in(TIANJIN, "120000", "天津市")
    assert ("website.principal.authorisation_required", "websites[0].principal.is_legal_representative") in pairs(
        validate(order)
    )
    assert "website.principal.authorisation_required" not in codes(validate(enterprise_order()))


@pytest.mark.parametrize(
    ("province", "code"),
    [
        (SHANXI, "subject.individual.non_local"),  # local_only
        (SHANGHAI, "subject.individual.residence_proof_required"),
        (BEIJING, None),  # Beijing ID in Beijing
        (SHAANXI, None),  # cross_province_allowed
        (JILIN, "subject.individual.non_local_policy_unknown"),
    ],
)
def test_individual_with_an_id_from_another_province(validate, province, code):
    order = individual_order()
    order.subject.province = province
    found = {f.code for f in validate(order) if f.field == "subject.certificate_number"}
    assert found == ({code} if code else set())


@pytest.mark.parametrize(
    ("field", "address", "code"),
    [
        ("certificate_address", "上海市浦东新区示例路1号", "subject.certificate_address.other_province"),
        ("mailing_address", "广东省广州市天河区示例路1号", "subject.mailing_address.other_province"),
        ("mailing_address", "北京市朝阳区示例路1号", "subject.mailing_address.repeats_province"),
        ("mailing_address", "朝阳区示例路示例大厦", "subject.mailing_address.no_door_number"),
        ("mailing_address", "朝阳区广东路8号", None),  # a street named after a province
    ],
)
def test_addresses_stay_in_the_chosen_province(validate, field, address, code):
    order = enterprise_order()
    setattr(order.subject, field, address)
    assert pairs(validate(order)) == ({(code, f"subject.{field}")} if code else set())


def test_organisation_certificate_checks_in_an_order(validate):
    order = enterprise_order()
    order.subject.nature = 3  # 事业单位 with an enterprise code and licence
    assert {
        ("subject.uscc.category_nature_mismatch", "subject.certificate_number"),
        ("subject.certificate_type.not_allowed", "subject.certificate_type"),
    } <= pairs(validate(order))


@pytest.mark.parametrize(
    ("nature", "province", "code", "field"),
    [
        (99, BEIJING, "subject.nature.unknown", "subject.nature"),
        (1, BEIJING, "subject.nature.not_offered", "subject.nature"),
        (ENTERPRISE, "99", "subject.province.unknown", "subject.province"),
    ],
)
def test_unknown_dictionary_values(validate, nature, province, code, field):
    order = enterprise_order()
    order.subject.nature, order.subject.province = nature, province
    assert (code, field) in pairs(validate(order))


def test_office_phone(validate):
    order = enterprise_order()
    order.subject.office_phone = "13800138000"  # a mobile is accepted
    assert validate(order) == []
    order.subject.office_phone = "6234"
    assert pairs(validate(order)) == {("subject.office_phone.format", "subject.office_phone")}


def test_service_contents_for_individuals(validate):
    order = individual_order()
    order.websites[0].service_contents = ["博客/个人空间", "网络购物", "网上炒鞋"]
    assert pairs(validate(order)) == {
        ("website.service_content.not_for_individuals", "websites[0].service_contents[1]"),
        ("website.service_content.unknown", "websites[0].service_contents[2]"),
    }


def test_individuals_cannot_hold_pre_approvals(validate):
    order = individual_order()
    order.websites[0].pre_approvals = [{"item": "新闻", "number": "10120170001"}]
    findings = validate(order)
    assert pairs(findings) == {("website.pre_approval.not_for_individuals", "websites[0].pre_approvals[0].item")}


@pytest.mark.parametrize(
    ("pre_approvals", "expected"),
    [
        ([{"item": "新闻"}], {("website.pre_approval.number_missing", "websites[0].pre_approvals[0].number")}),
        (
            [{"item": "新闻", "number": "  "}],
            {("website.pre_approval.number_missing", "websites[0].pre_approvals[0].number")},
        ),
        (
            [{"item": "以上都不涉及"}, {"item": "出版", "number": "1"}],
            {("website.pre_approval.none_with_items", "websites[0].pre_approvals")},
        ),
        ([{"item": "炼丹"}], {("website.pre_approval.unknown", "websites[0].pre_approvals[0].item")}),
        ([{"item": "新闻", "number": "10120170001"}], set()),
    ],
)
def test_pre_approvals(validate, pre_approvals, expected):
    order = enterprise_order()
    order.websites[0].pre_approvals = pre_approvals
    assert pairs(validate(order)) == expected


def test_pre_approval_silences_the_interactive_and_finance_warnings(validate):
    order = enterprise_order()
    order.websites[0].name = "示例科技交流论坛"
    assert codes(validate(order)) == {"website.name.interactive_word"}
    order.websites[0].pre_approvals = [{"item": "电子公告服务", "number": "京ICP证000000号"}]
    assert validate(order) == []


def test_languages_must_come_from_the_list(validate):
    order = enterprise_order()
    order.websites[0].languages = ["中文简体", "火星文"]
    assert pairs(validate(order)) == {("website.language.unknown", "websites[0].languages[1]")}


@pytest.mark.parametrize(
    ("remark", "code"), [("个人博客", "website.remark.too_short"), ("记" * 201, "website.remark.too_long")]
)
def test_personal_remark_length(validate, remark, code):
    order = individual_order()
    order.websites[0].remark = remark
    assert pairs(validate(order)) == {(code, "websites[0].remark")}


def test_organisation_site_name_should_relate_to_the_unit(validate):
    order = enterprise_order()
    order.websites[0].name = "美食菜谱大全"
    findings = validate(order)
    assert pairs(findings) == {("website.name.not_related_to_subject", "websites[0].name")}
    assert findings[0].severity.value == "warning"


def test_personal_site_name_rules_apply_in_an_order(validate):
    order = individual_order()
    order.websites[0].name = "张三的在线商城"
    assert pairs(validate(order)) == {("website.name.personal_restricted_word", "websites[0].name")}


def test_subject_name_rules_follow_the_nature(validate):
    order = enterprise_order()
    order.subject.name = "示例@科技有限公司"
    assert ("subject.name.characters", "subject.name") in pairs(validate(order))
    individual = individual_order()
    individual.subject.name = "张3"
    assert ("person.name.characters", "subject.name") in pairs(validate(individual))


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", "北京示例\x00科技有限公司", "input.invisible_characters"),
        ("name", "北京示例\u200b科技有限公司", "input.invisible_characters"),
        ("mailing_address", "朝阳区" * 200, "input.too_long"),
    ],
)
def test_unreadable_values_get_one_hygiene_finding(validate, field, value, code):
    order = enterprise_order()
    setattr(order.subject, field, value)
    findings = [f for f in validate(order) if f.field == f"subject.{field}"]
    assert [f.code for f in findings] == [code]


def test_a_wrong_filing_type_is_named_by_its_labels_never_its_code(validate):
    order = enterprise_order()
    order.filing_type = "FIRST_FILING"
    order.existing = ExistingFilings(subject_filed=True, filed_domains=["demo-shop-0.cn"])
    [finding] = [f for f in validate(order) if f.code == "order.filing_type.wrong"]
    assert "新增接入（接入备案）" in finding.message_zh and "首次备案" in finding.message_zh
    assert "'新增接入（接入备案）'" in finding.message_en  # names as the registry's other rules show them
    assert (finding.params["expected_name_en"], finding.params["actual_name_en"]) == ("New access", "First filing")
    for text in (finding.message_zh, finding.message_en, finding.fix_zh, finding.fix_en):
        assert "NEW_ACCESS" not in text and "FIRST_FILING" not in text
    assert (finding.params["expected"], finding.params["actual"]) == ("NEW_ACCESS", "FIRST_FILING")  # for partners
