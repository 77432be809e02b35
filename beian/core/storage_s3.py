"""The sealed storage on S3 (settings.STORAGES when BEIAN_S3_BUCKET is set); see beian.core.storage."""

from storages.backends.s3 import S3Storage

from beian.core.storage import SealedStorageMixin


class SealedS3Storage(SealedStorageMixin, S3Storage):
    pass
