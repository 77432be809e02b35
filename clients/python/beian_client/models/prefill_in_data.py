from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.prefill_in_data_subject import PrefillInDataSubject
  from ..models.prefill_in_data_websites_item import PrefillInDataWebsitesItem





T = TypeVar("T", bound="PrefillInData")



@_attrs_define
class PrefillInData:
    """ What you know of the filing, nested as in `PATCH /api/v1/orders/{id}` (`subject`, `subject.principal`, `websites[i]`
    and their `principal`). With the subject's `province`, `nature`, `certificate_type` and `certificate_number` the
    filing type is detected as at the wizard's first step (the domains: the websites' `domain`, or the site's own);
    without them it follows the account's records. A field the order does not have answers 422 `field.unknown` (field:
    its path), a value of the wrong type 422 `field.invalid`; nothing is created then.

        Attributes:
            subject (PrefillInDataSubject | Unset):
            websites (list[PrefillInDataWebsitesItem] | Unset): The order's websites in their order (`websites[0]` is the
                first). Up to the limit in `max_websites` (reference data: organisation vs individual); more answer 422
                `order.too_many_websites` and change nothing.
     """

    subject: PrefillInDataSubject | Unset = UNSET
    websites: list[PrefillInDataWebsitesItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.prefill_in_data_subject import PrefillInDataSubject # noqa: PLC0415
        from ..models.prefill_in_data_websites_item import PrefillInDataWebsitesItem # noqa: PLC0415
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
        from ..models.prefill_in_data_subject import PrefillInDataSubject # noqa: PLC0415
        from ..models.prefill_in_data_websites_item import PrefillInDataWebsitesItem # noqa: PLC0415
        d = dict(src_dict)
        _subject = d.pop("subject", UNSET)
        subject: PrefillInDataSubject | Unset
        if isinstance(_subject,  Unset):
            subject = UNSET
        else:
            subject = PrefillInDataSubject.from_dict(_subject)




        _websites = d.pop("websites", UNSET)
        websites: list[PrefillInDataWebsitesItem] | Unset = UNSET
        if _websites is not UNSET:
            websites = []
            for websites_item_data in _websites:
                websites_item = PrefillInDataWebsitesItem.from_dict(websites_item_data)



                websites.append(websites_item)


        prefill_in_data = cls(
            subject=subject,
            websites=websites,
        )

        return prefill_in_data

