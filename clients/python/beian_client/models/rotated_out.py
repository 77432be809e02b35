from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RotatedOut")



@_attrs_define
class RotatedOut:
    """ 
        Attributes:
            old_secrets_expire_at (datetime.datetime):
            prefix (str):
            secret (str): The new signing secret. Shown this once: keep it.
     """

    old_secrets_expire_at: datetime.datetime
    prefix: str
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        old_secrets_expire_at = self.old_secrets_expire_at.isoformat()

        prefix = self.prefix

        secret = self.secret


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "old_secrets_expire_at": old_secrets_expire_at,
            "prefix": prefix,
            "secret": secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        old_secrets_expire_at = datetime.datetime.fromisoformat(d.pop("old_secrets_expire_at"))




        prefix = d.pop("prefix")

        secret = d.pop("secret")

        rotated_out = cls(
            old_secrets_expire_at=old_secrets_expire_at,
            prefix=prefix,
            secret=secret,
        )


        rotated_out.additional_properties = d
        return rotated_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
