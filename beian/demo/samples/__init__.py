"""Synthetic material images for tests, the benchmark and the demo, drawn with the project's CJK font.

They imitate the layout of real documents (labels, values, red seal, coloured background)
closely enough for OCR and the quality checks; they are not copies of real certificates.
"""

from __future__ import annotations

import math
from datetime import date
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from beian.materials.checks.form import SIGNATURE_LABEL
from beian.materials.fonts import CJK_FONT_PATH
from beian.materials.verification_form import render_verification_form

FIXTURES = Path(__file__).parent
COMPANY = "北京示例科技有限公司"
USCC = "91110000600037341L"
PERSON = "张三"
ID_NUMBER = "11010519491231002X"
INK = (20, 20, 24)
SEAL_RED = (205, 30, 35)


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(CJK_FONT_PATH), size=size)


def licence_image(*, name: str = COMPANY, uscc: str = USCC, width: int = 1600) -> Image.Image:
    """A business-licence-like colour image (about 1.42:1, like the A3 licence)."""
    height = round(width / 1.42)
    unit = width / 1600
    image = Image.new("RGB", (width, height), (246, 240, 226))
    draw = ImageDraw.Draw(image)
    for inset, colour in ((20, (190, 150, 70)), (34, (200, 60, 50))):
        draw.rectangle(
            [inset * unit, inset * unit, width - inset * unit, height - inset * unit],
            outline=colour,
            width=max(2, round(8 * unit)),
        )
    draw.ellipse(
        [760 * unit, 60 * unit, 840 * unit, 140 * unit],
        fill=(210, 40, 40),
        outline=(230, 190, 60),
        width=round(6 * unit),
    )
    draw.text((width / 2, 220 * unit), "营业执照", font=font(round(96 * unit)), fill=INK, anchor="mm")
    rows = (
        ("统一社会信用代码", uscc),
        ("名称", name),
        ("类型", "有限责任公司（自然人投资或控股）"),
        ("法定代表人", PERSON),
        ("经营范围", "技术开发、技术咨询、技术服务；软件开发"),
        ("住所", "北京市海淀区中关村大街1号"),
    )
    label_font, value_font = font(round(38 * unit)), font(round(38 * unit))
    for index, (label, value) in enumerate(rows):
        y = (340 + index * 78) * unit
        draw.text((150 * unit, y), label, font=label_font, fill=INK)
        draw.text((520 * unit, y), value, font=value_font, fill=INK)
    _seal(draw, (1300 * unit, 900 * unit), round(120 * unit))
    return image


def id_card_front_image(*, name: str = PERSON, number: str = ID_NUMBER, width: int = 1280) -> Image.Image:
    """A resident-ID-card-front-like colour image (85.6 × 54 mm)."""
    height = round(width * 54 / 85.6)
    unit = width / 1280
    image = Image.new("RGB", (width, height), (226, 236, 242))
    draw = ImageDraw.Draw(image)
    for step in range(0, width, max(1, round(40 * unit))):
        draw.line([(step, 0), (step + 300 * unit, height)], fill=(214, 228, 238), width=max(1, round(6 * unit)))
    draw.rounded_rectangle([2, 2, width - 3, height - 3], radius=round(40 * unit), outline=(150, 170, 190), width=3)
    small, large = font(round(34 * unit)), font(round(44 * unit))
    lines = (
        ((80, 80), "姓名", (210, 74), name, large),
        ((80, 180), "性别", (210, 180), "男", small),
        ((420, 180), "民族", (540, 180), "汉", small),
        ((80, 270), "出生", (210, 270), "1949年12月31日", small),
        ((80, 360), "住址", (210, 360), "北京市朝阳区示例路1号", small),
    )
    for label_at, label, value_at, value, value_font in lines:
        draw.text((label_at[0] * unit, label_at[1] * unit), label, font=small, fill=(60, 110, 160))
        draw.text((value_at[0] * unit, value_at[1] * unit), value, font=value_font, fill=INK)
    draw.text((80 * unit, 640 * unit), "公民身份号码", font=small, fill=(60, 110, 160))
    draw.text((330 * unit, 632 * unit), number, font=font(round(46 * unit)), fill=INK)
    draw.rectangle([870 * unit, 90 * unit, 1180 * unit, 500 * unit], fill=(200, 205, 212))
    return image


