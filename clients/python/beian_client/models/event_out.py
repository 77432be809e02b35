from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EventOut")



@_attrs_define
class EventOut:
    """ 
        Attributes:
            actor (str):
            at (str): ISO 8601 time.
            event (str): E.g. `create`, `submit`, `return_fields`, `approve`.
            from_status (str):
            reason (str):
            to_status (str):
     """

    actor: str
    at: str
    event: str
    from_status: str
    reason: str
    to_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        at = self.at

        event = self.event

        from_status = self.from_status

        reason = self.reason

        to_status = self.to_status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "actor": actor,
            "at": at,
            "event": event,
            "from_status": from_status,
            "reason": reason,
            "to_status": to_status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        at = d.pop("at")

        event = d.pop("event")

        from_status = d.pop("from_status")

        reason = d.pop("reason")

        to_status = d.pop("to_status")

        event_out = cls(
            actor=actor,
            at=at,
            event=event,
            from_status=from_status,
            reason=reason,
            to_status=to_status,
        )


        event_out.additional_properties = d
        return event_out

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
