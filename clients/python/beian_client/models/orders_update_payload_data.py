from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.orders_update_payload_data_subject import OrdersUpdatePayloadDataSubject
  from ..models.orders_update_payload_data_websites_item import OrdersUpdatePayloadDataWebsitesItem





T = TypeVar("T", bound="OrdersUpdatePayloadData")



@_attrs_define
class OrdersUpdatePayloadData:
    """ The same object wrapped in `data` (as responses carry it) is accepted too.

        Attributes:
            subject (OrdersUpdatePayloadDataSubject | Unset):
            websites (list[OrdersUpdatePayloadDataWebsitesItem] | Unset): The order's websites in their order (`websites[0]`
                is the first). Up to the limit in `max_websites` (reference data: organisation vs individual); more answer 422
                `order.too_many_websites` and change nothing.
     """

    subject: OrdersUpdatePayloadDataSubject | Unset = UNSET
    websites: list[OrdersUpdatePayloadDataWebsitesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_update_payload_data_subject import OrdersUpdatePayloadDataSubject # noqa: PLC0415
        from ..models.orders_update_payload_data_websites_item import OrdersUpdatePayloadDataWebsitesItem # noqa: PLC0415
        subject: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subject, Unset):
            subject = self.subject.to_dict()

        websites: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.websites, Unset):
            websites = []
            for websites_item_data in self.websites:
                websites_item = websites_item_data.to_dict()
                websites.append(websites_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if subject is not UNSET:
            field_dict["subject"] = subject
        if websites is not UNSET:
            field_dict["websites"] = websites

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_update_payload_data_subject import OrdersUpdatePayloadDataSubject # noqa: PLC0415
        from ..models.orders_update_payload_data_websites_item import OrdersUpdatePayloadDataWebsitesItem # noqa: PLC0415
        d = dict(src_dict)
        _subject = d.pop("subject", UNSET)
        subject: OrdersUpdatePayloadDataSubject | Unset
        if isinstance(_subject,  Unset):
            subject = UNSET
        else:
            subject = OrdersUpdatePayloadDataSubject.from_dict(_subject)




        _websites = d.pop("websites", UNSET)
        websites: list[OrdersUpdatePayloadDataWebsitesItem] | Unset = UNSET
        if _websites is not UNSET:
            websites = []
            for websites_item_data in _websites:
                websites_item = OrdersUpdatePayloadDataWebsitesItem.from_dict(websites_item_data)



                websites.append(websites_item)


        orders_update_payload_data = cls(
            subject=subject,
            websites=websites,
        )

        return orders_update_payload_data

