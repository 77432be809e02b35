"""A hosted site's custom footer while filed (§8.1, §8.2): what it may hold, and what it cannot do
to the filing footer rendered from the record below it."""

from __future__ import annotations

import json

import pytest

from beian.rules.footer import (
    check_custom_footer,
    clean_content,
    clean_custom_footer,
    footer_facts,
    icp_numbers_in,
    psb_numbers_in,
)
from beian.rules.reference import SEED_PATH

FORMATS = json.loads(SEED_PATH.read_text(encoding="utf-8"))["filing_number_formats"]
NUMBER = "京ICP备2026000001号-1"
PSB = "京公网安备11010502030143号"
FILED = footer_facts(FORMATS, filing_numbers=[NUMBER], psb_numbers=[PSB])


def codes(markup: str, facts=FILED) -> list[str]:
    return [f.code for f in check_custom_footer(markup, facts)]


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "© 2026 北京示例科技有限公司 · 联系电话 010-12345678",
        '<p>© 2026 示例科技 · <a href="https://example.cn/about" target="_blank">关于我们</a></p>',
        '<a href="mailto:hi@example.cn">hi@example.cn</a> <a href="tel:+861012345678">电话</a> <a href="/contact">联系</a>',
        f'<a href="https://beian.miit.gov.cn/">{NUMBER}</a>',  # the site's own number, correctly linked
        f"{PSB}",
        "京ICP证030173号",  # a commercial licence number is not a filing number (§7.3)
        "<strong>示例</strong> <em>科技</em> <small>版权所有</small><br><span title='x' lang='zh'>·</span>",
    ],
)
def test_an_ordinary_footer_is_accepted(markup):
    assert codes(markup) == []


@pytest.mark.parametrize(
    "markup",
    [
        "<style>footer.beian{display:none!important}</style>",
        '<span style="position:fixed;bottom:0;left:0;right:0;height:80px;background:#fff;z-index:99999">©</span>',
        '<p class="beian">x</p>',
        '<p id="icp-number">x</p>',
        "<span hidden>x</span>",
        '<a href="/" onmouseover="document.querySelector(\'footer\').remove()">x</a>',
        "<script>document.querySelector('footer.beian').remove()</script>",
        '<div style="display:none">x</div>',
        '<iframe src="https://example.cn"></iframe>',
        '<img src="x" onerror="this.parentNode.nextSibling.remove()">',
        "<svg><style>footer{opacity:0}</style></svg>",
        "<link rel=stylesheet href=https://example.cn/hide.css>",
    ],
)
def test_markup_that_could_hide_the_filing_footer_is_refused(markup):
    findings = check_custom_footer(markup, FILED)
    assert [f.code for f in findings] == ["footer.custom.markup"]
    assert findings[0].is_error and findings[0].field == "custom_footer"


def test_the_refusal_names_the_markup():
    [finding] = check_custom_footer('<span style="display:none" class="x">a</span><style>p{}</style>', FILED)
    assert finding.params["items"] == ["style=", "class=", "<style>"]
    assert "style=, class=, <style>" in finding.message_zh and "style=, class=, <style>" in finding.message_en


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,<b>x</b>", "vbscript:x"]
)
def test_links_with_other_schemes_are_refused(url):
    findings = check_custom_footer(f'<a href="{url}">x</a>', FILED)
    assert [f.code for f in findings] == ["footer.custom.unsafe_link"]
    assert findings[0].params["url"] == url


@pytest.mark.parametrize(
    "markup",
    [
        "京ICP备2026000002号-1",  # another website's number
        "沪ICP备2026000001号-1",  # another province
        "京ICP备2026000001号",  # the subject number without -n (§8.1)
        "京ICP备2026000001号-2",
        "京ICP备12345号",  # malformed, still a number a reader would take for the site's
        "京ＩＣＰ备２０２６０００００２号-１",  # full-width
        "京ICP备<b>2026</b>000002号-1",  # split by markup
        "京ICP备2026\u200b000002号-1",  # split by a zero-width space
        "京 ICP 备 2026000002 号 - 1",
    ],
)
def test_another_filing_number_is_refused(markup):
    findings = check_custom_footer(markup, FILED)
    assert [f.code for f in findings] == ["footer.custom.other_number"]
    assert findings[0].params["expected"] == NUMBER
    assert NUMBER in findings[0].message_zh and NUMBER in findings[0].message_en


def test_the_sites_own_number_in_any_spelling_is_accepted():
    assert codes("京 ICP 备 2026000001 号-1") == []
    assert codes("京ICP备2026000001号-1 Copyright © 2026") == []  # a letter after it is not a suffix


def test_any_filing_number_is_refused_while_the_site_is_not_filed():
    findings = check_custom_footer(NUMBER, footer_facts(FORMATS))
    assert [f.code for f in findings] == ["footer.custom.other_number"]
    assert "尚未" in findings[0].message_zh and "not filed" in findings[0].message_en


