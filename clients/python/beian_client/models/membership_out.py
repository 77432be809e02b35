from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.membership_out_role import MembershipOutRole
from ..models.membership_out_status import MembershipOutStatus






T = TypeVar("T", bound="MembershipOut")



@_attrs_define
class MembershipOut:
    """ 
        Attributes:
            created (bool): True when this call made it; a repeat of the same call answers false.
            organisation (str):
            role (MembershipOutRole):
            status (MembershipOutStatus): `created`, `updated` (something changed) or `unchanged`.
            user (str):
     """

    created: bool
    organisation: str
    role: MembershipOutRole
    status: MembershipOutStatus
    user: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        organisation = self.organisation

        role = self.role.value

        status = self.status.value

        user = self.user


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "organisation": organisation,
            "role": role,
            "status": status,
            "user": user,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        organisation = d.pop("organisation")

        role = MembershipOutRole(d.pop("role"))




        status = MembershipOutStatus(d.pop("status"))




        user = d.pop("user")

        membership_out = cls(
            created=created,
            organisation=organisation,
            role=role,
            status=status,
            user=user,
        )


        membership_out.additional_properties = d
        return membership_out

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
