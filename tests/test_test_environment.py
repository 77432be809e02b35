"""The suite leaves the checkout alone: uploads and other files go to a temporary var directory."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage

from beian.core.crypto import is_sealed


def test_the_var_directory_of_the_tests_is_outside_the_checkout():
    var, checkout = Path(settings.VAR_DIR).resolve(), Path(settings.BASE_DIR).resolve()
    assert not var.is_relative_to(checkout)
    for folder in (settings.PRIVATE_MEDIA_ROOT, settings.STATIC_ROOT, default_storage.location):
        assert Path(folder).resolve().is_relative_to(var), folder


def test_an_upload_lands_in_the_temporary_var_directory(orders):
    order = orders.complete_draft(slots=["business_licence"])
    material = order.materials.get(slot="business_licence")
    stored = Path(default_storage.path(material.file.name)).resolve()
    assert stored.is_file() and is_sealed(stored.read_bytes())  # encrypted at rest (beian.core.storage)
    with material.file.open("rb") as fh:
        assert fh.read()[:2] == b"\xff\xd8"
    assert stored.is_relative_to(Path(settings.VAR_DIR).resolve())
    assert not stored.is_relative_to(Path(settings.BASE_DIR).resolve())


def test_passwords_use_the_fast_hasher_under_tests(applicant):
    assert applicant.password.startswith("md5$")
    assert applicant.check_password("pw-applicant")


def test_each_xdist_worker_has_its_own_var_directory():
    """Workers inherit the controller's environment; two workers sharing one directory would see
    each other's uploads (a test comparing the files on disk failed that way)."""
    import os
    import subprocess
    import sys

    script = "from django.conf import settings; print(settings.VAR_DIR)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "BEIAN_TESTING": "1"}
    env.update(BEIAN_VAR_DIR="/tmp/controller-var", BEIAN_TEST_VAR_WORKER="")

    def var_dir(worker: str) -> str:
        run = subprocess.run(
            [sys.executable, "-c", f"import django; django.setup(); {script}"],
            env={**env, "PYTEST_XDIST_WORKER": worker},
            capture_output=True,
            text=True,
            cwd=settings.BASE_DIR,
            check=True,
        )
        return run.stdout.strip()

    gw0, gw1 = var_dir("gw0"), var_dir("gw1")
    assert gw0 != gw1 and "/tmp/controller-var" not in (gw0, gw1)
    assert "gw0" in gw0 and "gw1" in gw1
