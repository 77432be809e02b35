"""Materials stored in S3 (django-storages) against a local S3 emulator (moto's server mode):
private objects, sealed (encrypted) at rest, nothing under a public URL, downloads only through our
signed link."""

import socket

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from beian.core.crypto import is_sealed, unseal
from beian.demo import samples
from beian.filings import services
from beian.materials.services import material_upload, signed_link

BUCKET = "beian-materials-test"


@pytest.fixture
def s3_endpoint(monkeypatch):
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    import boto3

    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


def test_uploads_go_to_a_private_bucket_and_come_back_through_signed_links(
    s3_endpoint, applicant, other_tenant, hosted_site
):
    import boto3

    storages = {
        "default": {
            "BACKEND": "beian.core.storage_s3.SealedS3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        order = services.order_create_draft(
            organisation=applicant.memberships.get().organisation, user=applicant, hosted_site=hosted_site
        )
        services.order_update(order=order, user=applicant, values={"subject.nature": 4, "subject.province": "11"})
        data = samples.jpeg_bytes(samples.owner_photo(side=900))
        material = material_upload(
            order=order, slot="owner_photo", upload=SimpleUploadedFile("me.jpg", data), user=applicant
        )

        client = boto3.client("s3", endpoint_url=s3_endpoint)
        keys = [o["Key"] for o in client.list_objects_v2(Bucket=BUCKET)["Contents"]]
        assert keys == [material.file.name]
        acl = client.get_object_acl(Bucket=BUCKET, Key=material.file.name)
        assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]

        owner = Client()
        owner.force_login(applicant)
        response = owner.get(signed_link(material, applicant))
        assert response.status_code == 200
        stored = client.get_object(Bucket=BUCKET, Key=material.file.name)["Body"].read()
        served = b"".join(response.streaming_content)
        assert served.startswith(b"\xff\xd8") and len(served) == material.size  # the JPEG, whole
        assert is_sealed(stored) and served not in stored and unseal(stored) == served

        intruder = Client()
        intruder.force_login(other_tenant)
        assert intruder.get(signed_link(material, other_tenant)).status_code == 404
