from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.secret_out import SecretOut





T = TypeVar("T", bound="EndpointOut")



@_attrs_define
class EndpointOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            description (str):
            event_types (list[str]):
            id (int):
            is_active (bool):
            secrets (list[SecretOut]):
            updated_at (datetime.datetime):
            url (str):
            failing_since (datetime.datetime | None | Unset): Since when the deliveries to it fail (or null).
     """

    created_at: datetime.datetime
    description: str
    event_types: list[str]
    id: int
    is_active: bool
    secrets: list[SecretOut]
    updated_at: datetime.datetime
    url: str
    failing_since: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.secret_out import SecretOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        description = self.description

        event_types = self.event_types



        id = self.id

        is_active = self.is_active

        secrets = []
        for secrets_item_data in self.secrets:
            secrets_item = secrets_item_data.to_dict()
            secrets.append(secrets_item)



        updated_at = self.updated_at.isoformat()

        url = self.url

        failing_since: None | str | Unset
        if isinstance(self.failing_since, Unset):
            failing_since = UNSET
        elif isinstance(self.failing_since, datetime.datetime):
            failing_since = self.failing_since.isoformat()
        else:
            failing_since = self.failing_since


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "description": description,
            "event_types": event_types,
            "id": id,
            "is_active": is_active,
            "secrets": secrets,
            "updated_at": updated_at,
            "url": url,
        })
        if failing_since is not UNSET:
            field_dict["failing_since"] = failing_since

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.secret_out import SecretOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        description = d.pop("description")

        event_types = cast(list[str], d.pop("event_types"))


        id = d.pop("id")

        is_active = d.pop("is_active")

        secrets = []
        _secrets = d.pop("secrets")
        for secrets_item_data in (_secrets):
            secrets_item = SecretOut.from_dict(secrets_item_data)



            secrets.append(secrets_item)


        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        url = d.pop("url")

        def _parse_failing_since(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failing_since_type_0 = datetime.datetime.fromisoformat(data)



                return failing_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        failing_since = _parse_failing_since(d.pop("failing_since", UNSET))


        endpoint_out = cls(
            created_at=created_at,
            description=description,
            event_types=event_types,
            id=id,
            is_active=is_active,
            secrets=secrets,
            updated_at=updated_at,
            url=url,
            failing_since=failing_since,
        )


        endpoint_out.additional_properties = d
        return endpoint_out

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