ID_VALIDITY = "2016.01.01-2036.01.01"  # the demo types 2036-01-01 as the principals' 证件有效期至


def id_card_back_image(*, validity: str = ID_VALIDITY, width: int = 1280) -> Image.Image:
    height = round(width * 54 / 85.6)
    unit = width / 1280
    image = Image.new("RGB", (width, height), (230, 238, 236))
    draw = ImageDraw.Draw(image)
    draw.ellipse([80 * unit, 60 * unit, 260 * unit, 240 * unit], fill=(210, 40, 40), outline=(230, 190, 60), width=6)
    draw.text((380 * unit, 110 * unit), "中华人民共和国", font=font(round(56 * unit)), fill=INK)
    draw.text((380 * unit, 200 * unit), "居民身份证", font=font(round(72 * unit)), fill=INK)
    draw.text((200 * unit, 560 * unit), "签发机关  北京市公安局朝阳分局", font=font(round(34 * unit)), fill=INK)
    draw.text((200 * unit, 640 * unit), f"有效期限  {validity}", font=font(round(34 * unit)), fill=INK)
    return image


def owner_photo(*, side: int = 512) -> Image.Image:
    """NASA's public-domain portrait of Eileen Collins (see SOURCE.txt), `side` pixels square."""
    with Image.open(FIXTURES / "astronaut.jpg") as photo:
        image = photo.convert("RGB")
    return image if side == image.width else image.resize((side, side), Image.Resampling.LANCZOS)


SKIN, HAIR, SHIRT = (240, 205, 175), (45, 35, 30), (48, 78, 128)
EXAMPLE_MARK = "示例 Example"


def owner_holding_id_example(*, width: int = 480) -> Image.Image:
    """The example of the hand-held ID photo (手持证件照) the materials step shows: a drawn person in
    front of a white curtain, facing the camera, holding the ID card (id_card_front_image) at chest
    height with both hands, the face uncovered; marked 示例 / Example so it is never taken for a real
    upload. 3:4 portrait. static/materials/examples/owner_photo.jpg is this picture
    (`manage.py material_examples` writes it)."""
    height = round(width * 4 / 3)
    unit = width / 480
    u = lambda *values: [round(v * unit) for v in values]  # noqa: E731
    image = Image.new("RGB", (width, height), (244, 245, 247))
    draw = ImageDraw.Draw(image)
    for x in range(0, width, max(1, round(24 * unit))):  # the curtain's folds
        draw.rectangle([x, 0, x + round(10 * unit), height], fill=(232, 234, 238))
        draw.line([(x + round(11 * unit), 0), (x + round(11 * unit), height)], fill=(222, 224, 229), width=1)
    draw.rectangle([0, 0, width, round(14 * unit)], fill=(205, 208, 214))  # the curtain rail
    draw.rounded_rectangle(u(70, 385, 410, 700), radius=round(70 * unit), fill=SHIRT)  # shoulders and body
    draw.polygon([tuple(u(204, 385)), tuple(u(240, 440)), tuple(u(276, 385))], fill=(235, 238, 242))  # collar
    draw.rectangle(u(208, 320, 272, 400), fill=SKIN)  # neck
    draw.ellipse(u(146, 198, 168, 246), fill=SKIN)  # ears
    draw.ellipse(u(312, 198, 334, 246), fill=SKIN)
    draw.ellipse(u(160, 130, 320, 350), fill=SKIN)  # face
    draw.chord(u(154, 112, 326, 262), start=180, end=360, fill=HAIR)  # hair
    draw.rectangle(u(156, 186, 172, 220), fill=HAIR)
    draw.rectangle(u(308, 186, 324, 220), fill=HAIR)
    for eye in (200, 258):
        draw.ellipse(u(eye, 228, eye + 22, 244), fill=(255, 255, 255))
        draw.ellipse(u(eye + 6, 229, eye + 16, 243), fill=(50, 40, 35))
        draw.line(u(eye - 2, 214, eye + 24, 212), fill=HAIR, width=round(4 * unit))  # brows
    draw.line(u(240, 250, 234, 284, 246, 286), fill=(205, 160, 130), width=round(3 * unit))  # nose
    draw.arc(u(212, 282, 268, 318), start=20, end=160, fill=(190, 80, 80), width=round(4 * unit))  # smile
    for arm in ((96, 470, 150, 470, 168, 600, 120, 610), (384, 470, 330, 470, 312, 600, 360, 610)):
        draw.polygon([tuple(u(*arm[i : i + 2])) for i in range(0, 8, 2)], fill=(40, 66, 110))  # forearms
    card = id_card_front_image(width=round(250 * unit))
    left, top = round(115 * unit), round(440 * unit)
    draw.rectangle([left + 4, top + 4, left + card.width + 4, top + card.height + 4], fill=(30, 40, 60))  # shadow
    image.paste(card, (left, top))
    draw = ImageDraw.Draw(image)
    for hand in ((100, 556, 136, 616), (344, 556, 380, 616)):  # the hands hold the card's lower corners
        draw.rounded_rectangle(u(*hand), radius=round(18 * unit), fill=SKIN, outline=(215, 175, 145), width=2)
    mark = font(round(30 * unit))
    box = draw.textbbox((0, 0), EXAMPLE_MARK, font=mark)
    pad = round(10 * unit)
    draw.rectangle([0, round(24 * unit), box[2] + 2 * pad, round(24 * unit) + box[3] + 2 * pad], fill=SEAL_RED)
    draw.text((pad, round(24 * unit) + pad), EXAMPLE_MARK, font=mark, fill=(255, 255, 255))
    return image


