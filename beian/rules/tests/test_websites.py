"""Orders with several websites: every website's rules at its own field path, and the rules across
the websites of one order (§5.5-§5.7, §6.3, §1.1-§1.4)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from beian.rules import validate_order
from beian.rules.model import ExistingFilings, OrderInput, PersonInput, WebsiteInput
from beian.rules.tests.builders import (
    TODAY,
    enterprise_order,
    individual_order,
    make_uscc,
    person,
    with_websites,
)
from beian.rules.tests.conftest import codes, pairs

HUBEI, HUNAN, SHANXI, HENAN, JIANGXI, HAINAN, SHAANXI = "42", "43", "14", "41", "36", "46", "61"
PUBLIC_INSTITUTION = 3  # 事业单位


@pytest.fixture
def validate(ref):
    def run(order: OrderInput, *, complete: bool = False):
        return validate_order(order, ref, today=TODAY, complete=complete)

    return run


def at(findings, field: str) -> set[str]:
    return {f.code for f in findings if f.field == field}


Change = Callable[[WebsiteInput], None]


def setter(**values) -> Change:
    def change(website: WebsiteInput) -> None:
        for name, value in values.items():
            setattr(website, name, value)

    return change


def principal_setter(**values) -> Change:
    def change(website: WebsiteInput) -> None:
        for name, value in values.items():
            setattr(website.principal, name, value)

    return change


# --- each website is checked on its own, at websites[i] -----------------------------------------

ORGANISATION_CASES = [
    (setter(name="示例"), "website.name.too_few_chinese", "name"),
    (setter(name="12345678"), "website.name.pure_digits", "name"),
    (setter(name="ShopDemo"), "website.name.pure_latin", "name"),
    (setter(name="示例科技★产品"), "website.name.special_symbols", "name"),
    (setter(name="demo-shop.cn"), "website.name.is_domain", "name"),
    (setter(name="中国示例科技产品"), "website.name.national_prefix", "name"),
    (setter(name="示例科技信访中心"), "website.name.state_function_word", "name"),
    (setter(name="示例科技维权中心"), "website.name.public_interest_word", "name"),
    (setter(name="示例科技赌博游戏"), "website.name.sensitive_word", "name"),
    (setter(name="示例科技第一产品"), "website.name.exaggeration", "name"),
    (setter(name="示例科技交流论坛"), "website.name.interactive_word", "name"),
    (setter(name="示例科技理财产品"), "website.name.finance_keyword", "name"),
    (setter(name="美食菜谱大全"), "website.name.not_related_to_subject", "name"),
    (setter(service_contents=["网上炒鞋"]), "website.service_content.unknown", "service_contents[0]"),
    (
        setter(service_contents=["单位门户网站", "网上支付"]),
        "website.service_content.finance_needs_pre_approval",
        "service_contents[1]",
    ),
    (setter(pre_approvals=[{"item": "炼丹"}]), "website.pre_approval.unknown", "pre_approvals[0].item"),
    (setter(pre_approvals=[{"item": "新闻"}]), "website.pre_approval.number_missing", "pre_approvals[0].number"),
    (
        setter(pre_approvals=[{"item": "以上都不涉及"}, {"item": "出版", "number": "1"}]),
        "website.pre_approval.none_with_items",
        "pre_approvals",
    ),
    (setter(languages=["中文简体", "火星文"]), "website.language.unknown", "languages[1]"),
    (setter(remark="说" * 201), "website.remark.too_long", "remark"),
    (setter(extra_domains=["demo-shop-extra.com.cn"]), "website.domain.extra_on_new_filing", "extra_domains"),
    (setter(domain="demo.io"), "website.domain.tld_not_approved", "domain"),
    (principal_setter(mobile="12345"), "person.mobile.format", "principal.mobile"),
    (principal_setter(email="nobody"), "person.email.format", "principal.email"),
]


@pytest.mark.parametrize("index", [1, 2])
@pytest.mark.parametrize(("change", "code", "field"), ORGANISATION_CASES, ids=[c[1] for c in ORGANISATION_CASES])
def test_organisation_website_rules_point_at_their_own_website(validate, index, change, code, field):
    order = with_websites(enterprise_order(), 3)
    change(order.websites[index])
    findings = validate(order)
    assert (code, f"websites[{index}].{field}") in pairs(findings)
    assert all(f.field.startswith(f"websites[{index}]") for f in findings), pairs(findings)


PERSONAL_CASES = [
    (setter(service_contents=["网络购物"]), "website.service_content.not_for_individuals", "service_contents[0]"),
    (
        setter(pre_approvals=[{"item": "新闻", "number": "10120170001"}]),
        "website.pre_approval.not_for_individuals",
        "pre_approvals[0].item",
    ),
    (setter(name="张三的在线商城"), "website.name.personal_restricted_word", "name"),
    (setter(name="张三的聊天室"), "website.name.interactive_word", "name"),
    (setter(name="张三的信访笔记"), "website.name.state_function_word", "name"),
    (setter(remark="个人博客"), "website.remark.too_short", "remark"),
]


@pytest.mark.parametrize(("change", "code", "field"), PERSONAL_CASES, ids=[c[1] for c in PERSONAL_CASES])
def test_personal_website_rules_point_at_their_own_website(validate, change, code, field):
    order = with_websites(individual_order(), 3)
    change(order.websites[2])
    findings = [f for f in validate(order) if f.field != "websites"]  # the order holds too many for a person
    assert pairs(findings) == {(code, f"websites[2].{field}")}


def test_personal_site_names_with_interactive_words_say_individuals_cannot_get_the_pre_approval(validate):
    order = individual_order()
    order.websites[0].name = "张三的留言板"
    [finding] = validate(order)
    assert (finding.code, finding.params) == ("website.name.interactive_word", {"words": "留言板"})
    assert "个人无法办理" in finding.message_zh and "individuals cannot hold" in finding.message_en
    order.websites[0].name = "张三的交流论坛"  # words of the personal list are reported once, by that list
    assert codes(validate(order)) == {"website.name.personal_restricted_word"}


def test_finance_service_contents_are_fine_with_a_pre_approval(validate):
    order = enterprise_order()
    order.websites[0].service_contents = ["网上非银支付", "互联网保险"]
    assert pairs(validate(order)) == {
        ("website.service_content.finance_needs_pre_approval", "websites[0].service_contents[0]"),
        ("website.service_content.finance_needs_pre_approval", "websites[0].service_contents[1]"),
    }
    order.websites[0].pre_approvals = [{"item": "互联网金融", "number": "银保监许可〔2026〕1号"}]
    assert validate(order) == []


def test_the_pre_submit_check_lists_the_empty_fields_of_every_website(validate):
    order = with_websites(enterprise_order(), 3)
    order.websites[2] = WebsiteInput(name="示例科技产品介绍", domain="demo-shop-third.cn")
    missing = {f.field for f in validate(order, complete=True) if f.code == "order.field.required"}
    assert {"websites[2].service_contents", "websites[2].languages", "websites[2].principal.mobile"} <= missing
    assert not any(field.startswith(("websites[0]", "websites[1]")) for field in missing)


def test_several_websites_may_share_a_name(validate):
    order = with_websites(enterprise_order(), 3)
    assert len({w.name for w in order.websites}) == 1
    assert validate(order, complete=True) == []


# --- principals across websites ------------------------------------------------------------------


def other_person(serial: int, name: str) -> PersonInput:
    return person(serial, name=name, email_user=f"user{serial}", mobile_prefix="1380013", legal_rep=False)


def test_contacts_shared_between_principals_of_later_websites(validate):
    order = with_websites(enterprise_order(), 3)
    order.websites[1].principal = other_person(11, "王五")
    order.websites[2].principal = other_person(12, "赵六")
    order.websites[2].principal.mobile = order.websites[1].principal.mobile
    order.websites[2].principal.email = order.websites[1].principal.email
    findings = validate(order)
    assert [(f.code, f.field, f.params["other"]) for f in findings] == [
        ("person.contacts.shared", "websites[2].principal.mobile", "websites[1].principal.mobile"),
        ("person.contacts.shared", "websites[2].principal.email", "websites[1].principal.email"),
    ]


def test_one_person_may_be_principal_of_every_website(validate):
    order = with_websites(enterprise_order(), 3)
    assert len({w.principal.certificate_number for w in order.websites}) == 1
    assert validate(order) == []


def test_emergency_phone_of_a_later_website_against_every_mobile(validate):
    order = with_websites(enterprise_order(), 3)
    order.websites[1].principal = other_person(11, "王五")
    order.websites[2].principal.emergency_phone = order.websites[1].principal.mobile
    findings = validate(order)
    assert [(f.code, f.field, f.params["other"]) for f in findings] == [
        (
            "person.emergency_phone.same_as_mobile",
            "websites[2].principal.emergency_phone",
            "websites[1].principal.mobile",
        )
    ]


def test_number_used_by_another_subject_on_a_later_website(validate):
    order = with_websites(enterprise_order(), 3)
    order.websites[2].principal = other_person(12, "赵六")
    order.existing = ExistingFilings(mobiles_used_by_other_subjects=[order.websites[2].principal.mobile])
    assert pairs(validate(order)) == {("person.mobile.used_by_other_subject", "websites[2].principal.mobile")}


# --- domains across websites ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "third", "code"),
    [
        ("demo-shop-0.cn", "www.DEMO-SHOP-0.cn", "website.domain.duplicated_in_order"),
        ("例子.中国", "xn--fsqu00a.xn--fiqs8s", "website.domain.duplicated_in_order"),
        ("例子.中国", "例子.xn--fiqs8s", "website.domain.duplicated_in_order"),
        ("demo-shop-0.com.cn", "shop.demo-shop-0.com.cn", "website.domain.same_main_domain_in_order"),
        ("例子.中国", "博客.例子.中国", "website.domain.same_main_domain_in_order"),
        ("demo-shop-0.cn", "demo-shop-0.com.cn", None),  # another suffix: another main domain
        ("demo-shop-0.com.cn", "com.cn", None),  # a bare suffix is no main domain (a syntax error)
    ],
)
def test_the_same_domain_or_main_domain_in_two_websites(validate, first, third, code):
    order = with_websites(enterprise_order(), 3)
    order.websites[0].domain, order.websites[2].domain = first, third
    for website in order.websites:
        website.domain_facts = None
    found = [
        (f.code, f.field, f.params["other"])
        for f in validate(order)
        if f.code in {"website.domain.duplicated_in_order", "website.domain.same_main_domain_in_order"}
    ]
    assert found == ([(code, "websites[2].domain", "websites[0].domain")] if code else [])


def test_same_main_domain_finding_names_the_main_domain(validate):
    order = with_websites(enterprise_order(), 2)
    order.websites[1].domain = "xn--9krq6q.demo-shop-0.cn"  # 博客.demo-shop-0.cn, stored as A-labels
    order.websites[1].domain_facts = None
    [finding] = [f for f in validate(order) if f.code == "website.domain.same_main_domain_in_order"]
    assert finding.params == {
        "domain": "博客.demo-shop-0.cn",
        "main_domain": "demo-shop-0.cn",
        "other": "websites[0].domain",
    }
    assert ("website.domain.subdomain", "websites[1].domain") in pairs(validate(order))


@pytest.mark.parametrize("index", [0, 1, 2])
@pytest.mark.parametrize(
    ("filing_type", "error"), [("FIRST_FILING", True), ("NEW_WEBSITE", True), ("NEW_ACCESS", False)]
)
def test_one_domain_per_website_on_new_filings_for_every_website(validate, index, filing_type, error):
    order = with_websites(enterprise_order(), 3)
    order.filing_type = filing_type
    order.existing = ExistingFilings(
        subject_filed=filing_type != "FIRST_FILING",
        filed_domains=[w.domain for w in order.websites] if filing_type == "NEW_ACCESS" else [],
    )
    order.websites[index].extra_domains = [f"demo-extra-{index}.com.cn"]
    findings = validate(order)
    assert (("website.domain.extra_on_new_filing", f"websites[{index}].extra_domains") in pairs(findings)) is error
    assert all(f.field.startswith(f"websites[{index}]") for f in findings)


# --- filing types of the websites of one order -----------------------------------------------------


def test_a_website_whose_domain_is_filed_leaves_a_new_website_order(validate):
    order = with_websites(enterprise_order(), 3)
    order.filing_type = "NEW_WEBSITE"
    order.existing = ExistingFilings(subject_filed=True, filed_domains=[order.websites[1].domain])
    findings = validate(order)
    assert pairs(findings) == {("order.website.needs_other_filing_type", "websites[1].domain")}
    [finding] = findings
    assert (finding.params["expected"], finding.params["actual"]) == ("NEW_ACCESS", "NEW_WEBSITE")
    assert "新增接入（接入备案）" in finding.message_zh and "NEW_ACCESS" not in finding.message_en
    assert finding.rejection_reason == "TYPE_WRONG"


def test_an_order_whose_type_fits_none_of_its_websites_is_type_wrong(validate):
    order = with_websites(enterprise_order(), 2)
    order.filing_type = "NEW_WEBSITE"
    order.existing = ExistingFilings(subject_filed=True, filed_domains=[w.domain for w in order.websites])
    assert pairs(validate(order)) == {("order.filing_type.wrong", "filing_type")}


# --- websites and domains per order ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "count", "limit"),
    [(enterprise_order, 11, 10), (enterprise_order, 10, None), (individual_order, 2, 1), (individual_order, 1, None)],
)
def test_websites_per_order_by_subject_kind(validate, build, count, limit):
    findings = [f for f in validate(with_websites(build(), count)) if f.field == "websites"]
    expected = [("order.websites.too_many", {"limit": limit, "count": count})] if limit else []
    assert [(f.code, {k: f.params[k] for k in ("limit", "count")}) for f in findings] == expected


def test_websites_per_order_names_the_subject_kind(validate):
    [finding] = [f for f in validate(with_websites(individual_order(), 2)) if f.field == "websites"]
    assert finding.message_zh.startswith("个人每个订单最多 1 个网站") and "an individual" in finding.message_en


def test_change_orders_are_not_capped(validate):
    order = with_websites(enterprise_order(), 11)
    order.filing_type, order.existing = "CHANGE_WEBSITE", ExistingFilings(subject_filed=True)
    assert [f for f in validate(order) if f.field == "websites"] == []


def in_province(order: OrderInput, province: str, *, nature: int | None = None) -> OrderInput:
    order.subject.province = province
    if nature is not None:
        order.subject.nature = nature
    if order.subject.certificate_type == 1:
        order.subject.certificate_number = make_uscc(5, region=f"{province}0000")
    return order


def filed(count: int) -> ExistingFilings:
    return ExistingFilings(subject_filed=True, filed_domains=[f"filed-{i}.cn" for i in range(count)])


@pytest.mark.parametrize(
    ("province", "websites", "filing_type", "existing", "expected"),
    [
        (HUNAN, 2, "FIRST_FILING", None, {("order.websites.province_cap", 1), ("order.domains.province_cap", 1)}),
        (HUBEI, 2, "NEW_WEBSITE", filed(1), {("order.websites.province_cap", 1), ("order.domains.province_cap", 1)}),
        (HUBEI, 1, "FIRST_FILING", None, set()),
        (SHANXI, 4, "FIRST_FILING", None, {("order.domains.province_cap", 3)}),
        (SHANXI, 3, "FIRST_FILING", None, set()),
        (HENAN, 6, "FIRST_FILING", None, {("order.domains.province_cap", 5)}),
        (JIANGXI, 2, "NEW_WEBSITE", filed(16), {("order.websites.province_cap", 1), ("order.domains.province_cap", 1)}),
        (JIANGXI, 2, "NEW_WEBSITE", filed(15), set()),
        (SHAANXI, 2, "NEW_WEBSITE", filed(29), {("order.websites.province_total_cap", 30)}),
        (SHAANXI, 1, "NEW_WEBSITE", filed(29), set()),
        ("11", 10, "FIRST_FILING", None, set()),  # Beijing has no cap of its own
    ],
)
def test_province_caps_for_organisations(validate, province, websites, filing_type, existing, expected):
    order = in_province(with_websites(enterprise_order(), websites), province)
    order.filing_type = filing_type
    order.existing = existing or ExistingFilings()
    found = {(f.code, f.params["limit"]) for f in validate(order) if f.field == "websites"}
    assert found == expected


def test_shanxi_caps_new_domains_only(validate):
    order = in_province(with_websites(enterprise_order(), 4), SHANXI)
    order.filing_type = "NEW_ACCESS"
    order.existing = ExistingFilings(subject_filed=True, filed_domains=[w.domain for w in order.websites])
    assert [f for f in validate(order) if f.field == "websites"] == []


def test_henan_caps_enterprise_orders_only(validate):
    order = in_province(with_websites(enterprise_order(), 6), HENAN, nature=PUBLIC_INSTITUTION)
    assert [f for f in validate(order) if f.field == "websites"] == []


@pytest.mark.parametrize(
    ("province", "existing", "expected"),
    [
        (HAINAN, None, {"order.websites.too_many", "order.domains.province_cap"}),
        (JIANGXI, filed(8), {"order.websites.province_cap", "order.domains.province_cap"}),
        (JIANGXI, filed(7), {"order.websites.too_many"}),
    ],
)
def test_province_caps_for_individuals(validate, province, existing, expected):
    order = in_province(with_websites(individual_order(), 2), province)
    if existing:
        order.filing_type, order.existing = "NEW_WEBSITE", existing
    assert {f.code for f in validate(order) if f.field == "websites"} == expected


def test_a_cap_that_applies_after_filed_websites_says_so(validate):
    order = in_province(with_websites(enterprise_order(), 2), JIANGXI)
    order.filing_type, order.existing = "NEW_WEBSITE", filed(16)
    finding = next(f for f in validate(order) if f.code == "order.websites.province_cap")
    assert finding.params == {"province_name": "江西", "limit": 1, "count": 2, "filed": 16, "threshold": 15}
    assert "已备案 16 个网站（超过 15 个）" in finding.message_zh
    assert "16 filed websites (more than 15)" in finding.message_en


# --- an option named in a message: its English name in the English copy ----------------------------

OPTION_NAMING_CASES = [
    (enterprise_order, setter(service_contents=["单位门户网站", "网上支付"]), "网上支付", "Online payment"),
    (enterprise_order, setter(pre_approvals=[{"item": "新闻"}]), "新闻", "News"),
    (
        enterprise_order,
        setter(pre_approvals=[{"item": "以上都不涉及"}, {"item": "出版", "number": "1"}]),
        "以上都不涉及",
        "None of the above",
    ),
    (individual_order, setter(service_contents=["网络购物"]), "网络购物", "Online shopping"),
    (individual_order, setter(pre_approvals=[{"item": "新闻", "number": "10120170001"}]), "新闻", "News"),
]


@pytest.mark.parametrize(("order", "change", "zh", "en"), OPTION_NAMING_CASES, ids=[c[3] for c in OPTION_NAMING_CASES])
def test_an_option_is_named_in_the_messages_language(validate, order, change, zh, en):
    """The pre-approval and service-content rules fill the option's reference-data name in each language
    ("'None of the above' cannot be combined ..."), never the Chinese name into the English copy; the
    finding's params keep the stored (Chinese) value."""
    built = order()
    change(built.websites[0])
    about = [f for f in validate(built) if f.code.startswith(("website.pre_approval", "website.service_content"))]
    assert about, pairs(validate(built))
    for finding in about:
        assert zh in finding.message_zh
        # the one Chinese an English reader sees: the finance keyword found in a content's Chinese name, quoted
        english = finding.message_en.replace(f"'{finding.params.get('words')}'", "")
        assert en in english and not re.search(r"[\u4e00-\u9fff]", english + finding.fix_en)
        assert zh in finding.params.values()
