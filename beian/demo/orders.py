"""Complete, valid enterprise first filings for tests and demos, with materials that pass the checks.

One `Profile` per demo company: the typed data matches the synthetic licence and ID-card images
drawn by `beian.demo.samples` (OCR reads back the name, credit code and ID number), the
certificate numbers carry correct check characters, and the addresses lie in the filing province.
Tests (tests/factories.py) and the `seed_demo_queue` command build orders from here. The sandbox
reject trigger is the sandbox adapter's own (`REJECT_TAG`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from beian.accounts.models import Membership, Organisation, User
from beian.core.crypto import blind_index
from beian.demo import samples as builders
from beian.filings import services, states
from beian.filings.fields import websites_of
from beian.filings.models import Order, SubjectFiling
from beian.filings.precheck import order_precheck
from beian.hosting.models import HostedSite, SiteDomain
from beian.materials.services import material_run_checks, material_upload, order_requirements
from beian.materials.verification_data import verification_form_data
from beian.notifications.models import SmsMessage
from beian.regulator.adapters.sandbox import REJECT_TAG as REJECT_TRIGGER
from beian.regulator.models import latest_case
from beian.regulator.services import case_decide, sms_verify, submission_enqueue, submissions_process_due


@dataclass(frozen=True)
class Profile:
    key: str
    province: str  # GB code
    city: str
    company: str
    uscc: str
    certificate_address: str
    mailing_address: str  # without the province name (rules: it must not repeat it)
    office_phone: str
    person: str
    id_number: str
    mobile: str
    emergency_phone: str
    email: str
    domain: str
    site_name: str
    remark: str


def _org_code_check(body: str) -> str:
    """GB 11714 check character of an 8-character organisation code."""
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    value = 11 - sum(w * int(c, 36) for w, c in zip(weights, body, strict=True)) % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def make_uscc(region: str, serial: int) -> str:
    """An enterprise (91) credit code registered in `region` (6 digits) with valid check characters."""
    from stdnum.cn import uscc

    body = f"{60000000 + serial:08d}"
    code = f"91{region}{body}{_org_code_check(body)}"
    return code + uscc.calc_check_digit(code)


def make_id_number(region: str, birth: str, serial: int) -> str:
    """A resident ID number (region 6 digits, birth YYYYMMDD) with its check digit."""
    from stdnum.cn import ric

    body = f"{region}{birth}{serial % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum ignores the last character


BEIJING = Profile(
    key="beijing",
    province="11",
    city="北京市",
    company=builders.COMPANY,
    uscc=builders.USCC,
    certificate_address="北京市海淀区中关村大街1号",
    mailing_address="海淀区中关村大街1号101室",
    office_phone="010-62345678",
    person=builders.PERSON,
    id_number=builders.ID_NUMBER,
    mobile="13800138000",
    emergency_phone="13900139000",
    email="zhangsan@example.com",
    domain="demo-shop.cn",
    site_name="示例科技官网",
    remark="北京示例科技有限公司官方网站，介绍公司的产品与技术服务。",
)

# The demo's new-access company (`seed_demo`'s `yunfan`): subject and website filed through another
# provider, as the external-filing fixture holds them (beian/integrations/fixtures/external-filings.json:
# 沪ICP备2021012345号, principal 陈静, -1 云帆信息官网 yunfan-tech.cn, mobile ending 6721). Its sample
# materials carry these names, so its new-access order can be completed in the demo.
YUNFAN = Profile(
    key="yunfan",
    province="31",
    city="上海市",
    company="上海云帆信息技术有限公司",
    uscc="913101156000210167",
    certificate_address="上海市浦东新区张江路88号",
    mailing_address="浦东新区张江路88号5楼",
    office_phone="021-50801234",
    person="陈静",
    id_number=make_id_number("310104", "19880315", 121),
    mobile="13800216721",
    emergency_phone="13900216721",
    email="chenjing@example.com",
    domain="yunfan-tech.cn",
    site_name="云帆信息官网",
    remark="上海云帆信息技术有限公司官方网站，介绍公司的企业信息化解决方案。",
)

# Other demo companies, one per organisation, spread over provinces whose material list the samples
# cover: (province, city, district region code, certificate address, mailing address, area code,
# a local mobile number segment: some provinces want the principals' mobiles local).
_PLACES = (
    ("31", "上海市", "310104", "上海市徐汇区漕溪北路{n}号", "徐汇区漕溪北路{n}号3楼", "021", "1380021"),
    ("44", "广州市", "440106", "广东省广州市天河区体育西路{n}号", "广州市天河区体育西路{n}号5楼", "020", "1380020"),
    ("33", "杭州市", "330106", "浙江省杭州市西湖区文三路{n}号", "杭州市西湖区文三路{n}号2楼", "0571", "1380057"),
    ("51", "成都市", "510107", "四川省成都市武侯区人民南路{n}号", "成都市武侯区人民南路{n}号8楼", "028", "1380028"),
    ("42", "武汉市", "420106", "湖北省武汉市武昌区中南路{n}号", "武汉市武昌区中南路{n}号6楼", "027", "1380027"),
    ("11", "北京市", "110108", "北京市海淀区学院路{n}号", "海淀区学院路{n}号2层", "010", "1380010"),
)
_STEMS = (
    "云帆",
    "南岭",
    "西溪",
    "锦城",
    "江城",
    "星河",
    "青松",
    "海纳",
    "博远",
    "启明",
    "华章",
    "合众",
    "天行",
    "致远",
    "明德",
    "嘉禾",
    "恒信",
    "睿智",
    "新元",
    "长风",
    "远航",
    "同创",
    "聚力",
    "朗润",
)
_TRADES = ("信息技术", "网络科技", "软件", "数据服务", "文化传媒")
_PEOPLE = (
    "李明",
    "王芳",
    "陈静",
    "刘洋",
    "赵磊",
    "孙丽",
    "周杰",
    "吴敏",
    "郑强",
    "冯雪",
    "何军",
    "许婷",
    "邓超",
    "曹颖",
    "彭涛",
    "蒋红",
    "韩梅",
    "杨帆",
    "朱琳",
    "高峰",
    "罗斌",
    "梁宇",
    "宋佳",
    "唐亮",
)


def demo_profile(index: int) -> Profile:
    """The index-th demo company (0 is the Beijing company of the sample images)."""
    if index == 0:
        return BEIJING
    province, city, region, address, mailing, area, segment = _PLACES[(index - 1) % len(_PLACES)]
    stem, person = _STEMS[(index - 1) % len(_STEMS)], _PEOPLE[(index - 1) % len(_PEOPLE)]
    trade = _TRADES[(index - 1) % len(_TRADES)]
    company = f"{city.removesuffix('市')}{stem}{trade}有限公司"
    number = 10 + index
    return Profile(
        key=f"demo{index:02d}",
        province=province,
        city=city,
        company=company,
        uscc=make_uscc(f"{province}0000", index),
        certificate_address=address.format(n=number),
        mailing_address=mailing.format(n=number),
        office_phone=f"{area}-6{index:03d}5678",
        person=person,
        id_number=make_id_number(region, f"199{index % 10}{(index % 9) + 1:02d}15", 100 + index),
        mobile=f"{segment}{index:04d}",
        emergency_phone=f"1390010{index:04d}",
        email=f"demo{index:02d}@example.com",
        domain=f"demo{index:02d}-{stem_pinyin(index)}.cn",
        site_name=f"{stem}{trade[:2]}官网",
        remark=f"{company}官方网站，介绍公司的产品与技术服务。",
    )


def stem_pinyin(index: int) -> str:
    return (
        "yunfan",
        "nanling",
        "xixi",
        "jincheng",
        "jiangcheng",
        "xinghe",
        "qingsong",
        "haina",
        "boyuan",
        "qiming",
        "huazhang",
        "hezhong",
        "tianxing",
        "zhiyuan",
        "mingde",
        "jiahe",
        "hengxin",
        "ruizhi",
        "xinyuan",
        "changfeng",
        "yuanhang",
        "tongchuang",
        "juli",
        "langrun",
    )[(index - 1) % len(_STEMS)]


def enterprise_values(profile: Profile = BEIJING) -> dict:
    """Wizard field path -> value for a complete enterprise first filing."""
    return {
        "subject.nature": 4,
        "subject.province": profile.province,
        "subject.city": profile.city,
        "subject.name": profile.company,
        "subject.certificate_type": 1,
        "subject.certificate_number": profile.uscc,
        "subject.certificate_address": profile.certificate_address,
        "subject.mailing_address": profile.mailing_address,
        "subject.office_phone": profile.office_phone,
        "subject.investor": profile.company,
        "subject.principal.is_legal_representative": True,
        "subject.principal.name": profile.person,
        "subject.principal.certificate_type": 2,
        "subject.principal.certificate_number": profile.id_number,
        "subject.principal.certificate_valid_until": "2036-01-01",
        "subject.principal.mobile": profile.mobile,
        "subject.principal.emergency_phone": profile.emergency_phone,
        "subject.principal.email": profile.email,
        "websites[0].name": profile.site_name,
        "websites[0].domain": profile.domain,
        "websites[0].service_contents": ["单位门户网站"],
        "websites[0].languages": ["中文简体"],
        "websites[0].pre_approvals": ["以上都不涉及"],
        "websites[0].remark": profile.remark,
        "websites[0].principal.name": profile.person,
        "websites[0].principal.certificate_type": 2,
        "websites[0].principal.certificate_number": profile.id_number,
        "websites[0].principal.certificate_valid_until": "2036-01-01",
        "websites[0].principal.mobile": profile.mobile,
        "websites[0].principal.emergency_phone": profile.emergency_phone,
        "websites[0].principal.email": profile.email,
    }


VALID_ENTERPRISE = enterprise_values(BEIJING)


@cache
def _images(company: str, uscc: str, person: str, id_number: str) -> dict[str, tuple[str, bytes]]:
    licence = builders.jpeg_bytes(builders.licence_image(name=company, uscc=uscc))
    front = builders.jpeg_bytes(builders.id_card_front_image(name=person, number=id_number))
    back = _shared_images()["back"]
    return {
        "business_licence": ("licence.jpg", licence),
        "legal_rep_id_front": ("id-front.jpg", front),
        "legal_rep_id_back": ("id-back.jpg", back),
        "owner_id_front": ("owner-id-front.jpg", front),
        "owner_id_back": ("owner-id-back.jpg", back),
        "owner_photo": ("owner.jpg", _shared_images()["photo"]),
    }


@cache
def _letters(company: str, person: str) -> dict[str, tuple[str, bytes]]:
    """The letters a change or some provinces ask for: authorisation, name change, domain certificate."""
    letters = {
        "authorisation_letter": (
            "授权书",
            f"兹授权{person}作为本单位网站负责人，办理本单位网站的互联网信息服务备案及变更事宜。",
        ),
        "name_change_letter": ("名称变更证明", f"经核准，本单位名称变更为{company}，统一社会信用代码不变。"),
        "domain_certificate": ("域名注册证书", f"兹证明该域名的注册人为{company}，注册信息真实有效。"),
    }
    return {
        slot: (f"{slot}.jpg", builders.jpeg_bytes(builders.letter_image(title=title, body=body, company=company)))
        for slot, (title, body) in letters.items()
    }


@cache
def _shared_images() -> dict[str, bytes]:
    return {
        "back": builders.jpeg_bytes(builders.id_card_back_image()),
        "photo": builders.jpeg_bytes(builders.owner_photo(side=900)),
    }


def material_files(profile: Profile = BEIJING, order=None) -> dict[str, tuple[str, bytes]]:
    """slot -> (file name, bytes) of good uploads matching the profile's typed data.

    The signed verification form is the one generated for `order`; without an order it is the
    profile's data without an order number (the automated check then asks a reviewer to look)."""
    files = dict(_images(profile.company, profile.uscc, profile.person, profile.id_number))
    if order is not None:  # for the order's slots: the letters only some orders have a slot for
        files.update(_letters(profile.company, profile.person))
    data = verification_form_data(order) if order is not None else _profile_form_data(profile)
    files["verification_form"] = ("form.jpg", _signed_form(tuple(sorted(data.items()))))
    for index in range(1, order.websites.count() if order is not None else 0):  # a form per website
        data = verification_form_data(order, index)
        files[f"verification_form__{index}"] = ("form.jpg", _signed_form(tuple(sorted(data.items()))))
    return files


