"""The platform's provisioning API as a site builder calls it: PUT twice gives one row, batches with a bad
item, pages that neither repeat nor miss a row while rows are added, filters, another platform's ids,
the token's scope, and the refusals that protect the filing records."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from beian.accounts.models import Organisation, Platform, User
from beian.accounts.tokens import platform_token_issue
from beian.core import clock
from beian.core.models import AuditEvent
from beian.hosting.models import HostedSite, SiteDomain

BASE = "/api/v1/platform"


@pytest.fixture
def api(platform_client):
    return platform_client(scopes=["provisioning"])


def put(client, path, body=None, **headers):
    return client.put(BASE + path, json.dumps(body or {}), content_type="application/json", **headers)


def post(client, path, body, **headers):
    return client.post(BASE + path, json.dumps(body), content_type="application/json", **headers)


def get(client, path, **params):
    return client.get(BASE + path, params)


def delete(client, path, **headers):
    return client.delete(BASE + path, **headers)


@pytest.fixture
def stranger(db, operator):
    """Another platform's client, with an organisation, user and site of its own."""
    from django.test import Client

    other = Platform.objects.create(name="另一个建站平台", slug="otherbuilder")
    _token, key = platform_token_issue(platform=other, name="theirs", scopes=["provisioning"], actor=operator)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    assert put(client, "/organisations/theirs-1", {"name": "别家的客户"}).status_code == 201
    assert put(client, "/users/their-user", {"name": "王五"}).status_code == 201
    assert (
        put(client, "/organisations/theirs-1/sites/their-site", {"slug": "their-site", "title": "别家"}).status_code
        == 201
    )
    return client


# --- organisations -------------------------------------------------------------------------------------


def test_an_organisation_put_twice_is_created_once(api):
    first = put(api, "/organisations/acct-9", {"name": "杭州新客户有限公司"})
    assert first.status_code == 201, first.content
    assert first.json()["created"] is True and first.json()["status"] == "created"
    again = put(api, "/organisations/acct-9", {"name": "杭州新客户有限公司"})
    assert again.status_code == 200
    assert again.json()["created"] is False and again.json()["status"] == "unchanged"
    assert {k: v for k, v in again.json().items() if k not in ("created", "status")} == {
        k: v for k, v in first.json().items() if k not in ("created", "status")
    }
    assert Organisation.objects.filter(external_id="acct-9").count() == 1
    renamed = put(api, "/organisations/acct-9", {"name": "杭州新客户集团有限公司"})
    assert renamed.json()["status"] == "updated"
    assert get(api, "/organisations/acct-9").json()["name"] == "杭州新客户集团有限公司"


def test_a_bad_organisation_is_422_with_a_code_and_nothing_is_made(api):
    answer = put(api, "/organisations/acct-9", {"name": ""})
    assert answer.status_code == 422
    assert answer.json()["code"] == "provisioning.name_required" and answer.json()["field"] == "name"
    assert not Organisation.objects.filter(external_id="acct-9").exists()


def test_the_platform_sets_an_organisations_plan(api):
    """The plan decides what is free for the customer (beian.plans): basic by default."""
    made = put(api, "/organisations/acct-9", {"name": "甲公司"})
    assert made.json()["plan"] == "basic"
    upgraded = put(api, "/organisations/acct-9", {"name": "甲公司", "plan": "advanced"})
    assert upgraded.status_code == 200 and upgraded.json()["status"] == "updated"
    assert upgraded.json()["plan"] == "advanced"
    assert get(api, "/organisations/acct-9").json()["plan"] == "advanced"
    assert get(api, "/organisations").json()["items"][0]["plan"] in ("basic", "advanced")
    assert put(api, "/organisations/acct-9", {"name": "甲公司"}).json()["plan"] == "advanced"  # left out: kept
    unknown = put(api, "/organisations/acct-9", {"name": "乙公司", "plan": "platinum"})
    assert unknown.status_code == 422 and unknown.json()["code"] == "plan.unknown" and unknown.json()["field"] == "plan"
    assert Organisation.objects.get(external_id="acct-9").name == "甲公司"  # nothing changed


