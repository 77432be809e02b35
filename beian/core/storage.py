"""Uploaded files sealed at rest: the default storage (the file system under PRIVATE_MEDIA_ROOT, or
S3) with every file encrypted on save and decrypted on open, with the key material of the PII fields
(beian.core.crypto). Uploads are ID cards, licences and signed verification forms: PII.

Files are small (the requirement matrix caps them at a few MB, and the upload checks already hold
each whole in memory), so a file is one Fernet token rather than a stream of chunks. A file written
before sealing is read as it is; `seal_file` seals it under a new name (data migration). On S3:
beian.core.storage_s3.SealedS3Storage (its own module: boto3 loads only where used)."""

from __future__ import annotations

from django.core.files.base import ContentFile, File
from django.core.files.storage import FileSystemStorage

from beian.core.crypto import TOKEN_PREFIX, is_sealed, seal, unseal


class SealedStorageMixin:
    def _save(self, name: str, content: File) -> str:
        content.seek(0)
        return super()._save(name, ContentFile(seal(content.read())))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("sealed files are written through save(), never opened for writing")
        with super()._open(name, "rb") as raw:  # type: ignore[misc]
            data = raw.read()
        return ContentFile(unseal(data), name=name)

    def size(self, name: str) -> int:
        with self._open(name) as plain:
            return plain.size

    def is_sealed(self, name: str) -> bool:
        with super()._open(name, "rb") as raw:  # type: ignore[misc]
            return is_sealed(raw.read(len(TOKEN_PREFIX)))


class SealedFileSystemStorage(SealedStorageMixin, FileSystemStorage):
    pass


def seal_file(storage, name: str) -> str:
    """The name of `name`'s sealed copy: itself when sealed already, else a new file holding the
    sealed bytes (the plain one is deleted once the copy is written). Callers point their rows at it."""
    if storage.is_sealed(name):
        return name
    with storage.open(name) as plain:
        new_name = storage.save(name, ContentFile(plain.read()))
    storage.delete(name)
    return new_name
