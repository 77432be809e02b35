from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.domain_out import DomainOut





T = TypeVar("T", bound="DomainChangeOut")



@_attrs_define
class DomainChangeOut:
    """ 
        Attributes:
            added (list[DomainOut]): Domains the change files (they serve once approved).
            removed (list[DomainOut]): Domains the change removes (they stop serving once approved).
            website_index (int): The website of the order (`websites[i]`).
     """

    added: list[DomainOut]
    removed: list[DomainOut]
    website_index: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.domain_out import DomainOut # noqa: PLC0415
        added = []
        for added_item_data in self.added:
            added_item = added_item_data.to_dict()
            added.append(added_item)



        removed = []
        for removed_item_data in self.removed:
            removed_item = removed_item_data.to_dict()
            removed.append(removed_item)



        website_index = self.website_index


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "added": added,
            "removed": removed,
            "website_index": website_index,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.domain_out import DomainOut # noqa: PLC0415
        d = dict(src_dict)
        added = []
        _added = d.pop("added")
        for added_item_data in (_added):
            added_item = DomainOut.from_dict(added_item_data)



            added.append(added_item)


        removed = []
        _removed = d.pop("removed")
        for removed_item_data in (_removed):
            removed_item = DomainOut.from_dict(removed_item_data)



            removed.append(removed_item)


        website_index = d.pop("website_index")

        domain_change_out = cls(
            added=added,
            removed=removed,
            website_index=website_index,
        )


        domain_change_out.additional_properties = d
        return domain_change_out

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
