"""The "验证备案类型" decision (rules §1) as a table: what the lookups found -> the type, or the
refusal that names the right path."""

from __future__ import annotations

import pytest

from beian.rules.filing_type import DomainState, SubjectState, check_recorded_match, decide_filing_type
from beian.rules.model import (
    ExistingFilings,
    OrderInput,
    PersonInput,
    RecordedSubject,
    RecordedWebsite,
    SubjectInput,
    WebsiteInput,
)
from beian.rules.registry import Bilingual

NONE = SubjectState()
OURS = SubjectState(filed=True, with_us=True, number="京ICP备2026000001号", province="11")
ELSEWHERE = SubjectState(filed=True, number="沪ICP备2021012345号", province="31")
OTHER_ACCOUNT = SubjectState(filed=True, with_us=True, other_account=True)

NEW = DomainState("new.cn")
FILED_ELSEWHERE_SAME = DomainState("yunfan-tech.cn", filed=True, same_subject=True, number="沪ICP备2021012345号-1")
FILED_OTHER_SUBJECT = DomainState("taken.cn", filed=True)
OURS_ACCESSED = DomainState("ours.cn", filed=True, same_subject=True, with_us=True, accessed_by_us=True, number="-1")
OURS_NOT_ACCESSED = DomainState("left.cn", filed=True, same_subject=True, with_us=True, number="京ICP备2026000001号-2")


@pytest.mark.parametrize(
    ("subject", "domains", "expected"),
    [
        (NONE, [NEW], "FIRST_FILING"),
        (NONE, [], "FIRST_FILING"),
        (OURS, [NEW], "NEW_WEBSITE"),
        (ELSEWHERE, [NEW], "NEW_WEBSITE"),
        (ELSEWHERE, [FILED_ELSEWHERE_SAME], "NEW_ACCESS"),
        (OURS, [OURS_NOT_ACCESSED], "NEW_ACCESS"),  # filed with us, our access ended: access again
        (OURS, [NEW, NEW], "NEW_WEBSITE"),
    ],
)
def test_the_detected_type(subject, domains, expected):
    decision = decide_filing_type(subject, domains)
    assert (decision.filing_type, decision.findings) == (expected, ())


@pytest.mark.parametrize(
    ("subject", "domains", "code"),
    [
        (NONE, [FILED_OTHER_SUBJECT], "website.domain.filed_by_other_subject"),
        (ELSEWHERE, [FILED_OTHER_SUBJECT], "website.domain.filed_by_other_subject"),
        (OURS, [OURS_ACCESSED], "website.domain.already_filed_with_us"),
        (OTHER_ACCOUNT, [NEW], "order.filing_type.subject_other_account"),
        (ELSEWHERE, [NEW, FILED_ELSEWHERE_SAME], "order.filing_type.mixed"),
    ],
)
def test_refusals_name_the_right_path(subject, domains, code):
    decision = decide_filing_type(subject, domains)
    assert decision.refused and decision.filing_type == ""
    assert [f.code for f in decision.findings] == [code]
    assert decision.findings[0].fix_en and decision.findings[0].fix_zh  # what to do instead


def test_a_lookup_that_failed_is_never_guessed_around():
    decision = decide_filing_type(NONE, [NEW], lookup_unavailable=True)
    assert decision.refused and [f.code for f in decision.findings] == ["order.filing_type.lookup_unavailable"]
    assert "try again" in decision.findings[0].fix_en


def test_another_accounts_subject_reveals_nothing_of_it():
    decision = decide_filing_type(OTHER_ACCOUNT, [FILED_OTHER_SUBJECT])
    finding = decision.findings[0]
    assert finding.code == "order.filing_type.subject_other_account" and len(decision.findings) == 1
    assert "京ICP" not in finding.message_zh + finding.message_en and not finding.params


def test_a_subject_filed_in_another_province():
    decision = decide_filing_type(
        SubjectState(
            filed=True, number="沪ICP备2021012345号", province="31", province_name=Bilingual("上海", "Shanghai")
        ),
        [NEW],
        province="11",
    )
    assert [f.code for f in decision.findings] == ["order.filing_type.province_mismatch"]
    assert "Shanghai" in decision.findings[0].message_en and "上海" in decision.findings[0].message_zh


def test_a_requested_type_the_lookups_contradict_explains_why():
    names = {"NEW_ACCESS": Bilingual("新增接入", "New access"), "FIRST_FILING": Bilingual("首次备案", "First filing")}
    decision = decide_filing_type(ELSEWHERE, [FILED_ELSEWHERE_SAME], requested="FIRST_FILING", type_names=names)
    (finding,) = decision.findings
    assert finding.code == "order.filing_type.requested_wrong"
    assert finding.params == {"expected": "NEW_ACCESS", "actual": "FIRST_FILING"}
    assert "沪ICP备2021012345号-1" in finding.message_en and "New access" in finding.message_en
    assert decide_filing_type(ELSEWHERE, [FILED_ELSEWHERE_SAME], requested="NEW_ACCESS").filing_type == "NEW_ACCESS"


def test_no_new_website_while_a_subject_change_is_open():
    pending = SubjectState(filed=True, with_us=True, number="京ICP备2026000001号", change_pending="BA2026010100007")
    (finding,) = decide_filing_type(pending, [NEW]).findings
    assert finding.code == "order.filing_type.subject_change_pending" and "BA2026010100007" in finding.message_en
    # new access is not a new website: it may coexist
    assert decide_filing_type(pending, [OURS_NOT_ACCESSED]).filing_type == "NEW_ACCESS"


@pytest.mark.parametrize(("can_add", "refused"), [(False, True), (True, False), (None, False)])
def test_an_empty_shell_subject_where_the_province_does_not_allow_a_new_website(can_add, refused):
    shell = SubjectState(filed=True, with_us=True, number="京ICP备2026000001号", empty_shell=True)
    decision = decide_filing_type(shell, [NEW], empty_shell_can_add_website=can_add)
    assert decision.refused is refused
    if refused:
        assert [f.code for f in decision.findings] == ["subject.empty_shell.cannot_add_website"]


def _new_access(subject_name: str, site_name: str, principal: str):
    recorded = RecordedSubject(
        number="沪ICP备2021012345号",
        name="上海云帆信息技术有限公司",
        principal_name="陈静",
        websites=[RecordedWebsite("沪ICP备2021012345号-1", "云帆信息官网", ["yunfan-tech.cn"], "陈静")],
    )
    return OrderInput(
        filing_type="NEW_ACCESS",
        subject=SubjectInput(name=subject_name, principal=PersonInput(name="陈静")),
        websites=[WebsiteInput(name=site_name, domain="www.yunfan-tech.cn", principal=PersonInput(name=principal))],
        existing=ExistingFilings(subject_filed=True, filed_domains=["yunfan-tech.cn"], recorded=recorded),
    )


def test_new_access_entries_must_match_the_recorded_filing():
    assert check_recorded_match(_new_access("上海云帆信息技术有限公司", "云帆信息官网", "陈静")) == []
    findings = check_recorded_match(_new_access("上海云帆科技有限公司", "云帆官网", "王五"))
    assert [(f.code, f.field) for f in findings] == [
        ("order.recorded.mismatch", "subject.name"),
        ("order.recorded.mismatch", "websites[0].name"),
        ("order.recorded.mismatch", "websites[0].principal.name"),
    ]
    assert "云帆信息官网" in findings[1].message_zh  # the public website name is shown
    assert "陈静" not in findings[2].message_zh + findings[2].message_en  # a principal's name never is