def _profile_form_data(profile: Profile) -> dict:
    return {
        "order_reference": "",
        "subject_name": profile.company,
        "subject_nature": "企业",
        "certificate_type": "营业执照",
        "certificate_number": profile.uscc,
        "certificate_address": profile.certificate_address,
        "principal_name": profile.person,
        "principal_certificate_number": profile.id_number,
        "principal_mobile": profile.mobile,
        "website_name": profile.site_name,
        "domain": profile.domain,
        "service_content": "单位门户网站",
        "website_principal_name": profile.person,
        "website_principal_certificate_number": profile.id_number,
        "website_principal_mobile": profile.mobile,
        "access_provider": settings.ACCESS_PROVIDER_NAME,
    }


@cache
def _signed_form(data: tuple[tuple[str, object], ...]) -> bytes:
    return builders.jpeg_bytes(builders.form_page_image(signed=True, data=dict(data)))


def upload_materials(order, user, slots=None, profile: Profile = BEIJING, *, check_now: bool = False) -> None:
    """Upload every required material (or only `slots`) through the same service as the wizard.

    The automated checks run as a task after the upload commits; `check_now` runs them at once
    (inside a transaction that never commits, such as a test's)."""
    files = material_files(profile, order=order)
    for req in order_requirements(order):
        if slots is None or req.slot in slots:
            name, data = files[req.slot] if req.slot in files else files[req.base_slot]  # websites[i]: the same person
            material = material_upload(order=order, slot=req.slot, upload=SimpleUploadedFile(name, data), user=user)
            if check_now:
                material_run_checks(material=material)


