from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OrderRequestIn")



@_attrs_define
class OrderRequestIn:
    """ What a change or cancellation asks beyond the fields. Every key is optional; a key left out (or null)
    keeps its value, an empty string clears it.

        Attributes:
            confirmation (None | str | Unset): An irreversible cancellation is confirmed by typing what it ends: the
                website's main domain (`CANCEL_WEBSITE`) or the subject's name (`CANCEL_SUBJECT`); compared without case or
                width. Never echoed: the order says whether it matches (`request.confirmation_matches`).
            hosted_site_id (int | None | Unset): `CHANGE_ACCESS` only: your hosted site (`GET /api/v1/sites`) that serves
                the website once the regulator approves; 422 `order.not_change_access` for another type, 404 for a site that is
                not yours.
            reason_code (None | str | Unset): A cancellation's reason: a `code` of `GET /api/v1/cancellation-
                reasons?filing_type=…`.
            reason_note (None | str | Unset): The reason in your own words (optional).
     """

    confirmation: None | str | Unset = UNSET
    hosted_site_id: int | None | Unset = UNSET
    reason_code: None | str | Unset = UNSET
    reason_note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        confirmation: None | str | Unset
        if isinstance(self.confirmation, Unset):
            confirmation = UNSET
        else:
            confirmation = self.confirmation

        hosted_site_id: int | None | Unset
        if isinstance(self.hosted_site_id, Unset):
            hosted_site_id = UNSET
        else:
            hosted_site_id = self.hosted_site_id

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        reason_note: None | str | Unset
        if isinstance(self.reason_note, Unset):
            reason_note = UNSET
        else:
            reason_note = self.reason_note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if confirmation is not UNSET:
            field_dict["confirmation"] = confirmation
        if hosted_site_id is not UNSET:
            field_dict["hosted_site_id"] = hosted_site_id
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason_note is not UNSET:
            field_dict["reason_note"] = reason_note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_confirmation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        confirmation = _parse_confirmation(d.pop("confirmation", UNSET))


        def _parse_hosted_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hosted_site_id = _parse_hosted_site_id(d.pop("hosted_site_id", UNSET))


        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))


        def _parse_reason_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_note = _parse_reason_note(d.pop("reason_note", UNSET))


        order_request_in = cls(
            confirmation=confirmation,
            hosted_site_id=hosted_site_id,
            reason_code=reason_code,
            reason_note=reason_note,
        )


        order_request_in.additional_properties = d
        return order_request_in

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