def test_a_number_is_refused_when_the_sites_domains_have_different_numbers():
    facts = footer_facts(FORMATS, filing_numbers=[NUMBER, "京ICP备2026000001号-2"])
    findings = check_custom_footer(NUMBER, facts)
    assert [f.code for f in findings] == ["footer.custom.other_number"]
    assert "different numbers" in findings[0].message_en
    # listed as each language lists things; the params keep the stored (Chinese) list
    assert f"{NUMBER}, 京ICP备2026000001号-2" in findings[0].message_en
    assert f"{NUMBER}、京ICP备2026000001号-2" in findings[0].message_zh
    assert findings[0].params["expected"] == f"{NUMBER}、京ICP备2026000001号-2"


def test_another_public_security_number_is_refused():
    findings = check_custom_footer("京公网安备 11010502030144 号", FILED)
    assert [f.code for f in findings] == ["footer.custom.other_psb_number"]
    assert findings[0].params == {"number": "京公网安备11010502030144号", "expected": PSB}


def test_a_public_security_number_is_refused_while_none_is_entered():
    findings = check_custom_footer(PSB, footer_facts(FORMATS, filing_numbers=[NUMBER]))
    assert [f.code for f in findings] == ["footer.custom.other_psb_number"]
    assert "我的备案" in findings[0].fix_zh


@pytest.mark.parametrize(
    ("markup", "host"),
    [
        (f'<a href="http://www.miitbeian.gov.cn/">{NUMBER}</a>', "www.miitbeian.gov.cn"),
        ('<a href="http://miitbeian.gov.cn">工信部</a>', "miitbeian.gov.cn"),
        ('<a href="https://www.beian.miit.gov.cn/#/Integrated/index">查询</a>', "www.beian.miit.gov.cn"),
        ("备案查询：www.miitbeian.gov.cn", "www.miitbeian.gov.cn"),  # as text
    ],
)
def test_links_to_the_obsolete_miit_addresses_are_refused(markup, host):
    findings = check_custom_footer(markup, FILED)
    assert [f.code for f in findings] == ["footer.custom.obsolete_link"]
    assert findings[0].params == {"host": host, "link": "https://beian.miit.gov.cn/"}


def test_the_current_miit_link_is_not_obsolete():
    assert codes('<a href="https://beian.miit.gov.cn/">工信部备案查询</a>') == []


def test_a_footer_longer_than_the_limit_is_refused():
    findings = check_custom_footer("字" * 2001, FILED)
    assert [f.code for f in findings] == ["input.too_long"]
    assert findings[0].params == {"length": 2001, "limit": 2000}
    assert codes("字" * 2000) == []


def test_several_problems_are_all_reported():
    assert codes('<span style="x">沪ICP备2026000001号-1</span> <a href="http://www.miitbeian.gov.cn">x</a>') == [
        "footer.custom.markup",
        "footer.custom.other_number",
        "footer.custom.obsolete_link",
    ]


def test_numbers_are_found_as_a_reader_reads_them():
    assert icp_numbers_in("备案号：京ICP备2026000001号-4a，鲁ICP备2021022006号") == [
        "京ICP备2026000001号-4A",
        "鲁ICP备2021022006号",
    ]
    assert psb_numbers_in("京公网安备 11010502030143 号") == [PSB]


@pytest.mark.parametrize(
    "markup",
    [
        "<style>footer{display:none}</style>x",
        '<p style="position:fixed;inset:0">x</p>',
        "x<!-- ",
        "<a href='https://example.cn'>x",
        "x</p></main></body><footer class='beian'>京ICP备0000号</footer><p>",
        "<p class=beian id=icp-number hidden>x</p>",
    ],
)
def test_what_a_page_shows_cannot_reach_past_itself(markup):
    for cleaned in (clean_custom_footer(markup), clean_content(markup)):
        assert "<style" not in cleaned and "style=" not in cleaned and "class=" not in cleaned
        assert "id=" not in cleaned and "hidden" not in cleaned and "<!--" not in cleaned
        assert "</main>" not in cleaned and "<footer" not in cleaned
        assert cleaned.count("<a ") == cleaned.count("</a>") and cleaned.count("<p>") == cleaned.count("</p>")


def test_links_opening_a_new_window_cannot_reach_back():
    assert clean_custom_footer('<a href="https://example.cn" target="_blank" rel="opener">x</a>') == (
        '<a href="https://example.cn" target="_blank" rel="noopener noreferrer">x</a>'
    )


def test_content_keeps_its_structure_and_text():
    markup = '<h1>示例</h1><p>欢迎 <a href="/about">关于</a></p><ul><li>一</li></ul><img src="/logo.png" alt="logo">'
    assert clean_content(markup) == markup
    assert clean_content("<script>alert(1)</script><p>正文 &amp; <b>加粗</b></p>") == "<p>正文 &amp; <b>加粗</b></p>"
