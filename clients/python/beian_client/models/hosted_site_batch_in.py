from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.hosted_site_batch_item_in import HostedSiteBatchItemIn





T = TypeVar("T", bound="HostedSiteBatchIn")



@_attrs_define
class HostedSiteBatchIn:
    """ 
        Attributes:
            items (list[HostedSiteBatchItemIn]): At most 100 sites, each upserted alone.
     """

    items: list[HostedSiteBatchItemIn]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.hosted_site_batch_item_in import HostedSiteBatchItemIn # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "items": items,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hosted_site_batch_item_in import HostedSiteBatchItemIn # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = HostedSiteBatchItemIn.from_dict(items_item_data)



            items.append(items_item)


        hosted_site_batch_in = cls(
            items=items,
        )


        hosted_site_batch_in.additional_properties = d
        return hosted_site_batch_in

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