def letter_image(*, title: str, body: str, company: str = COMPANY, width: int = 1240) -> Image.Image:
    """A signed and sealed letter on a white A4 page (an authorisation letter, a name-change letter,
    a domain certificate): a title, the body wrapped to the page, the company, a signature and a seal."""
    height = round(width * 1.414)
    unit = width / 1240
    image = Image.new("RGB", (width, height), (252, 252, 250))
    draw = ImageDraw.Draw(image)
    draw.text((width / 2, 150 * unit), title, font=font(round(64 * unit)), fill=INK, anchor="mm")
    body_font, per_line = font(round(36 * unit)), 26
    lines = [body[i : i + per_line] for i in range(0, len(body), per_line)]
    for index, line in enumerate(lines):
        draw.text((130 * unit, (290 + index * 64) * unit), line, font=body_font, fill=INK)
    bottom = (290 + len(lines) * 64 + 120) * unit
    draw.text((width - 130 * unit, bottom), company, font=body_font, fill=INK, anchor="ra")
    draw.text((width - 130 * unit, bottom + 70 * unit), "法定代表人（签字）：", font=body_font, fill=INK, anchor="ra")
    _signature(draw, (width - 500 * unit, bottom + 90 * unit), 2.0 * unit)
    _seal(draw, (width - 330 * unit, bottom + 20 * unit), round(130 * unit))
    return image


def form_data(**overrides: object) -> dict:
    data = {
        "subject_name": COMPANY,
        "subject_nature": "企业",
        "certificate_type": "营业执照",
        "certificate_number": USCC,
        "certificate_address": "北京市海淀区中关村大街1号",
        "principal_name": PERSON,
        "principal_certificate_number": ID_NUMBER,
        "principal_mobile": "13800138000",
        "website_name": "示例科技官网",
        "domain": "example.cn",
        "service_content": ["综合门户"],
        "website_principal_name": "李四",
        "website_principal_certificate_number": "440524188001010014",
        "website_principal_mobile": "13900139000",
        "access_provider": "示例云计算有限公司",
        "date": date(2026, 11, 30),
        "order_reference": "BA202611300001",
    }
    data.update(overrides)
    return data


