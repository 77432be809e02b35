"""Write the drawn example pictures the materials step shows beside an empty slot (the requirement's
`example`, under static/materials/examples/): for now the hand-held ID photo (owner_photo.jpg), a
drawn person in front of a curtain holding an ID card, marked 示例 / Example."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from beian.demo.samples import jpeg_bytes, owner_holding_id_example

EXAMPLES = Path(settings.BASE_DIR) / "static" / "materials" / "examples"
DRAWN = {"owner_photo.jpg": owner_holding_id_example}


class Command(BaseCommand):
    help = "Draw the example pictures of the materials step into static/materials/examples/."

    def handle(self, *args, **options):
        EXAMPLES.mkdir(parents=True, exist_ok=True)
        for name, draw in DRAWN.items():
            (EXAMPLES / name).write_bytes(jpeg_bytes(draw(), quality=92))
            self.stdout.write(f"wrote {EXAMPLES / name}")