def test_an_idempotency_key_replays_the_first_answer(api):
    first = put(api, "/organisations/acct-9", {"name": "甲公司"}, HTTP_IDEMPOTENCY_KEY="k-1")
    replay = put(api, "/organisations/acct-9", {"name": "甲公司"}, HTTP_IDEMPOTENCY_KEY="k-1")
    assert first.status_code == replay.status_code == 201 and replay.json() == first.json()
    reused = put(api, "/organisations/acct-9", {"name": "乙公司"}, HTTP_IDEMPOTENCY_KEY="k-1")
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency.key_reused"
    assert Organisation.objects.get(external_id="acct-9").name == "甲公司"


def test_removing_an_organisation_without_history(api, applicant):
    put(api, "/organisations/acct-9", {"name": "甲公司"})
    put(api, "/organisations/acct-9/sites/s-1", {"slug": "jia", "title": "甲", "domains": ["jia.cn"]})
    answer = delete(api, "/organisations/acct-9")
    assert answer.status_code == 200 and answer.json() == {"removed": True}
    assert get(api, "/organisations/acct-9").status_code == 404
    assert not SiteDomain.objects.filter(domain="jia.cn").exists()
    assert delete(api, "/organisations/acct-9").json()["code"] == "provisioning.organisation_not_found"


def test_an_organisation_with_a_filing_order_is_not_removed(api, orders):
    orders.draft()
    answer = delete(api, "/organisations/acct-1")
    assert answer.status_code == 409 and answer.json()["code"] == "provisioning.organisation_has_filings"
    assert Organisation.objects.filter(external_id="acct-1").exists()


# --- users and memberships -----------------------------------------------------------------------------


def test_users_put_removed_and_back(api):
    made = put(api, "/users/u-1", {"name": "张三", "email": "zhang@example.com"})
    assert made.status_code == 201 and made.json()["active"] is True
    assert put(api, "/users/u-1", {"name": "张三", "email": "zhang@example.com"}).json()["created"] is False
    removed = delete(api, "/users/u-1")
    assert removed.status_code == 200 and removed.json()["active"] is False and removed.json()["status"] == "updated"
    assert User.objects.filter(external_id="u-1").exists()  # deactivated, never deleted
    assert get(api, "/users/u-1").json()["active"] is False
    assert delete(api, "/users/u-1").json()["status"] == "unchanged"
    assert put(api, "/users/u-1", {"name": "张三", "email": "zhang@example.com"}).json()["active"] is True


def test_memberships_are_set_changed_and_removed(api):
    put(api, "/users/u-1", {"name": "张三"})
    made = put(api, "/organisations/acct-1/members/u-1", {"role": "owner"})
    assert made.status_code == 201 and made.json() == {
        "organisation": "acct-1",
        "user": "u-1",
        "role": "owner",
        "created": True,
        "status": "created",
    }
    assert put(api, "/organisations/acct-1/members/u-1", {"role": "owner"}).json()["status"] == "unchanged"
    assert put(api, "/organisations/acct-1/members/u-1", {"role": "member"}).json()["status"] == "updated"
    assert get(api, "/organisations/acct-1").json()["members"] == [{"user": "u-1", "role": "member"}]
    assert get(api, "/users/u-1").json()["organisations"] == [{"organisation": "acct-1", "role": "member"}]
    bad = put(api, "/organisations/acct-1/members/u-1", {"role": "admin"})
    assert bad.status_code == 422 and bad.json()["code"] == "provisioning.role_invalid"
    assert delete(api, "/organisations/acct-1/members/u-1").status_code == 200
    gone = delete(api, "/organisations/acct-1/members/u-1")
    assert gone.status_code == 404 and gone.json()["code"] == "provisioning.membership_not_found"
    assert get(api, "/organisations/acct-1").json()["members"] == []


# --- sites and domains ---------------------------------------------------------------------------------


