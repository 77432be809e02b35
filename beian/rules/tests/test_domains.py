"""Domains (§6): syntax and IDN, approved suffixes, main domain vs subdomain."""

from __future__ import annotations

import pytest

from beian.rules.domains import display_domain, wire_domain
from beian.rules.tests.conftest import pairs


@pytest.mark.parametrize(
    "value",
    [
        "example.com",
        "EXAMPLE.COM",
        "example.com.",
        "example.com.cn",
        "example.bj.cn",
        "example.gov.cn",
        "example.政务.cn",
        "例子.中国",
        "xn--fsqu00a.xn--fiqs8s",
        "示例.公司",
        "my-site.top",
        "example.cc",
    ],
)
def test_fileable_main_domains(check, value):
    assert check("domain", value) == []


@pytest.mark.parametrize(
    ("value", "suffix"),
    [
        ("example.io", "io"),
        ("example.org", "org"),
        ("example.app", "app"),
        ("example.co.uk", "co.uk"),
        ("example.hk", "hk"),
        ("example.unknownsuffix", "unknownsuffix"),
        ("foo.公司.cn", "公司.cn"),
    ],
)
def test_suffix_not_approved_by_miit_is_an_error(check, value, suffix):
    findings = check("domain", value)
    assert pairs(findings) == {("website.domain.tld_not_approved", "domain")}
    assert findings[0].params["suffix"] == suffix
    assert findings[0].rejection_reason == "DOMAIN_TLD_NOT_APPROVED"


def test_suffix_reported_later_but_unverified_is_a_warning(check):
    findings = check("domain", "example.pw")
    assert pairs(findings) == {("website.domain.tld_unverified", "domain")}
    assert not findings[0].is_error


@pytest.mark.parametrize(
    ("value", "main"),
    [
        ("blog.example.com", "example.com"),
        ("shop.example.com.cn", "example.com.cn"),
        ("a.b.example.cn", "example.cn"),
        ("www.blog.example.com", "example.com"),
    ],
)
def test_bare_subdomain_is_an_error_naming_the_main_domain(check, value, main):
    [finding] = check("domain", value)
    assert (finding.code, finding.field, finding.is_error) == ("website.domain.subdomain", "domain", True)
    assert finding.params["main_domain"] == main


def test_www_is_normalised_away_with_an_info(check):
    [finding] = check("domain", "www.example.com")
    assert (finding.code, finding.severity.value) == ("website.domain.www_normalised", "info")
    assert finding.params["main_domain"] == "example.com"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("http://example.com", "website.domain.syntax"),
        ("example.com/path", "website.domain.syntax"),
        ("exa mple.com", "website.domain.syntax"),
        ("-example.com", "website.domain.syntax"),
        ("example..com", "website.domain.syntax"),
        ("exam_ple.com", "website.domain.syntax"),
        ("localhost", "website.domain.syntax"),
        ("com.cn", "website.domain.syntax"),
        ("192.168.1.1", "website.domain.syntax"),
        ("a" * 64 + ".com", "website.domain.syntax"),
        ("xn--zz.com", "website.domain.syntax"),
        ("例子-.中国", "website.domain.idn"),
    ],
)
def test_malformed_domains(check, value, code):
    assert pairs(check("domain", value)) == {(code, "domain")}


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("xn--fiqs8s", "中国"),
        ("xn--fsqu00a.xn--fiqs8s", "例子.中国"),
        ("XN--FSQU00A.XN--FIQS8S.", "例子.中国"),
        ("xn--fsqu00a.中国", "例子.中国"),  # mixed A- and U-labels
        ("例子.xn--fiqs8s", "例子.中国"),
        ("www.xn--55qx5d.cn", "www.公司.cn"),
        ("例子.中国", "例子.中国"),
        ("Example.COM", "example.com"),
        ("  example.com ", "example.com"),
        ("xn--zz.com", "xn--zz.com"),  # not a valid A-label: shown as stored, never an error page
        ("not a domain", "not a domain"),
        ("", ""),
    ],
)
def test_display_domain_shows_u_labels(stored, shown):
    assert display_domain(stored) == shown


@pytest.mark.parametrize(
    ("typed", "wire"),
    [
        ("中国", "xn--fiqs8s"),
        ("例子.中国", "xn--fsqu00a.xn--fiqs8s"),
        ("例子.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s"),
        ("xn--fsqu00a.xn--fiqs8s", "xn--fsqu00a.xn--fiqs8s"),
        ("ＥＸＡＭＰＬＥ。ｃｏｍ", "example.com"),  # full-width input from Chinese keyboards
        ("公司.cn.", "xn--55qx5d.cn"),
    ],
)
def test_wire_domain_sends_a_labels(typed, wire):
    assert wire_domain(typed) == wire
    assert wire_domain(display_domain(wire)) == wire


@pytest.mark.parametrize("value", ["", "例子-.中国", "example..com", "xn--zz.com"])
def test_wire_domain_refuses_what_is_no_domain(value):
    with pytest.raises(ValueError):
        wire_domain(value)
