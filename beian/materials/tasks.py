from celery import shared_task

from beian.materials.models import Material
from beian.materials.services import material_run_checks


@shared_task
def check_material(material_pk: int) -> None:
    material = (
        Material.objects.select_related("order__subject__principal", "order__website__principal")
        .filter(pk=material_pk)
        .first()
    )
    if material is not None:
        material_run_checks(material=material)