def test_a_site_with_domains_put_twice_then_domains_added_and_removed(api):
    body = {"slug": "new-shop", "title": "新店", "domains": ["new-shop.cn", "例子.中国"]}
    first = put(api, "/organisations/acct-1/sites/s-1", body)
    assert first.status_code == 201, first.content
    assert first.json()["domains"] == [
        {"domain": "new-shop.cn", "domain_ascii": "new-shop.cn"},
        {"domain": "例子.中国", "domain_ascii": "xn--fsqu00a.xn--fiqs8s"},
    ]
    assert first.json()["address_url"].startswith("http://new-shop.localhost")
    assert put(api, "/organisations/acct-1/sites/s-1", body).json()["status"] == "unchanged"
    added = put(api, "/organisations/acct-1/sites/s-1/domains/www.new-shop.cn")
    assert added.status_code == 201 and added.json()["site"] == "s-1"
    assert put(api, "/organisations/acct-1/sites/s-1/domains/WWW.new-shop.cn").status_code == 200
    assert delete(api, "/organisations/acct-1/sites/s-1/domains/例子.中国").status_code == 200
    read = get(api, "/organisations/acct-1/sites/s-1").json()
    assert [d["domain"] for d in read["domains"]] == ["new-shop.cn", "www.new-shop.cn"]


def test_a_domain_of_another_site_is_a_409(api, hosted_site):
    put(api, "/organisations/acct-1/sites/s-1", {"slug": "new-shop", "title": "新店"})
    taken = put(api, "/organisations/acct-1/sites/s-1/domains/demo-shop.cn")
    assert taken.status_code == 409 and taken.json()["code"] == "provisioning.domain_taken"
    slug = put(api, "/organisations/acct-1/sites/s-2", {"slug": "demo-shop", "title": "x"})
    assert slug.status_code == 409 and slug.json()["code"] == "provisioning.slug_taken"
    assert SiteDomain.objects.get(domain="demo-shop.cn").site_id == hosted_site.pk


def test_a_site_with_an_open_order_and_a_filed_domain_are_refused(api, orders, hosted_site):
    HostedSite.objects.filter(pk=hosted_site.pk).update(external_id="shop")
    orders.submitted()
    open_order = delete(api, "/organisations/acct-1/sites/shop")
    assert open_order.status_code == 409 and open_order.json()["code"] == "provisioning.site_has_open_order"
    assert HostedSite.objects.filter(pk=hosted_site.pk).exists()


def test_a_filed_site_and_its_filed_domain_are_refused(api, orders, hosted_site):
    HostedSite.objects.filter(pk=hosted_site.pk).update(external_id="shop")
    number = orders.approved().website.filing_number
    site = delete(api, "/organisations/acct-1/sites/shop")
    assert site.status_code == 409 and site.json()["code"] == "provisioning.site_filed"
    assert number in site.json()["message"]
    domain = delete(api, "/organisations/acct-1/sites/shop/domains/demo-shop.cn")
    assert domain.status_code == 409 and domain.json()["code"] == "provisioning.domain_filed"
    assert SiteDomain.objects.filter(site=hosted_site, domain="demo-shop.cn").exists()


# --- batches -------------------------------------------------------------------------------------------


def test_a_batch_with_a_bad_item_does_the_others(api):
    items = [
        {"external_id": "b-1", "name": "一号公司"},
        {"external_id": "b-2", "name": ""},
        {"external_id": "bad id", "name": "三号公司"},
        {"external_id": "acct-1", "name": "北京示例科技有限公司"},
        {"external_id": "b-5", "name": "五号公司"},
    ]
    answer = post(api, "/batch/organisations", {"items": items})
    assert answer.status_code == 200, answer.content
    results = answer.json()["items"]
    assert [r["status"] for r in results] == ["created", "error", "error", "unchanged", "created"]
    assert [r["external_id"] for r in results] == ["b-1", "b-2", "bad id", "acct-1", "b-5"]
    assert results[1]["error"]["code"] == "provisioning.name_required"
    assert results[2]["error"]["code"] == "provisioning.external_id_invalid"
    assert results[0]["error"] is None
    assert set(Organisation.objects.values_list("external_id", flat=True)) == {"acct-1", "b-1", "b-5"}
    again = post(api, "/batch/organisations", {"items": items}).json()["items"]
    assert [r["status"] for r in again] == ["unchanged", "error", "error", "unchanged", "unchanged"]


def test_a_batch_of_more_than_100_is_refused_whole(api):
    items = [{"external_id": f"b-{i}", "name": f"公司{i}"} for i in range(101)]
    answer = post(api, "/batch/organisations", {"items": items})
    assert answer.status_code == 422 and answer.json()["code"] == "provisioning.batch_too_large"
    assert not Organisation.objects.filter(external_id__startswith="b-").exists()
    assert post(api, "/batch/organisations", {"items": items[:100]}).status_code == 200
    assert Organisation.objects.filter(external_id__startswith="b-").count() == 100


