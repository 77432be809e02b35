from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.domain_out import DomainOut
  from ..models.order_ref_out import OrderRefOut





T = TypeVar("T", bound="RecordEventOut")



@_attrs_define
class RecordEventOut:
    """ One entry of a record's history (append-only). No personal data.

        Attributes:
            action (str): `subject_filed`, `subject_recorded`, `website_filed`, `domain_added`, `domain_removed`,
                `access_added`, `subject_changed`, `website_changed`, `access_changed`, `website_cancelled`,
                `subject_cancelled`, `access_cancelled`, `psb_number_set`, …
            at (str): ISO 8601 time.
            label (str): The action in the request's language.
            domains (list[DomainOut] | Unset): The domains filed, removed or ended.
            fields (list[str] | Unset): The field paths a change changed.
            filing_number (str | Unset): The record's number the event is about (website `…-n` or subject). Default: ''.
            order (None | OrderRefOut | Unset): Your order whose approval made the change.
            reason_code (str | Unset): A cancellation's reason code. Default: ''.
            reason_text (str | Unset): The reason in the request's language. Default: ''.
     """

    action: str
    at: str
    label: str
    domains: list[DomainOut] | Unset = UNSET
    fields: list[str] | Unset = UNSET
    filing_number: str | Unset = ''
    order: None | OrderRefOut | Unset = UNSET
    reason_code: str | Unset = ''
    reason_text: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.domain_out import DomainOut # noqa: PLC0415
        from ..models.order_ref_out import OrderRefOut # noqa: PLC0415
        action = self.action

        at = self.at

        label = self.label

        domains: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = []
            for domains_item_data in self.domains:
                domains_item = domains_item_data.to_dict()
                domains.append(domains_item)



        fields: list[str] | Unset = UNSET
        if not isinstance(self.fields, Unset):
            fields = self.fields



        filing_number = self.filing_number

        order: dict[str, Any] | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        elif isinstance(self.order, OrderRefOut):
            order = self.order.to_dict()
        else:
            order = self.order

        reason_code = self.reason_code

        reason_text = self.reason_text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "at": at,
            "label": label,
        })
        if domains is not UNSET:
            field_dict["domains"] = domains
        if fields is not UNSET:
            field_dict["fields"] = fields
        if filing_number is not UNSET:
            field_dict["filing_number"] = filing_number
        if order is not UNSET:
            field_dict["order"] = order
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason_text is not UNSET:
            field_dict["reason_text"] = reason_text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.domain_out import DomainOut # noqa: PLC0415
        from ..models.order_ref_out import OrderRefOut # noqa: PLC0415
        d = dict(src_dict)
        action = d.pop("action")

        at = d.pop("at")

        label = d.pop("label")

        _domains = d.pop("domains", UNSET)
        domains: list[DomainOut] | Unset = UNSET
        if _domains is not UNSET:
            domains = []
            for domains_item_data in _domains:
                domains_item = DomainOut.from_dict(domains_item_data)



                domains.append(domains_item)


        fields = cast(list[str], d.pop("fields", UNSET))


        filing_number = d.pop("filing_number", UNSET)

        def _parse_order(data: object) -> None | OrderRefOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_type_0 = OrderRefOut.from_dict(data)



                return order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderRefOut | Unset, data)

        order = _parse_order(d.pop("order", UNSET))


        reason_code = d.pop("reason_code", UNSET)

        reason_text = d.pop("reason_text", UNSET)

        record_event_out = cls(
            action=action,
            at=at,
            label=label,
            domains=domains,
            fields=fields,
            filing_number=filing_number,
            order=order,
            reason_code=reason_code,
            reason_text=reason_text,
        )


        record_event_out.additional_properties = d
        return record_event_out

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
