"""What may change in a change order, and what stops a change or cancellation (pure)."""

from __future__ import annotations

from beian.rules import record_orders as ro
from beian.rules.record_orders import RecordOrderInput, check_record_order


def codes(**kwargs) -> set[str]:
    return {f.code for f in check_record_order(RecordOrderInput(**kwargs))}


def test_province_certificate_nature_and_main_domain_never_change():
    for kind in ro.CHANGE_TYPES:
        for path in ("subject.province", "subject.certificate_number", "subject.nature", "websites[].domain"):
            assert not ro.editable(kind, path)
    assert ro.editable("CHANGE_SUBJECT", "subject.principal.mobile")
    assert not ro.editable("CHANGE_SUBJECT", "websites[].name")
    assert ro.editable("CHANGE_WEBSITE", "websites[].name") and ro.editable("CHANGE_WEBSITE", ro.OTHER_DOMAINS)
    assert not ro.editable("CHANGE_WEBSITE", "subject.name")
    assert ro.editable("CHANGE_FILING", "subject.name") and ro.editable("CHANGE_FILING", "websites[].name")
    assert not any(ro.editable(kind, "websites[].name") for kind in ro.CANCEL_TYPES)


def test_change_type_follows_what_changes():
    assert ro.change_type_for(subject=True, website=False) == "CHANGE_SUBJECT"
    assert ro.change_type_for(subject=False, website=True) == "CHANGE_WEBSITE"
    assert ro.change_type_for(subject=True, website=True) == "CHANGE_FILING"


def test_findings_outside_the_changed_part_do_not_hold_a_change_up():
    assert ro.in_scope("CHANGE_SUBJECT", "subject.name") and not ro.in_scope("CHANGE_SUBJECT", "websites[].name")
    assert ro.in_scope("CHANGE_WEBSITE", "websites[].name") and not ro.in_scope("CHANGE_WEBSITE", "subject.name")
    assert not ro.in_scope("CANCEL_WEBSITE", "websites[].principal.mobile")
    assert ro.in_scope("CANCEL_WEBSITE", "reason_code")


def test_a_change_must_change_something():
    assert "change.nothing_changed" in codes(filing_type="CHANGE_WEBSITE", domains_left=1)
    assert "change.nothing_changed" not in codes(
        filing_type="CHANGE_WEBSITE", changed_paths=["websites[0].name"], domains_left=1
    )
    assert "change.nothing_changed" not in codes(filing_type="CHANGE_WEBSITE", domains_added=["b.cn"], domains_left=2)


def test_domains_of_a_website_change():
    assert "change.domain.none_left" in codes(filing_type="CHANGE_WEBSITE", domains_removed=["a.cn"], domains_left=0)
    assert "change.domain.duplicate" in codes(
        filing_type="CHANGE_WEBSITE", domains_added=["b.cn"], duplicate_domains=["b.cn"], domains_left=2
    )
    assert "change.domain.filed_elsewhere" in codes(
        filing_type="CHANGE_WEBSITE", domains_added=["b.cn"], domains_filed_elsewhere=["b.cn"], domains_left=2
    )


def test_a_change_of_access_must_move_the_website():
    assert "change.access.nothing_changed" in codes(filing_type="CHANGE_ACCESS")
    assert not codes(filing_type="CHANGE_ACCESS", hosted_site_changed=True)


def test_a_cancellation_needs_a_listed_reason():
    assert "cancel.reason.required" in codes(filing_type="CANCEL_ACCESS")
    assert "cancel.reason.unknown" in codes(filing_type="CANCEL_ACCESS", reason_code="X", reason_codes=("SITE_CLOSED",))
    assert not codes(filing_type="CANCEL_ACCESS", reason_code="SITE_CLOSED", reason_codes=("SITE_CLOSED",))


def test_an_irreversible_cancellation_is_confirmed_by_typing_the_domain_or_name():
    base = {"filing_type": "CANCEL_WEBSITE", "reason_code": "SITE_CLOSED", "irreversible": True}
    assert "cancel.confirmation.mismatch" in codes(**base, confirmation="a.cn", expected_confirmation="b.cn")
    assert not codes(**base, confirmation=" B.CN ", expected_confirmation="b.cn")
    assert not codes(**base, confirmation="ｂ.ｃｎ", expected_confirmation="b.cn")  # full-width typed


def test_empty_shells_are_warned_of():
    found = check_record_order(
        RecordOrderInput(
            filing_type="CANCEL_ACCESS",
            reason_code="SITE_CLOSED",
            leaves_empty_shell_website=True,
            leaves_empty_shell_subject=True,
        )
    )
    assert {f.code for f in found} == {"cancel.empty_shell.website", "cancel.empty_shell.subject"}
    assert all(f.severity.value == "warning" for f in found)
