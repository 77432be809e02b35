from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RemovedDomainOut")



@_attrs_define
class RemovedDomainOut:
    """ 
        Attributes:
            domain (str): The main domain as people read it (U-label), e.g. `示例.中国`.
            domain_ascii (str): The same domain as stored and filed (A-label), e.g. `xn--fsq092h.xn--fiqs8s`.
            removed_at (str): ISO 8601 time it stopped being filed (and served).
            added_at (None | str | Unset): ISO 8601 time the domain was filed.
     """

    domain: str
    domain_ascii: str
    removed_at: str
    added_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        domain = self.domain

        domain_ascii = self.domain_ascii

        removed_at = self.removed_at

        added_at: None | str | Unset
        if isinstance(self.added_at, Unset):
            added_at = UNSET
        else:
            added_at = self.added_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "domain": domain,
            "domain_ascii": domain_ascii,
            "removed_at": removed_at,
        })
        if added_at is not UNSET:
            field_dict["added_at"] = added_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        domain = d.pop("domain")

        domain_ascii = d.pop("domain_ascii")

        removed_at = d.pop("removed_at")

        def _parse_added_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        added_at = _parse_added_at(d.pop("added_at", UNSET))


        removed_domain_out = cls(
            domain=domain,
            domain_ascii=domain_ascii,
            removed_at=removed_at,
            added_at=added_at,
        )


        removed_domain_out.additional_properties = d
        return removed_domain_out

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
