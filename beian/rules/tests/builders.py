"""Valid inputs written from the rules file, for tests and the benchmark.

Certificate numbers get real check characters from python-stdnum, so `serial` yields as many
distinct valid orders as needed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from stdnum.cn import ric, uscc

from beian.rules.model import (
    DomainFacts,
    ExistingFilings,
    OrderInput,
    PersonInput,
    PreApproval,
    SubjectInput,
    WebsiteInput,
)

TODAY = date(2026, 11, 29)
ENTERPRISE, INDIVIDUAL = 4, 5  # subject_natures[].miit_form_code
BUSINESS_LICENCE, RESIDENT_ID = 1, 2  # certificate_types[].code
BEIJING, SHANGHAI = "11", "31"


def make_uscc(serial: int = 0, *, category: str = "91", region: str = "110000") -> str:
    body = f"{category}{region}{serial % 10**9:09d}"
    return body + uscc.calc_check_digit(body)


def make_resident_id(serial: int = 0, *, address: str = "110105", birth: date = date(1985, 6, 15)) -> str:
    body = f"{address}{birth:%Y%m%d}{serial % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def person(
    serial: int = 0,
    *,
    name: str = "张三",
    email_user: str = "zhangsan",
    mobile_prefix: str = "1380013",
    address: str = "110105",
    legal_rep: bool | None = True,
    today: date = TODAY,
) -> PersonInput:
    return PersonInput(
        name=name,
        certificate_type=RESIDENT_ID,
        certificate_number=make_resident_id(serial, address=address),
        certificate_valid_until=today + timedelta(days=5 * 365),
        mobile=f"{mobile_prefix}{serial % 10000:04d}",
        emergency_phone=f"0106{serial % 10**7:07d}",
        email=f"{email_user}{serial}@example.com",
        is_legal_representative=legal_rep,
    )


def enterprise_order(serial: int = 0, *, today: date = TODAY) -> OrderInput:
    """A complete first filing of a Beijing enterprise with one website; no errors, no warnings."""
    subject_name = "北京示例科技有限公司"
    domain = f"demo-shop-{serial}.cn"
    return OrderInput(
        filing_type="FIRST_FILING",
        subject=SubjectInput(
            nature=ENTERPRISE,
            province=BEIJING,
            city="北京市",
            district="朝阳区",
            name=subject_name,
            certificate_type=BUSINESS_LICENCE,
            certificate_number=make_uscc(serial),
            certificate_address="北京市朝阳区示例路1号",
            mailing_address="朝阳区示例路1号示例大厦101室",
            investor=subject_name,
            office_phone="010-62345678",
            principal=person(serial, today=today),
        ),
        websites=[
            WebsiteInput(
                name="示例科技产品介绍",
                domain=domain,
                service_contents=["单位门户网站"],
                languages=["中文简体"],
                pre_approvals=[{"item": "以上都不涉及"}],
                principal=person(
                    serial + 1, name="李四", email_user="lisi", mobile_prefix="1391111", legal_rep=False, today=today
                ),
                domain_facts=DomainFacts(
                    domain=domain,
                    registrant=subject_name,
                    real_name_verified=True,
                    expires_on=today + timedelta(days=730),
                ),
            )
        ],
        existing=ExistingFilings(),
    )


def individual_order(serial: int = 0, *, today: date = TODAY) -> OrderInput:
    """A complete first filing of a Beijing individual with a personal blog; no findings."""
    principal = person(serial, legal_rep=None, today=today)
    domain = f"zhangsan-notes-{serial}.cn"
    return OrderInput(
        filing_type="FIRST_FILING",
        subject=SubjectInput(
            nature=INDIVIDUAL,
            province=BEIJING,
            city="北京市",
            district="西城区",
            name=principal.name,
            certificate_type=RESIDENT_ID,
            certificate_number=principal.certificate_number,
            certificate_address="北京市西城区示例胡同2号",
            mailing_address="西城区示例胡同2号",
            principal=principal,
        ),
        websites=[
            WebsiteInput(
                name="张三的学习笔记",
                domain=domain,
                service_contents=["博客/个人空间"],
                languages=["中文简体"],
                remark="记录编程学习心得和读书笔记的个人网站，不含任何企业信息或经营性内容。",
                principal=principal,
                domain_facts=DomainFacts(
                    domain=domain,
                    registrant=principal.name,
                    real_name_verified=True,
                    expires_on=today + timedelta(days=400),
                ),
            )
        ],
    )


def with_websites(order: OrderInput, count: int) -> OrderInput:
    """The order with `count` websites: copies of its first one, each on a domain of its own."""
    first = order.websites[0]
    base = first.domain.removesuffix(".cn")
    order.websites = [first] + [
        replace(
            first,
            domain=f"{base}-site{i}.cn",
            principal=replace(first.principal),
            domain_facts=replace(first.domain_facts, domain=f"{base}-site{i}.cn") if first.domain_facts else None,
            service_contents=list(first.service_contents),
            pre_approvals=[PreApproval(**entry) for entry in first.pre_approvals],
            languages=list(first.languages),
            extra_domains=[],
        )
        for i in range(1, count)
    ]
    return order
