"""The wizard's field steps are filings.fields' groups (notifications and the reviewer's page use the
groups without importing the interface), and a path links to the step that edits it."""

from beian.applicant.flow import FLOW
from beian.filings import fields


def test_the_groups_are_the_wizard_steps_that_edit_fields():
    wizard = [(s.key, str(s.title), s.paths) for s in FLOW.steps if s.paths]
    assert [(g.key, str(g.title), g.paths) for g in fields.FIELD_GROUPS] == wizard


def test_every_path_links_to_the_step_the_wizard_edits_it_in():
    paths = [*fields.BY_PATH, "materials.licence", "subject.unknown", "websites[0].unknown"]
    assert {p: fields.step_key_of_path(p) for p in paths} == {p: FLOW.step_of_path(p).key for p in paths}


def test_what_an_order_against_a_record_asks_beyond_the_fields_links_to_its_own_step():
    """A reviewer returns a cancellation's reason or typed confirmation, or a change of access's site,
    like a field: its "fix it" link goes to the step that asks for it, not to the website step."""
    assert {p: fields.step_key_of_path(p) for p in fields.REQUEST_STEPS} == {
        "reason_code": "cancellation",
        "reason_note": "cancellation",
        "confirmation": "cancellation",
        "hosted_site": "access",
    }
    for path in fields.REQUEST_STEPS:
        assert fields.step_key_of_path(path) == FLOW.step_of_path(path).key, path
