"""The wizard's steps as objects: order, next/previous, where a finding belongs, complete or not."""

from __future__ import annotations

from types import SimpleNamespace

from beian.applicant import flow
from beian.applicant.flow import CONFIRM, FLOW, MATERIALS
from beian.filings.precheck import Precheck
from beian.rules import registry
from beian.rules.findings import Finding, Severity

ORDER = SimpleNamespace(pk=1, status="DRAFT")  # every step applies to every order today


def finding(field: str, severity: Severity = Severity.ERROR, code: str = "x.y") -> Finding:
    return Finding(code=code, severity=severity, field=field, message_zh="", message_en="")


def test_the_steps_in_order_with_next_and_previous():
    keys = [s.key for s in FLOW.applicable(ORDER)]
    assert keys == ["verify", "checklist", "context", "subject", "website", "materials", "confirm"]
    assert (MATERIALS, CONFIRM) == ("materials", "confirm")
    website = FLOW.step("website")
    assert FLOW.next(ORDER, website).key == "materials" and FLOW.previous(ORDER, website).key == "subject"
    assert FLOW.previous(ORDER, FLOW.first(ORDER)) is None and FLOW.next(ORDER, FLOW.step("confirm")) is None
    assert FLOW.step("nope") is None
    context = FLOW.context(ORDER, FLOW.step("materials"))
    assert (context["step_index"], context["step_count"], context["next_step"].key) == (6, 7, "confirm")


def test_after_a_field_level_return_every_step_continues_to_confirm():
    returned = SimpleNamespace(pk=1, status="PROVIDER_NEEDS_CHANGES")
    assert [FLOW.after(returned, s).key for s in FLOW.applicable(returned)[:-1]] == ["confirm"] * 6
    assert FLOW.after(returned, FLOW.step("confirm")) is None
    assert FLOW.after(ORDER, FLOW.step("subject")).key == "website"
    assert FLOW.context(returned, FLOW.step("checklist"))["returning"] is True


def test_each_field_path_belongs_to_exactly_one_step():
    owners = {p: [s.key for s in FLOW if s.owns(p)] for s in FLOW for p in s.paths}
    assert all(len(keys) == 1 for keys in owners.values())
    assert FLOW.step_of_path("subject.nature").key == "checklist"
    assert FLOW.step_of_path("websites[0].domain").key == "context"
    assert FLOW.step_of_path("subject.principal.mobile").key == "subject"
    assert FLOW.step_of_path("materials.owner_photo").key == "materials"
    assert FLOW.step_of_path("filing_type").key == "verify"  # a wrong type shows on the first step
    assert FLOW.step_of_path("websites[0].unknown").key == "website"  # unknown sub-paths fall back by prefix
    assert flow.step_of_path == FLOW.step_of_path and FLOW.steps == flow.STEPS


def test_a_step_is_complete_without_errors_at_its_own_fields():
    subject, materials, confirm = FLOW.step("subject"), FLOW.step("materials"), FLOW.step("confirm")
    principal_error = finding("subject.principal.mobile")
    assert not subject.is_complete(ORDER, [principal_error])
    assert subject.is_complete(ORDER, [finding("subject.principal.mobile", Severity.WARNING)])
    assert subject.is_complete(ORDER, [finding("websites[0].name")])
    missing = registry.MATERIAL_MISSING.at(
        "materials.owner_photo", params={}, label=registry.Bilingual("照片", "photo")
    )
    check = Precheck(rule_findings=(), missing_materials=(missing,), material_findings=())
    assert not materials.is_complete(ORDER, check) and subject.is_complete(ORDER, check)
    assert not confirm.is_complete(ORDER, check)
    assert confirm.is_complete(ORDER, Precheck((finding("subject.name", Severity.WARNING),), (), ()))
