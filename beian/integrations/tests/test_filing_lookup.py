"""The external-filing lookup: what MIIT holds for filings made through other access providers."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from beian.integrations.filing_lookup import (
    FIXTURE_PATH,
    ExternalSubjectFiling,
    ExternalWebsiteFiling,
    FilingLookupError,
    FixtureFilingLookup,
    filing_lookup,
    load_fixture,
    write_fixture,
)
from beian.rules import check_value, load_seed_snapshot
from beian.rules.reference import SEED_PATH

SHANGHAI_USCC = "913101156000210167"
SHENZHEN_USCC = "91440305600019020M"

NEW_SUBJECT = ExternalSubjectFiling(
    number="苏ICP备2023045678号",
    province="32",
    nature=4,
    certificate_type=1,
    certificate_number="91320508600030000Q",
    name="苏州新添加科技有限公司",
    principal_name="周敏",
    websites=(
        ExternalWebsiteFiling(
            number="苏ICP备2023045678号-1",
            name="新添加科技",
            domains=("xintianjia.cn",),
            principal_name="周敏",
            principal_mobile_tail="5512",
            access_providers=("京东云",),
        ),
    ),
)


@pytest.fixture
def lookup():
    return FixtureFilingLookup()


@pytest.mark.parametrize(
    "certificate_number",
    [SHENZHEN_USCC, "91440305600019020m", " 9144 0305 6000 1902 0M ", "９１４４０３０５６０００１９０２０Ｍ"],
)
def test_subject_found_by_certificate_however_it_is_typed(lookup, certificate_number):
    subject = lookup.subject_by_certificate(1, certificate_number)
    assert (subject.name, subject.number, subject.province) == (
        "深圳市星河网络科技有限公司",
        "粤ICP备2020087654号",
        "44",
    )
    assert [(w.number, w.access_providers) for w in subject.websites] == [("粤ICP备2020087654号-1", ("腾讯云",))]


def test_subject_found_whatever_its_type_when_the_type_is_not_known_yet(lookup):
    assert lookup.subject_by_certificate(None, "330106 19900315 4824").name == "王芳"


def test_subject_under_another_certificate_type_is_not_the_same_filing(lookup):
    assert lookup.subject_by_certificate(2, SHANGHAI_USCC) is None


def test_subject_not_filed_elsewhere_is_not_found(lookup):
    assert lookup.subject_by_certificate(1, "91110108600040006W") is None


@pytest.mark.parametrize(
    "domain",
    [
        "yunfan-shop.com",
        "www.yunfan-shop.com",
        "shop.www.yunfan-shop.com",
        "WWW.Yunfan-Shop.COM.",
        "ｙｕｎｆａｎ-shop.com",
    ],
)
def test_website_found_by_its_main_domain_or_a_subdomain(lookup, domain):
    subject, website = lookup.website_by_domain(domain)
    assert subject.number == "沪ICP备2021012345号"
    assert (website.number, website.name, website.access_providers) == (
        "沪ICP备2021012345号-2",
        "云帆在线商城",
        ("阿里云", "华为云"),
    )
    assert website.principal_mobile_tail == "3058"


def test_each_domain_of_a_website_finds_it(lookup):
    assert lookup.website_by_domain("yunfan-tech.cn")[1].number == "沪ICP备2021012345号-1"
    assert lookup.website_by_domain("www.yunfan-tech.com.cn")[1].number == "沪ICP备2021012345号-1"


@pytest.mark.parametrize(
    "domain", ["星河网络.中国", "www.星河网络.中国", "xn--kiv79lr4qmna.xn--fiqs8s", "WWW.XN--KIV79LR4QMNA.XN--FIQS8S"]
)
def test_idn_found_as_u_label_or_a_label(lookup, domain):
    subject, website = lookup.website_by_domain(domain)
    assert (subject.name, website.number) == ("深圳市星河网络科技有限公司", "粤ICP备2020087654号-1")


@pytest.mark.parametrize("domain", ["unknown-site.cn", "com.cn", "cn", "yunfan-tech.net", "not a domain", ""])
def test_domain_not_filed_elsewhere_is_not_found(lookup, domain):
    assert lookup.website_by_domain(domain) is None


def test_bundled_fixture_holds_realistic_filings():
    """Every subject passes the project's own certificate rules (check characters, USCC region in
    the subject's province), and every number has MIIT's format."""
    ref = load_seed_snapshot()
    formats = json.loads(SEED_PATH.read_text(encoding="utf-8"))["filing_number_formats"]
    subjects = load_fixture(FIXTURE_PATH)
    assert len(subjects) >= 3
    for subject in subjects:
        findings = check_value(
            "certificate",
            subject.certificate_number,
            ref=ref,
            today=date(2026, 11, 29),
            nature=subject.nature,
            province=subject.province,
            certificate_type=subject.certificate_type,
        )
        assert findings == [], (subject.name, findings)
        assert re.fullmatch(formats["subject_number_regex"], subject.number)
        for website in subject.websites:
            assert re.fullmatch(formats["website_number_regex"], website.number)


def test_settings_point_the_lookup_at_another_fixture(settings, tmp_path):
    settings.FILING_LOOKUP_FIXTURE = str(
        write_fixture(tmp_path / "filings.json", [*load_fixture(FIXTURE_PATH), NEW_SUBJECT])
    )
    found = filing_lookup()
    assert found.subject_by_certificate(1, NEW_SUBJECT.certificate_number) == NEW_SUBJECT
    assert found.website_by_domain("www.xintianjia.cn") == (NEW_SUBJECT, NEW_SUBJECT.websites[0])
    assert found.subject_by_certificate(1, SHANGHAI_USCC).name == "上海云帆信息技术有限公司"


def test_the_bundled_fixture_does_not_know_the_added_entry():
    assert filing_lookup().subject_by_certificate(1, NEW_SUBJECT.certificate_number) is None


def test_extra_entries_in_memory(tmp_path):
    found = FixtureFilingLookup(extra=[NEW_SUBJECT])
    assert found.website_by_domain("xintianjia.cn")[0] == NEW_SUBJECT
    assert found.website_by_domain("wangfang-notes.cn")[0].name == "王芳"


def test_a_certificate_filed_twice_is_refused():
    twin = replace(NEW_SUBJECT, certificate_number=SHANGHAI_USCC.lower(), websites=())
    with pytest.raises(FilingLookupError, match="two subject filings"):
        FixtureFilingLookup(extra=[twin])


@pytest.mark.parametrize("content", ["{not json", '{"filings": []}', '{"subjects": {}}', "[]"])
def test_unreadable_records_are_an_error_not_a_miss(settings, tmp_path, content):
    path = tmp_path / "filings.json"
    path.write_text(content, encoding="utf-8")
    settings.FILING_LOOKUP_FIXTURE = str(path)
    with pytest.raises(FilingLookupError):
        filing_lookup()


def test_missing_records_are_an_error_not_a_miss(settings, tmp_path):
    settings.FILING_LOOKUP_FIXTURE = str(tmp_path / "absent.json")
    with pytest.raises(FilingLookupError, match="unreadable"):
        filing_lookup()


@pytest.mark.parametrize(
    ("website", "message"),
    [
        ({"principal_mobile_tail": "13800138000"}, "last 4 digits"),
        ({"number": "沪ICP备2099000001号-1"}, "not numbered under"),
        ({"domains": []}, "non-empty list"),
        ({"access_providers": [""]}, "not a text"),
    ],
)
def test_malformed_entries_are_refused(tmp_path, website, message):
    data = json.loads(FIXTURE_PATH.read_text(encoding="utf-8"))
    data["subjects"][0]["websites"][0].update(website)
    path = tmp_path / "filings.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FilingLookupError, match=message):
        FixtureFilingLookup(path)


def test_unknown_adapter_is_refused_at_start_and_on_use(settings):
    settings.FILING_LOOKUP_ADAPTER = "miit"
    with pytest.raises(ImproperlyConfigured, match="BEIAN_FILING_LOOKUP='miit'"):
        apps.get_app_config("integrations").ready()
    with pytest.raises(ImproperlyConfigured):
        filing_lookup()


def test_missing_fixture_file_is_refused_at_start(settings, tmp_path):
    settings.FILING_LOOKUP_FIXTURE = str(tmp_path / "absent.json")
    with pytest.raises(ImproperlyConfigured, match="no such file"):
        apps.get_app_config("integrations").ready()
