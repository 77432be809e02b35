"""filings.fields groups the fields as the wizard's steps do (notifications and the reviewer's page
use the groups without importing the interface): the two must not drift apart."""

from beian.applicant import steps
from beian.filings import fields


def test_the_groups_are_the_wizard_steps_that_edit_fields():
    wizard = [(s.key, str(s.title), s.paths) for s in steps.STEPS if s.paths]
    assert [(g.key, str(g.title), g.paths) for g in fields.FIELD_GROUPS] == wizard


def test_every_path_links_to_the_step_the_wizard_edits_it_in():
    paths = [*fields.BY_PATH, "materials.licence", "subject.unknown", "websites[0].unknown"]
    assert {p: fields.step_key_of_path(p) for p in paths} == {p: steps.step_of_path(p).key for p in paths}
