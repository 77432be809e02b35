from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.member_out import MemberOut





T = TypeVar("T", bound="OrganisationOut")



@_attrs_define
class OrganisationOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            external_id (str): The platform's own id: 1 to 100 letters, digits and `. _ : @ + -`, from a letter or digit.
            members (list[MemberOut]): The platform's users who are members, and their role.
            name (str):
            plan (str): The code of its plan (the default plan when none was set).
            updated_at (datetime.datetime): The last change made through provisioning (else `created_at`).
     """

    created_at: datetime.datetime
    external_id: str
    members: list[MemberOut]
    name: str
    plan: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.member_out import MemberOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        external_id = self.external_id

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)



        name = self.name

        plan = self.plan

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "external_id": external_id,
            "members": members,
            "name": name,
            "plan": plan,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_out import MemberOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        external_id = d.pop("external_id")

        members = []
        _members = d.pop("members")
        for members_item_data in (_members):
            members_item = MemberOut.from_dict(members_item_data)



            members.append(members_item)


        name = d.pop("name")

        plan = d.pop("plan")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        organisation_out = cls(
            created_at=created_at,
            external_id=external_id,
            members=members,
            name=name,
            plan=plan,
            updated_at=updated_at,
        )


        organisation_out.additional_properties = d
        return organisation_out

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
