from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="PlatformTokenOut")



@_attrs_define
class PlatformTokenOut:
    """ 
        Attributes:
            expires_at (datetime.datetime | None):
            name (str):
            platform (str): the platform's identifier (slug)
            prefix (str): the first characters of the key, to tell keys apart
            rate_limit_per_minute (int):
            scopes (list[str]):
     """

    expires_at: datetime.datetime | None
    name: str
    platform: str
    prefix: str
    rate_limit_per_minute: int
    scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        name = self.name

        platform = self.platform

        prefix = self.prefix

        rate_limit_per_minute = self.rate_limit_per_minute

        scopes = self.scopes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "expires_at": expires_at,
            "name": name,
            "platform": platform,
            "prefix": prefix,
            "rate_limit_per_minute": rate_limit_per_minute,
            "scopes": scopes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))


        name = d.pop("name")

        platform = d.pop("platform")

        prefix = d.pop("prefix")

        rate_limit_per_minute = d.pop("rate_limit_per_minute")

        scopes = cast(list[str], d.pop("scopes"))


        platform_token_out = cls(
            expires_at=expires_at,
            name=name,
            platform=platform,
            prefix=prefix,
            rate_limit_per_minute=rate_limit_per_minute,
            scopes=scopes,
        )


        platform_token_out.additional_properties = d
        return platform_token_out

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
