from celery import shared_task

from beian.materials.models import Material
from beian.materials.services import material_run_checks


@shared_task
def check_material(material_pk: int) -> None:
    """Run the automated checks of one material, once: a check queued twice (the periodic job queued a
    lost one again) or for a material whose check already ran does nothing."""
    material = (
        Material.objects.select_related("order__subject__principal", "order__website__principal")
        .filter(pk=material_pk, check_status=Material.CheckStatus.PENDING)
        .first()
    )
    if material is not None:
        material_run_checks(material=material)
