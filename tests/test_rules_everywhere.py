"""The wizard, the API and the CLI give the same findings for the same order, and an operator's
edit of a banned word changes the wizard's answer on the next keystroke."""

import json
import subprocess
import sys

from django.test import Client

from beian.core.exceptions import ValidationFailed
from beian.filings import services
from beian.filings.validation import order_findings
from beian.hosting.models import HostedSite
from tests.builders import VALID_ENTERPRISE, OrderBuilder


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


# --- what is already filed: the same lookups for validate, the wizard and submit --------------------


def _everywhere(client, order, user, payload) -> tuple[set, set, set]:
    """(code, field) of the API's /validate, the wizard's findings and submit's refusal."""
    validate = {
        (f["code"], f["field"])
        for f in client.post("/api/v1/validate", payload, content_type="application/json").json()["findings"]
    }
    wizard = {(f.code, f.field) for f in order_findings(order)}
    try:
        services.order_submit(order=order, user=user)
    except ValidationFailed as refused:
        submit = {(f.code, f.field) for f in refused.findings}
    else:
        submit = set()
    return validate, wizard, submit


def _payload(domain: str) -> dict:
    return {
        "filing_type": "FIRST_FILING",
        "subject": {
            "nature": 4,
            "province": "11",
            "certificate_type": 1,
            "certificate_number": VALID_ENTERPRISE["subject.certificate_number"],
        },
        "websites": [{"domain": domain}],
        # what a client claims is filed is ignored: the lookups decide
        "existing": {"subject_filed": False, "domains_filed_elsewhere": []},
    }


def test_a_domain_filed_under_another_subject_gets_the_same_answer_everywhere(applicant, orders):
    order = orders.complete_draft(overrides={"websites[0].domain": "xinghe-net.cn"})  # 粤ICP备2020087654号-1
    expected = ("website.domain.filed_by_other_subject", "websites[0].domain")
    validate, wizard, submit = _everywhere(_login(applicant), order, applicant, _payload("xinghe-net.cn"))
    assert expected in validate and expected in wizard and expected in submit


def test_the_same_company_under_a_second_account_gets_the_same_answer_everywhere(orders, other_tenant):
    filed = orders.approved()
    organisation = other_tenant.memberships.get().organisation
    site = HostedSite.objects.create(organisation=organisation, slug="second", title="第二个账号的站点")
    second = OrderBuilder(organisation=organisation, user=other_tenant, site=site)
    order = second.complete_draft(overrides={"websites[0].domain": "demo-second.cn"})
    expected = ("order.filing_type.subject_other_account", "subject.certificate_number")
    validate, wizard, submit = _everywhere(_login(other_tenant), order, other_tenant, _payload("demo-second.cn"))
    assert expected in validate and expected in wizard and expected in submit
    # and its own filed domain is never "filed under another subject" (identity is the certificate)
    own = (
        _login(other_tenant)
        .post("/api/v1/validate", _payload(filed.website.domain), content_type="application/json")
        .json()["findings"]
    )
    assert "website.domain.filed_by_other_subject" not in {f["code"] for f in own}
