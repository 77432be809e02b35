from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccessChangeOut")



@_attrs_define
class AccessChangeOut:
    """ 
        Attributes:
            from_site_id (int | None | Unset): The hosted site that serves the website now.
            to_site_id (int | None | Unset): The hosted site that serves it once the regulator approves.
     """

    from_site_id: int | None | Unset = UNSET
    to_site_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from_site_id: int | None | Unset
        if isinstance(self.from_site_id, Unset):
            from_site_id = UNSET
        else:
            from_site_id = self.from_site_id

        to_site_id: int | None | Unset
        if isinstance(self.to_site_id, Unset):
            to_site_id = UNSET
        else:
            to_site_id = self.to_site_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if from_site_id is not UNSET:
            field_dict["from_site_id"] = from_site_id
        if to_site_id is not UNSET:
            field_dict["to_site_id"] = to_site_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_from_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        from_site_id = _parse_from_site_id(d.pop("from_site_id", UNSET))


        def _parse_to_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        to_site_id = _parse_to_site_id(d.pop("to_site_id", UNSET))


        access_change_out = cls(
            from_site_id=from_site_id,
            to_site_id=to_site_id,
        )


        access_change_out.additional_properties = d
        return access_change_out

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
