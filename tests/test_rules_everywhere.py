"""The wizard, the API and the CLI give the same findings for the same order, and an operator's
edit of a banned word changes the wizard's answer on the next keystroke."""

import json
import subprocess
import sys

from django.test import Client

from beian.filings import services


def _login(user):
    client = Client()
    client.force_login(user)
    return client


def _wizard_findings(client, order, step, form_name, value, extra=None):
    data = {f"f-{form_name}": value, "_field": f"f-{form_name}", **(extra or {})}
    html = client.post(f"/apply/orders/{order.pk}/step/{step}/check/", data).content.decode()
    return html


def test_wizard_api_and_cli_agree(applicant, hosted_site, tmp_path):
    org = applicant.memberships.get().organisation
    order = services.order_create_draft(organisation=org, user=applicant, hosted_site=hosted_site)
    payload = {
        "subject": {"nature": 4, "province": "11", "certificate_type": 1, "certificate_number": "91110000600037341X"},
        "websites": [{"name": "中国示例网", "domain": "demo-shop.io"}],
    }

    api_codes = {
        (f["code"], f["field"])
        for f in _login(applicant).post("/api/v1/validate", payload, content_type="application/json").json()["findings"]
    }

    path = tmp_path / "order.json"
    path.write_text(json.dumps(payload, ensure_ascii=False))
    cli = subprocess.run([sys.executable, "-m", "beian.rules", "validate", str(path)], capture_output=True, text=True)
    assert cli.returncode == 1  # there are error findings
    cli_codes = {(f["code"], f["field"]) for f in json.loads(cli.stdout)}

    services.order_update(
        order=order,
        user=applicant,
        values={
            "subject.nature": 4,
            "subject.province": "11",
            "subject.certificate_type": 1,
            "subject.certificate_number": "91110000600037341X",
            "websites[0].name": "中国示例网",
            "websites[0].domain": "demo-shop.io",
        },
    )
    from beian.filings.validation import order_findings

    wizard_codes = {(f.code, f.field) for f in order_findings(order)}
    expected = {
        ("subject.uscc.checksum", "subject.certificate_number"),
        ("website.name.national_prefix", "websites[0].name"),
        ("website.domain.tld_not_approved", "websites[0].domain"),
    }
    assert expected <= api_codes
    assert expected <= cli_codes
    assert expected <= wizard_codes


def test_inline_alert_for_the_field_just_left(applicant, hosted_site):
    org = applicant.memberships.get().organisation
    order = services.order_create_draft(organisation=org, user=applicant, hosted_site=hosted_site)
    services.order_update(order=order, user=applicant, values={"subject.nature": 4, "subject.province": "11"})
    client = _login(applicant)
    typed = {"f-subject__certificate_type": "1"}
    html = _wizard_findings(client, order, "subject", "subject__certificate_number", "91110000600037341X", typed)
    assert "subject.uscc.checksum" in html
    ok = _wizard_findings(client, order, "subject", "subject__certificate_number", "91110000600037341L", typed)
    assert "subject.uscc.checksum" not in ok
    order.refresh_from_db()
    assert not order.subject.certificate_number  # checking never saves


def test_banned_word_edit_applies_on_next_keystroke(applicant, operator, hosted_site):
    from beian.reference.models import NameWord

    org = applicant.memberships.get().organisation
    order = services.order_create_draft(organisation=org, user=applicant, hosted_site=hosted_site)
    services.order_update(order=order, user=applicant, values={"subject.nature": 4, "subject.province": "11"})
    client = _login(applicant)
    before = _wizard_findings(client, order, "website", "website__name", "示例彩虹科技网")
    assert "website.name.sensitive_word" not in before

    operator.is_staff = True
    operator.save()
    from django.contrib.auth.models import Permission

    operator.user_permissions.add(*Permission.objects.filter(content_type__app_label="reference"))
    admin = _login(operator)
    response = admin.post(
        "/admin/reference/nameword/add/", {"list_key": "sensitive_words", "word": "彩虹", "extra": "{}"}
    )
    assert response.status_code == 302, response.content[:500]
    assert NameWord.objects.filter(word="彩虹").exists()

    after = _wizard_findings(client, order, "website", "website__name", "示例彩虹科技网")
    assert "website.name.sensitive_word" in after

    from beian.core.models import AuditEvent

    edit = AuditEvent.objects.get(action="reference.create")
    assert edit.actor == operator and "彩虹" in json.dumps(edit.data, ensure_ascii=False)


def test_rule_catalogue_page_lists_every_rule(db):
    from beian.rules.registry import RULES

    html = Client().get("/help/rules/").content.decode()
    for code in RULES:
        assert code in html
