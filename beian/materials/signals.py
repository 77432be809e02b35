"""materials reacts to reference events: the requirement matrix is loaded with the reference seed."""

from django.dispatch import receiver

from beian.materials.requirements import load_requirements
from beian.reference.signals import reference_loaded


@receiver(reference_loaded, dispatch_uid="materials-load-requirements")
def load_requirement_matrix(**kwargs) -> tuple[str, dict[str, int]]:
    return "material requirements", load_requirements()
