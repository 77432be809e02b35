"""A step with errors is saved but cannot be continued; without errors it moves on."""
from django.test import Client

from beian.filings import services


def test_errors_keep_the_applicant_on_the_step_and_nothing_typed_is_lost(applicant, hosted_site):
    order = services.order_create_draft(organisation=applicant.memberships.get().organisation, user=applicant,
                                        hosted_site=hosted_site)
    services.order_update(order=order, user=applicant, values={"subject.nature": 4, "subject.province": "11"})
    client = Client()
    client.force_login(applicant)
    url = f"/apply/orders/{order.pk}/step/subject/"
    bad = client.post(url, {"f-subject__certificate_type": "1", "f-subject__certificate_number": "91110000600037341X",
                            "continue": "1"})
    assert bad.status_code == 200 and "subject.uscc.checksum" in bad.content.decode()
    order.subject.refresh_from_db()
    assert order.subject.certificate_number == "91110000600037341X"
    good = client.post(url, {"f-subject__certificate_type": "1", "f-subject__certificate_number": "91110000600037341L",
                             "continue": "1"})
    assert good.status_code == 302 and good["Location"].endswith("/step/website/")