def test_batches_of_users_and_sites(api, hosted_site):
    users = post(
        api,
        "/batch/users",
        {"items": [{"external_id": "u-1", "name": "张三"}, {"external_id": "u-2", "name": "李四", "email": "bad"}]},
    ).json()["items"]
    assert [u["status"] for u in users] == ["created", "error"] and users[1]["error"]["field"] == "email"
    sites = post(
        api,
        "/batch/sites",
        {
            "items": [
                {"organisation": "acct-1", "external_id": "s-1", "slug": "s-one", "title": "一", "domains": ["one.cn"]},
                {
                    "organisation": "acct-1",
                    "external_id": "s-2",
                    "slug": "s-two",
                    "title": "二",
                    "domains": ["demo-shop.cn"],
                },
                {"organisation": "nobody", "external_id": "s-3", "slug": "s-three", "title": "三"},
            ]
        },
    ).json()["items"]
    assert [s["status"] for s in sites] == ["created", "error", "error"]
    assert sites[1]["error"]["code"] == "provisioning.domain_taken"
    assert sites[2]["error"]["code"] == "provisioning.organisation_not_found"
    assert not HostedSite.objects.filter(external_id="s-2").exists()  # the refused item left nothing behind
    assert SiteDomain.objects.get(domain="one.cn").site.external_id == "s-1"


# --- lists: pagination and filters ---------------------------------------------------------------------


