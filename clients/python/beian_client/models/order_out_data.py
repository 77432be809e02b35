from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.order_out_data_subject import OrderOutDataSubject
  from ..models.order_out_data_websites_item import OrderOutDataWebsitesItem





T = TypeVar("T", bound="OrderOutData")



@_attrs_define
class OrderOutData:
    """ The order's fields, nested; personal data masked.

        Attributes:
            subject (OrderOutDataSubject | Unset):
            websites (list[OrderOutDataWebsitesItem] | Unset): The order's websites in their order (`websites[0]` is the
                first). Up to the limit in `max_websites` (reference data: organisation vs individual); more answer 422
                `order.too_many_websites` and change nothing.
     """

    subject: OrderOutDataSubject | Unset = UNSET
    websites: list[OrderOutDataWebsitesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.order_out_data_subject import OrderOutDataSubject # noqa: PLC0415
        from ..models.order_out_data_websites_item import OrderOutDataWebsitesItem # noqa: PLC0415
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
        from ..models.order_out_data_subject import OrderOutDataSubject # noqa: PLC0415
        from ..models.order_out_data_websites_item import OrderOutDataWebsitesItem # noqa: PLC0415
        d = dict(src_dict)
        _subject = d.pop("subject", UNSET)
        subject: OrderOutDataSubject | Unset
        if isinstance(_subject,  Unset):
            subject = UNSET
        else:
            subject = OrderOutDataSubject.from_dict(_subject)




        _websites = d.pop("websites", UNSET)
        websites: list[OrderOutDataWebsitesItem] | Unset = UNSET
        if _websites is not UNSET:
            websites = []
            for websites_item_data in _websites:
                websites_item = OrderOutDataWebsitesItem.from_dict(websites_item_data)



                websites.append(websites_item)


        order_out_data = cls(
            subject=subject,
            websites=websites,
        )

        return order_out_data

