"""A complete, valid first filing (enterprise in Beijing) and the materials that go with it.

The values are consistent with the synthetic licence and ID images the material tests draw, so
the OCR cross-check matches what was typed.
"""
from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from beian.filings import services
from beian.materials import samples as builders

VALID_ENTERPRISE = {
    "subject.nature": 4,
    "subject.province": "11",
    "subject.city": "北京市",
    "subject.name": builders.COMPANY,
    "subject.certificate_type": 1,
    "subject.certificate_number": builders.USCC,
    "subject.certificate_address": "北京市海淀区中关村大街1号",
    "subject.mailing_address": "海淀区中关村大街1号101室",
    "subject.office_phone": "010-62345678",
    "subject.investor": builders.COMPANY,
    "subject.principal.is_legal_representative": True,
    "subject.principal.name": builders.PERSON,
    "subject.principal.certificate_type": 2,
    "subject.principal.certificate_number": builders.ID_NUMBER,
    "subject.principal.certificate_valid_until": "2036-01-01",
    "subject.principal.mobile": "13800138000",
    "subject.principal.emergency_phone": "13900139000",
    "subject.principal.email": "zhangsan@example.com",
    "websites[0].name": "示例科技官网",
    "websites[0].domain": "demo-shop.cn",
    "websites[0].service_contents": ["单位门户网站"],
    "websites[0].languages": ["中文简体"],
    "websites[0].pre_approvals": ["以上都不涉及"],
    "websites[0].remark": "北京示例科技有限公司官方网站，介绍公司的产品与技术服务。",
    "websites[0].principal.name": builders.PERSON,
    "websites[0].principal.certificate_type": 2,
    "websites[0].principal.certificate_number": builders.ID_NUMBER,
    "websites[0].principal.certificate_valid_until": "2036-01-01",
    "websites[0].principal.mobile": "13800138000",
    "websites[0].principal.emergency_phone": "13900139000",
    "websites[0].principal.email": "zhangsan@example.com",
}


def material_files() -> dict[str, tuple[str, bytes]]:
    """slot -> (file name, bytes) of good uploads."""
    licence = builders.jpeg_bytes(builders.licence_image())
    front = builders.jpeg_bytes(builders.id_card_front_image())
    back = builders.jpeg_bytes(builders.id_card_back_image())
    return {
        "business_licence": ("licence.jpg", licence),
        "legal_rep_id_front": ("id-front.jpg", front),
        "legal_rep_id_back": ("id-back.jpg", back),
        "owner_id_front": ("owner-id-front.jpg", front),
        "owner_id_back": ("owner-id-back.jpg", back),
        "owner_photo": ("owner.jpg", builders.jpeg_bytes(builders.owner_photo(side=900))),
        "verification_form": ("form.jpg", builders.jpeg_bytes(builders.form_page_image(signed=True))),
    }


def valid_order(*, organisation, user, site, materials: bool = True):
    order = services.order_create_draft(organisation=organisation, user=user, hosted_site=site)
    services.order_update(order=order, user=user, values=dict(VALID_ENTERPRISE))
    if materials:
        upload_materials(order, user)
    return order


def upload_materials(order, user, slots=None):
    from beian.materials.services import material_upload, order_requirements

    files = material_files()
    for req in order_requirements(order):
        if slots is None or req.slot in slots:
            name, data = files[req.slot]
            material_upload(order=order, slot=req.slot, upload=SimpleUploadedFile(name, data), user=user)
