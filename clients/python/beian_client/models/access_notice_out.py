from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.access_notice_out_status import AccessNoticeOutStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.domain_out import DomainOut
  from ..models.order_ref_out import OrderRefOut





T = TypeVar("T", bound="AccessNoticeOut")



@_attrs_define
class AccessNoticeOut:
    """ A provider-initiated cancel access (取消接入) you were notified of: the reason, and the deadline to rectify
    before the provider may file it. Read-only: rectify what the reason names, and tell us.

        Attributes:
            domains (list[DomainOut]): The website's filed domains (blocked here once access ends).
            id (int):
            notified_at (str): ISO 8601 time you were notified.
            reason (str): The reason in the request's language.
            reason_code (str): The provider's reason (reference `cancellation_reasons`).
            status (AccessNoticeOutStatus): `open`: rectify by `deadline`; `withdrawn`: the access stays; `confirmed`: the
                deadline passed and the cancel access was filed (`order`); `resolved`: the access ended otherwise (you cancelled
                it).
            status_label (str): The status in the request's language.
            website_name (str): The website's name as filed.
            website_number (str): The filing number of the website whose access would end.
            closed_at (None | str | Unset): ISO 8601 time it was withdrawn, confirmed or resolved.
            deadline (None | str | Unset): ISO date: the last day to rectify.
            fix (str | Unset): How to rectify, in the request's language. Default: ''.
            note (str | Unset): The provider's details for you. Default: ''.
            order (None | OrderRefOut | Unset): `confirmed`: the cancel access order the provider filed.
            working_days_left (int | None | Unset): While open: working days until the deadline (0 on the deadline day and
                after).
     """

    domains: list[DomainOut]
    id: int
    notified_at: str
    reason: str
    reason_code: str
    status: AccessNoticeOutStatus
    status_label: str
    website_name: str
    website_number: str
    closed_at: None | str | Unset = UNSET
    deadline: None | str | Unset = UNSET
    fix: str | Unset = ''
    note: str | Unset = ''
    order: None | OrderRefOut | Unset = UNSET
    working_days_left: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.domain_out import DomainOut # noqa: PLC0415
        from ..models.order_ref_out import OrderRefOut # noqa: PLC0415
        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.to_dict()
            domains.append(domains_item)



        id = self.id

        notified_at = self.notified_at

        reason = self.reason

        reason_code = self.reason_code

        status = self.status.value

        status_label = self.status_label

        website_name = self.website_name

        website_number = self.website_number

        closed_at: None | str | Unset
        if isinstance(self.closed_at, Unset):
            closed_at = UNSET
        else:
            closed_at = self.closed_at

        deadline: None | str | Unset
        if isinstance(self.deadline, Unset):
            deadline = UNSET
        else:
            deadline = self.deadline

        fix = self.fix

        note = self.note

        order: dict[str, Any] | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        elif isinstance(self.order, OrderRefOut):
            order = self.order.to_dict()
        else:
            order = self.order

        working_days_left: int | None | Unset
        if isinstance(self.working_days_left, Unset):
            working_days_left = UNSET
        else:
            working_days_left = self.working_days_left


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "domains": domains,
            "id": id,
            "notified_at": notified_at,
            "reason": reason,
            "reason_code": reason_code,
            "status": status,
            "status_label": status_label,
            "website_name": website_name,
            "website_number": website_number,
        })
        if closed_at is not UNSET:
            field_dict["closed_at"] = closed_at
        if deadline is not UNSET:
            field_dict["deadline"] = deadline
        if fix is not UNSET:
            field_dict["fix"] = fix
        if note is not UNSET:
            field_dict["note"] = note
        if order is not UNSET:
            field_dict["order"] = order
        if working_days_left is not UNSET:
            field_dict["working_days_left"] = working_days_left

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.domain_out import DomainOut # noqa: PLC0415
        from ..models.order_ref_out import OrderRefOut # noqa: PLC0415
        d = dict(src_dict)
        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = DomainOut.from_dict(domains_item_data)



            domains.append(domains_item)


        id = d.pop("id")

        notified_at = d.pop("notified_at")

        reason = d.pop("reason")

        reason_code = d.pop("reason_code")

        status = AccessNoticeOutStatus(d.pop("status"))




        status_label = d.pop("status_label")

        website_name = d.pop("website_name")

        website_number = d.pop("website_number")

        def _parse_closed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_at = _parse_closed_at(d.pop("closed_at", UNSET))


        def _parse_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deadline = _parse_deadline(d.pop("deadline", UNSET))


        fix = d.pop("fix", UNSET)

        note = d.pop("note", UNSET)

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


        def _parse_working_days_left(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        working_days_left = _parse_working_days_left(d.pop("working_days_left", UNSET))


        access_notice_out = cls(
            domains=domains,
            id=id,
            notified_at=notified_at,
            reason=reason,
            reason_code=reason_code,
            status=status,
            status_label=status_label,
            website_name=website_name,
            website_number=website_number,
            closed_at=closed_at,
            deadline=deadline,
            fix=fix,
            note=note,
            order=order,
            working_days_left=working_days_left,
        )


        access_notice_out.additional_properties = d
        return access_notice_out

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
