"""Sealed JSON documents and sealed files (beian.core.crypto, beian.core.storage)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import serializers
from django.core.files.base import ContentFile

from beian.core.crypto import EncryptedJSONField, is_sealed, seal, unseal
from beian.core.storage import SealedFileSystemStorage, seal_file
from beian.filings.models import OrderVersion

SNAPSHOT = {"subject.principal.mobile": "13800138000", "subject.nature": 4, "long_term": False, "until": None}


def test_a_document_is_one_token_and_reads_back_with_its_types():
    field = EncryptedJSONField()
    stored = field.get_prep_value(SNAPSHOT)
    assert is_sealed(stored) and "13800138000" not in stored
    assert field.from_db_value(stored, None, None) == SNAPSHOT


def test_a_document_written_before_sealing_reads_as_it_is():
    field = EncryptedJSONField()
    assert field.from_db_value('{"subject.nature": 4, "x": [1, null]}', None, None) == {
        "subject.nature": 4,
        "x": [1, None],
    }


def test_dumpdata_writes_the_document_and_loaddata_reads_it_back():
    version = OrderVersion(pk=7, order_id=3, number=1, at=dt.datetime(2026, 3, 2, tzinfo=dt.UTC), data=SNAPSHOT)
    dumped = serializers.serialize("json", [version])
    assert '"subject.nature": 4' in dumped  # an export is readable, like every decrypted field
    assert next(serializers.deserialize("json", dumped)).object.data == SNAPSHOT


def test_a_file_is_sealed_on_disk_and_opens_as_it_was(tmp_path):
    storage = SealedFileSystemStorage(location=tmp_path)
    photo = b"\xff\xd8\xff\xe0 ID card" * 100
    name = storage.save("orders/1/id.jpg", ContentFile(photo))
    on_disk = (tmp_path / name).read_bytes()
    assert is_sealed(on_disk) and b"ID card" not in on_disk and unseal(on_disk) == photo
    with storage.open(name) as fh:
        assert fh.read() == photo
    assert storage.size(name) == len(photo)
    with pytest.raises(ValueError):
        storage.open(name, "wb")


def test_a_plain_file_from_before_reads_and_is_sealed_under_a_new_name(tmp_path):
    storage = SealedFileSystemStorage(location=tmp_path)
    (tmp_path / "old.jpg").write_bytes(b"\xff\xd8 plain")
    with storage.open("old.jpg") as fh:
        assert fh.read() == b"\xff\xd8 plain"
    sealed = seal_file(storage, "old.jpg")
    assert sealed != "old.jpg" and not (tmp_path / "old.jpg").exists()
    assert is_sealed((tmp_path / sealed).read_bytes()) and seal_file(storage, sealed) == sealed
    assert unseal(seal(b"x")) == b"x" and unseal(b"plain") == b"plain"
