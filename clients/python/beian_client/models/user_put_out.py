from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_put_out_status import UserPutOutStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.user_membership_out import UserMembershipOut





T = TypeVar("T", bound="UserPutOut")



@_attrs_define
class UserPutOut:
    """ 
        Attributes:
            active (bool): False once removed (users are deactivated, never deleted).
            created (bool): True when this call made it; a repeat of the same call answers false.
            created_at (datetime.datetime):
            email (str):
            external_id (str): The platform's own id: 1 to 100 letters, digits and `. _ : @ + -`, from a letter or digit.
            name (str):
            organisations (list[UserMembershipOut]):
            status (UserPutOutStatus): `created`, `updated` (something changed) or `unchanged`.
            updated_at (datetime.datetime): The last change made through provisioning (else `created_at`).
     """

    active: bool
    created: bool
    created_at: datetime.datetime
    email: str
    external_id: str
    name: str
    organisations: list[UserMembershipOut]
    status: UserPutOutStatus
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.user_membership_out import UserMembershipOut # noqa: PLC0415
        active = self.active

        created = self.created

        created_at = self.created_at.isoformat()

        email = self.email

        external_id = self.external_id

        name = self.name

        organisations = []
        for organisations_item_data in self.organisations:
            organisations_item = organisations_item_data.to_dict()
            organisations.append(organisations_item)



        status = self.status.value

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "created": created,
            "created_at": created_at,
            "email": email,
            "external_id": external_id,
            "name": name,
            "organisations": organisations,
            "status": status,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_membership_out import UserMembershipOut # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        email = d.pop("email")

        external_id = d.pop("external_id")

        name = d.pop("name")

        organisations = []
        _organisations = d.pop("organisations")
        for organisations_item_data in (_organisations):
            organisations_item = UserMembershipOut.from_dict(organisations_item_data)



            organisations.append(organisations_item)


        status = UserPutOutStatus(d.pop("status"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        user_put_out = cls(
            active=active,
            created=created,
            created_at=created_at,
            email=email,
            external_id=external_id,
            name=name,
            organisations=organisations,
            status=status,
            updated_at=updated_at,
        )


        user_put_out.additional_properties = d
        return user_put_out

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