def _all_pages(client, path, limit, between=None, **params):
    seen, cursor, pages = [], None, 0
    while True:
        page = get(client, path, limit=limit, **({"cursor": cursor} if cursor else {}), **params)
        assert page.status_code == 200, page.content
        body = page.json()
        assert len(body["items"]) <= limit
        seen += [item["external_id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if between and pages == 1:
            between()
        if cursor is None:
            return seen, pages


def test_paging_hands_out_each_organisation_once_while_others_are_added(api):
    for i in range(7):
        put(api, f"/organisations/p-{i}", {"name": f"公司{i}"})

    def meanwhile():  # after the first page: two added, one not yet handed out removed
        put(api, "/organisations/late-1", {"name": "后来的公司"})
        Organisation.objects.filter(external_id="p-3").delete()
        put(api, "/organisations/late-2", {"name": "后来的公司二"})

    seen, pages = _all_pages(api, "/organisations", 3, between=meanwhile)
    assert seen == ["acct-1", "p-0", "p-1", "p-2", "p-4", "p-5", "p-6", "late-1", "late-2"]
    assert pages == 3


def test_bad_cursor_and_limit_are_422_with_codes(api):
    bad_cursor = get(api, "/organisations", cursor="not-a-cursor")
    assert bad_cursor.status_code == 422 and bad_cursor.json()["code"] == "pagination.cursor_invalid"
    too_many = get(api, "/organisations", limit=101)
    assert too_many.status_code == 422 and too_many.json()["code"] == "pagination.limit_invalid"
    assert get(api, "/organisations", limit=100).status_code == 200


def test_list_filters(api):
    for i, name in enumerate(["杭州甲公司", "上海乙公司", "杭州丙公司"]):
        put(api, f"/organisations/f-{i}", {"name": name})
    assert _ids(get(api, "/organisations", name="杭州")) == ["f-0", "f-2"]
    assert _ids(get(api, "/organisations", external_id__in="f-1,f-2,nope")) == ["f-1", "f-2"]
    clock.advance(hours=1)
    since = clock.now()
    put(api, "/organisations/f-0", {"name": "杭州甲集团"})
    assert _ids(get(api, "/organisations", updated_since=since.isoformat())) == ["f-0"]
    clock.advance(hours=1)
    since = clock.now()
    put(api, "/users/u-9", {"name": "赵六"})
    put(api, "/organisations/f-2/members/u-9", {"role": "member"})  # a new member changes the organisation
    assert _ids(get(api, "/organisations", updated_since=since.isoformat())) == ["f-2"]
    clock.advance(hours=1)
    since = clock.now()
    put(api, "/organisations/f-1", {"name": "上海乙公司", "plan": "advanced"})  # only the plan changes
    assert _ids(get(api, "/organisations", updated_since=since.isoformat())) == ["f-1"]
    assert _ids(get(api, "/organisations", updated_since="2000-01-01T00:00:00Z"))[:1] == [
        "acct-1"
    ]  # never provisioned: since made
    too_long = get(api, "/organisations", external_id__in=",".join(f"x{i}" for i in range(101)))
    assert too_long.status_code == 422 and too_long.json()["code"] == "provisioning.filter_too_long"

    put(api, "/users/u-1", {"name": "张三", "email": "zhang@example.com"})
    put(api, "/users/u-2", {"name": "李四"})
    put(api, "/organisations/f-1/members/u-2", {"role": "owner"})
    delete(api, "/users/u-1")
    assert _ids(get(api, "/users", active="false")) == ["u-1"]
    assert _ids(get(api, "/users", email="ZHANG@example.com")) == ["u-1"]
    assert _ids(get(api, "/users", organisation="f-1")) == ["u-2"]

    put(api, "/organisations/f-1/sites/s-1", {"slug": "yi", "title": "乙", "domains": ["yi.cn"]})
    put(api, "/organisations/f-2/sites/s-2", {"slug": "bing", "title": "丙", "domains": ["例子.中国"]})
    assert _ids(get(api, "/sites", organisation="f-2")) == ["s-2"]
    assert _ids(get(api, "/sites", domain="xn--fsqu00a.xn--fiqs8s")) == ["s-2"]
    assert _ids(get(api, "/sites", slug="yi")) == ["s-1"]
    assert get(api, "/sites", organisation="nobody").status_code == 404


def _ids(answer) -> list[str]:
    assert answer.status_code == 200, answer.content
    return [item["external_id"] for item in answer.json()["items"]]


# --- tenant isolation, scope ---------------------------------------------------------------------------


def test_another_platforms_ids_are_404_and_its_rows_are_not_listed(api, stranger):
    for answer in (
        get(api, "/organisations/theirs-1"),
        delete(api, "/organisations/theirs-1"),
        put(api, "/organisations/theirs-1/members/u-1", {"role": "member"}),
        get(api, "/organisations/theirs-1/sites/their-site"),
        put(api, "/organisations/theirs-1/sites/their-site/domains/x.cn"),
    ):
        assert answer.status_code == 404 and answer.json()["code"] == "provisioning.organisation_not_found"
    assert get(api, "/users/their-user").json()["code"] == "provisioning.user_not_found"
    put(api, "/users/u-1", {"name": "张三"})
    member = put(api, "/organisations/acct-1/members/their-user", {"role": "member"})
    assert member.status_code == 404 and member.json()["code"] == "provisioning.user_not_found"
    assert "theirs-1" not in _ids(get(api, "/organisations"))
    assert _ids(get(api, "/users")) == ["u-1"]
    assert "their-site" not in _ids(get(api, "/sites"))
    # the same ids are free for us: a different organisation
    assert put(api, "/organisations/theirs-1", {"name": "我们的客户"}).status_code == 201
    assert Organisation.objects.filter(external_id="theirs-1").count() == 2
    assert get(stranger, "/organisations/theirs-1").json()["name"] == "别家的客户"


def test_a_token_without_the_provisioning_scope_is_403(platform_client):
    orders_only = platform_client(scopes=["orders"])
    answer = put(orders_only, "/organisations/acct-9", {"name": "甲公司"})
    assert answer.status_code == 403 and answer.json()["code"] == "token.scope_missing"
    assert get(orders_only, "/organisations").status_code == 403
    assert not Organisation.objects.filter(external_id="acct-9").exists()


def test_an_expired_token_is_401(platform_client):
    client = platform_client(scopes=["provisioning"], expires_at=clock.now() + timedelta(minutes=5))
    assert get(client, "/organisations").status_code == 200
    clock.advance(hours=1)
    assert get(client, "/organisations").json()["code"] == "unauthenticated"


def test_changes_are_audited_with_the_token(api):
    put(api, "/organisations/acct-9", {"name": "甲公司"})
    event = AuditEvent.objects.get(action="organisation.provisioned")
    assert event.actor_label == f"platform:sitebuilder:{api.platform_key[:10]}"
