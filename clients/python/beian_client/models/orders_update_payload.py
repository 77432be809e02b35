from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.orders_update_payload_data import OrdersUpdatePayloadData
  from ..models.orders_update_payload_subject import OrdersUpdatePayloadSubject
  from ..models.orders_update_payload_websites_item import OrdersUpdatePayloadWebsitesItem





T = TypeVar("T", bound="OrdersUpdatePayload")



@_attrs_define
class OrdersUpdatePayload:
    """ Any subset of the order's fields, nested. A field the order does not have answers 422 `field.unknown`, a field that
    may not be changed now 403 `field.locked`, a value of the wrong type 422 `field.invalid`.

        Attributes:
            data (OrdersUpdatePayloadData | Unset): The same object wrapped in `data` (as responses carry it) is accepted
                too.
            subject (OrdersUpdatePayloadSubject | Unset):
            websites (list[OrdersUpdatePayloadWebsitesItem] | Unset): The order's websites in their order (`websites[0]` is
                the first). Up to the limit in `max_websites` (reference data: organisation vs individual); more answer 422
                `order.too_many_websites` and change nothing.
     """

    data: OrdersUpdatePayloadData | Unset = UNSET
    subject: OrdersUpdatePayloadSubject | Unset = UNSET
    websites: list[OrdersUpdatePayloadWebsitesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_update_payload_data import OrdersUpdatePayloadData # noqa: PLC0415
        from ..models.orders_update_payload_subject import OrdersUpdatePayloadSubject # noqa: PLC0415
        from ..models.orders_update_payload_websites_item import OrdersUpdatePayloadWebsitesItem # noqa: PLC0415
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

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
        if data is not UNSET:
            field_dict["data"] = data
        if subject is not UNSET:
            field_dict["subject"] = subject
        if websites is not UNSET:
            field_dict["websites"] = websites

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_update_payload_data import OrdersUpdatePayloadData # noqa: PLC0415
        from ..models.orders_update_payload_subject import OrdersUpdatePayloadSubject # noqa: PLC0415
        from ..models.orders_update_payload_websites_item import OrdersUpdatePayloadWebsitesItem # noqa: PLC0415
        d = dict(src_dict)
        _data = d.pop("data", UNSET)
        data: OrdersUpdatePayloadData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = OrdersUpdatePayloadData.from_dict(_data)




        _subject = d.pop("subject", UNSET)
        subject: OrdersUpdatePayloadSubject | Unset
        if isinstance(_subject,  Unset):
            subject = UNSET
        else:
            subject = OrdersUpdatePayloadSubject.from_dict(_subject)




        _websites = d.pop("websites", UNSET)
        websites: list[OrdersUpdatePayloadWebsitesItem] | Unset = UNSET
        if _websites is not UNSET:
            websites = []
            for websites_item_data in _websites:
                websites_item = OrdersUpdatePayloadWebsitesItem.from_dict(websites_item_data)



                websites.append(websites_item)


        orders_update_payload = cls(
            data=data,
            subject=subject,
            websites=websites,
        )

        return orders_update_payload