def valid_order(
    *,
    organisation,
    user,
    site,
    materials: bool = True,
    profile: Profile = BEIJING,
    overrides: dict | None = None,
    check_now: bool = False,
):
    """A complete draft first filing for `profile` (materials uploaded unless asked not to)."""
    order = services.order_create_draft(organisation=organisation, user=user, hosted_site=site)
    services.order_update(order=order, user=user, values={**enterprise_values(profile), **(overrides or {})})
    if materials:
        upload_materials(order, user, profile=profile, check_now=check_now)
    return order


def tenant_for(profile: Profile):
    """The organisation, applicant user and hosted site of a demo company (created or reused)."""
    with transaction.atomic():
        organisation, _ = Organisation.objects.get_or_create(
            external_id=f"demo-{profile.key}", defaults={"name": profile.company}
        )
        user, created = User.objects.get_or_create(
            username=f"demo-{profile.key}", defaults={"role": User.Role.APPLICANT, "email": profile.email}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(user=user, organisation=organisation)
        site, _ = HostedSite.objects.get_or_create(
            slug=profile.domain.removesuffix(".cn"),
            defaults={
                "organisation": organisation,
                "title": profile.site_name,
                "body_html": f"<h1>{profile.company}</h1><p>{profile.remark}</p>",
            },
        )
        SiteDomain.objects.get_or_create(domain=profile.domain, defaults={"site": site})
    return organisation, user, site


def submitted_order(*, profile: Profile, reject_reason: str = ""):
    """A valid order of a demo company, submitted for provider review (warnings acknowledged).

    With `reject_reason` the website remark carries the sandbox trigger, so the sandbox regulator
    rejects it with that catalogue reason at the end of its review."""
    organisation, user, site = tenant_for(profile)
    overrides = {"websites[0].remark": f"{profile.remark} {REJECT_TRIGGER}:{reject_reason}"} if reject_reason else {}
    # a management command, not a web request: the checks run here, as submit needs them done
    order = valid_order(
        organisation=organisation, user=user, site=site, profile=profile, overrides=overrides, check_now=True
    )
    services.order_submit(order=order, user=user, acknowledged_warnings=order_precheck(order).warning_codes)
    return order


# --- a filed demo site (seed_demo's `filed` account) ---------------------------------------------

# The demo's filed company: its first filing (two websites) is filed by `seed_demo` through the real
# services (submit, provider review, the regulator outbox, the sandbox's SMS verification and
# decision), so the newcomer finds it filed on the dashboard and can change and cancel it.
FILED = Profile(
    key="filed",
    province="11",
    city="北京市",
    company="北京星辰网络科技有限公司",
    uscc=make_uscc("110000", 7001),
    certificate_address="北京市朝阳区建国路88号",
    mailing_address="朝阳区建国路88号9层",
    office_phone="010-65001234",
    person="李华",
    id_number=make_id_number("110105", "19860412", 321),
    mobile="13800107001",
    emergency_phone="13900107001",
    email="lihua@example.com",
    domain="xingchen-net.cn",
    site_name="星辰网络官网",
    remark="北京星辰网络科技有限公司官方网站，介绍公司的网络技术服务与产品。",
)
FILED_SECOND_DOMAIN = "xingchen-products.cn"


def second_website_values(profile: Profile, domain: str) -> dict:
    """websites[1] of the profile's subject: its own name, domain and remark; the same principal."""
    values = {
        key.replace("websites[0]", "websites[1]"): value
        for key, value in enterprise_values(profile).items()
        if key.startswith("websites[0]")
    }
    values["websites[1].name"] = profile.site_name.removesuffix("官网") + "产品中心"
    values["websites[1].domain"] = domain
    values["websites[1].remark"] = f"{profile.company}产品中心，介绍公司的产品与解决方案。"
    return values


SMS_CODE = re.compile(r"核验码：(\d{6})")


def file_through_sandbox(order, *, user, reviewer):
    """Take `order` from wherever it stands to APPROVED the way the product does: submit (the
    pre-review's warnings acknowledged), the provider's review, the regulator outbox, every
    principal's answer to the sandbox's MIIT SMS, and the sandbox regulator's approval. Resumable:
    an order left half-way by an interrupted run goes on from its state."""
    for _step in range(8):
        order = Order.objects.select_related("subject__principal", "website__principal").get(pk=order.pk)
        status = order.status
        if status == states.APPROVED:
            return order
        if status in states.APPLICANT_EDITABLE:
            services.order_submit(order=order, user=user, acknowledged_warnings=order_precheck(order).warning_codes)
        elif status in states.AWAITING_PROVIDER:
            services.order_claim(order=order, reviewer=reviewer)
            services.order_review_approve(order=order, reviewer=reviewer)
        elif status == states.PENDING_SUBMISSION:
            submission_enqueue(order_pk=order.pk)
            submissions_process_due()
        elif status == states.SMS_VERIFICATION:
            people = {
                blind_index(p.mobile, purpose="mobile"): p
                for p in (order.subject.principal, *(w.principal for w in websites_of(order)))
            }
            for message in SmsMessage.objects.filter(order=order, purpose="miit_verification").order_by("created_at"):
                person, code = people.get(message.mobile_index), SMS_CODE.search(message.body)
                if person is not None and code is not None:
                    sms_verify(
                        order=order,
                        mobile=person.mobile,
                        code=code.group(1),
                        certificate_tail=(person.certificate_number or "")[-6:],
                    )
        elif status == states.REGULATOR_REVIEW:
            case_decide(latest_case(order), decided_by="regulator-sandbox", approve=True)
        else:
            break
    raise RuntimeError(f"{order.reference} stopped at {order.status}: not filed")


def filed_demo(*, organisation, user, site, second_site, reviewer, profile: Profile = FILED):
    """The profile's first filing of two websites (`site` serves the first, `second_site` the second
    domain), filed through the sandbox; returns the approved order. Nothing to do when the
    organisation already has a filed subject; an order left open by an interrupted run is finished."""
    if SubjectFiling.objects.filter(organisation=organisation).exists():
        return None
    order = (
        Order.objects.filter(organisation=organisation, filing_type="FIRST_FILING")
        .exclude(status__in=states.TERMINAL)
        .order_by("pk")
        .first()
    )
    if order is None:
        values = {**enterprise_values(profile), **second_website_values(profile, second_site.primary_domain)}
        order = services.order_create_draft(organisation=organisation, user=user, hosted_site=site)
        services.order_update(order=order, user=user, values=values)
        upload_materials(order, user, profile=profile, check_now=True)  # submit needs the checks done
    return file_through_sandbox(order, user=user, reviewer=reviewer)
