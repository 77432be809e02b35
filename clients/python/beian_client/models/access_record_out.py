from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.access_record_out_status import AccessRecordOutStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AccessRecordOut")



@_attrs_define
class AccessRecordOut:
    """ 
        Attributes:
            is_ours (bool): True when the website is accessed through us.
            since (str): ISO 8601 time the access was recorded.
            status (AccessRecordOutStatus):
            hosted_site_id (int | None | Unset): Our access: your hosted site that serves the website (`GET /api/v1/sites`).
            provider_name (str | Unset): The other access provider's name; empty for our own access. Default: ''.
            until (None | str | Unset): ISO 8601 time the access ended (`cancelled`); null while active.
     """

    is_ours: bool
    since: str
    status: AccessRecordOutStatus
    hosted_site_id: int | None | Unset = UNSET
    provider_name: str | Unset = ''
    until: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        is_ours = self.is_ours

        since = self.since

        status = self.status.value

        hosted_site_id: int | None | Unset
        if isinstance(self.hosted_site_id, Unset):
            hosted_site_id = UNSET
        else:
            hosted_site_id = self.hosted_site_id

        provider_name = self.provider_name

        until: None | str | Unset
        if isinstance(self.until, Unset):
            until = UNSET
        else:
            until = self.until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "is_ours": is_ours,
            "since": since,
            "status": status,
        })
        if hosted_site_id is not UNSET:
            field_dict["hosted_site_id"] = hosted_site_id
        if provider_name is not UNSET:
            field_dict["provider_name"] = provider_name
        if until is not UNSET:
            field_dict["until"] = until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_ours = d.pop("is_ours")

        since = d.pop("since")

        status = AccessRecordOutStatus(d.pop("status"))




        def _parse_hosted_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hosted_site_id = _parse_hosted_site_id(d.pop("hosted_site_id", UNSET))


        provider_name = d.pop("provider_name", UNSET)

        def _parse_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        until = _parse_until(d.pop("until", UNSET))


        access_record_out = cls(
            is_ours=is_ours,
            since=since,
            status=status,
            hosted_site_id=hosted_site_id,
            provider_name=provider_name,
            until=until,
        )


        access_record_out.additional_properties = d
        return access_record_out

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