def form_page_image(*, signed: bool, scale: float = 2.0, data: dict | None = None) -> Image.Image:
    """Our generated form (of `data`, `form_data()` by default) rendered like a photo of the
    printout, signed by hand or not."""
    import pypdfium2  # demo and test dependency (heavy): renders the real template

    document = pypdfium2.PdfDocument(render_verification_form(form_data() if data is None else data))
    page = document[0]
    image = page.render(scale=scale).to_pil().convert("RGB")
    if signed:
        text = page.get_textpage()
        searcher = text.search(SIGNATURE_LABEL)
        first, _ = searcher.get_next()
        left, _, _, top = text.get_charbox(first)  # PDF points, origin bottom-left
        _signature(ImageDraw.Draw(image), (left * scale, (page.get_height() - top) * scale), scale)
    document.close()
    return image


def _signature(draw: ImageDraw.ImageDraw, origin: tuple[float, float], scale: float) -> None:
    """A handwritten-looking scribble below `origin`, the top-left of the signature label."""
    x0, y0 = origin[0] + 10 * scale, origin[1] + 30 * scale
    points = [
        (x0 + t * 1.6 * scale, y0 + math.sin(t / 5) * 9 * scale + math.sin(t / 1.7) * 4 * scale) for t in range(90)
    ]
    draw.line(points, fill=(25, 30, 90), width=max(2, round(1.6 * scale)), joint="curve")


def _seal(draw: ImageDraw.ImageDraw, centre: tuple[float, float], radius: int) -> None:
    x, y = centre
    draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=SEAL_RED, width=max(3, radius // 14))
    draw.regular_polygon((x, y, radius // 4), 5, fill=SEAL_RED)


def blurred(image: Image.Image, radius: float = 4.0) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def greyscale(image: Image.Image) -> Image.Image:
    """Like a black-and-white scan saved as a colour file."""
    return image.convert("L").convert("RGB")


def jpeg_bytes(image: Image.Image, *, quality: int = 90, exif: bytes | None = None) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=quality, **({"exif": exif} if exif else {}))
    return buffer.getvalue()


def png_bytes(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def exif_rotated_jpeg(image: Image.Image) -> bytes:
    """The image stored lying on its side with EXIF Orientation 6 (display rotated 90° clockwise)."""
    stored = image.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    return jpeg_bytes(stored, exif=exif.tobytes())


def jpeg_with_gps(image: Image.Image) -> bytes:
    """A JPEG whose EXIF names the camera and a GPS position (Tiananmen Square)."""
    exif = Image.Exif()
    exif[0x010F] = "ExampleCam"  # Make
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 50.0)})
    return jpeg_bytes(image, exif=exif.tobytes())


def write_demo_set(folder: Path, *, signed_form: bytes | None = None) -> list[Path]:
    """Good sample uploads for the demo applicant (matching the demo's typed data), plus one
    blurry licence of another company to see the automated checks object. `signed_form`: the
    photo of the signed verification form to offer (it cannot carry the number of an order that
    does not exist yet; the materials step offers the order's own under demo tools)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "1-business-licence.jpg": jpeg_bytes(licence_image()),
        "2-id-card-front-zhangsan.jpg": jpeg_bytes(id_card_front_image()),
        "3-id-card-back.jpg": jpeg_bytes(id_card_back_image()),
        "4-owner-photo.jpg": jpeg_bytes(owner_photo(side=900)),
        "5-verification-form-signed.jpg": signed_form or jpeg_bytes(form_page_image(signed=True)),
        "x-blurry-licence-other-company.jpg": jpeg_bytes(
            blurred(licence_image(name="上海另一家公司有限公司", uscc="91310000MA1FL0000N"), radius=4.0)
        ),
    }
    written = []
    for name, data in files.items():
        path = folder / name
        if not path.exists():
            path.write_bytes(data)
        written.append(path)
    return written
