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
  from ..models.attempt_out import AttemptOut
  from ..models.delivery_detail_out_payload import DeliveryDetailOutPayload





T = TypeVar("T", bound="DeliveryDetailOut")



@_attrs_define
class DeliveryDetailOut:
    """ 
        Attributes:
            attempt_log (list[AttemptOut]):
            attempts (int):
            created_at (datetime.datetime):
            endpoint_id (int):
            event_id (str): The `webhook-id` header the receiver got (`msg_…`).
            event_type (str):
            id (int):
            last_error (str):
            last_status_code (int | None):
            next_attempt_at (datetime.datetime | None):
            ordering_key (str): Events of one key (`order:<id>`, …) arrive in order.
            payload (DeliveryDetailOutPayload): The body as sent.
            status (str): waiting, pending, sending, failed (retried), succeeded or dead.
            succeeded_at (datetime.datetime | None):
            waiting_behind (int | None | Unset): The delivery this one waits for (or null).
     """

    attempt_log: list[AttemptOut]
    attempts: int
    created_at: datetime.datetime
    endpoint_id: int
    event_id: str
    event_type: str
    id: int
    last_error: str
    last_status_code: int | None
    next_attempt_at: datetime.datetime | None
    ordering_key: str
    payload: DeliveryDetailOutPayload
    status: str
    succeeded_at: datetime.datetime | None
    waiting_behind: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt_out import AttemptOut # noqa: PLC0415
        from ..models.delivery_detail_out_payload import DeliveryDetailOutPayload # noqa: PLC0415
        attempt_log = []
        for attempt_log_item_data in self.attempt_log:
            attempt_log_item = attempt_log_item_data.to_dict()
            attempt_log.append(attempt_log_item)



        attempts = self.attempts

        created_at = self.created_at.isoformat()

        endpoint_id = self.endpoint_id

        event_id = self.event_id

        event_type = self.event_type

        id = self.id

        last_error = self.last_error

        last_status_code: int | None
        last_status_code = self.last_status_code

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        ordering_key = self.ordering_key

        payload = self.payload.to_dict()

        status = self.status

        succeeded_at: None | str
        if isinstance(self.succeeded_at, datetime.datetime):
            succeeded_at = self.succeeded_at.isoformat()
        else:
            succeeded_at = self.succeeded_at

        waiting_behind: int | None | Unset
        if isinstance(self.waiting_behind, Unset):
            waiting_behind = UNSET
        else:
            waiting_behind = self.waiting_behind


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempt_log": attempt_log,
            "attempts": attempts,
            "created_at": created_at,
            "endpoint_id": endpoint_id,
            "event_id": event_id,
            "event_type": event_type,
            "id": id,
            "last_error": last_error,
            "last_status_code": last_status_code,
            "next_attempt_at": next_attempt_at,
            "ordering_key": ordering_key,
            "payload": payload,
            "status": status,
            "succeeded_at": succeeded_at,
        })
        if waiting_behind is not UNSET:
            field_dict["waiting_behind"] = waiting_behind

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_out import AttemptOut # noqa: PLC0415
        from ..models.delivery_detail_out_payload import DeliveryDetailOutPayload # noqa: PLC0415
        d = dict(src_dict)
        attempt_log = []
        _attempt_log = d.pop("attempt_log")
        for attempt_log_item_data in (_attempt_log):
            attempt_log_item = AttemptOut.from_dict(attempt_log_item_data)



            attempt_log.append(attempt_log_item)


        attempts = d.pop("attempts")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        endpoint_id = d.pop("endpoint_id")

        event_id = d.pop("event_id")

        event_type = d.pop("event_type")

        id = d.pop("id")

        last_error = d.pop("last_error")

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))


        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        ordering_key = d.pop("ordering_key")

        payload = DeliveryDetailOutPayload.from_dict(d.pop("payload"))




        status = d.pop("status")

        def _parse_succeeded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                succeeded_at_type_0 = datetime.datetime.fromisoformat(data)



                return succeeded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        succeeded_at = _parse_succeeded_at(d.pop("succeeded_at"))


        def _parse_waiting_behind(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        waiting_behind = _parse_waiting_behind(d.pop("waiting_behind", UNSET))


        delivery_detail_out = cls(
            attempt_log=attempt_log,
            attempts=attempts,
            created_at=created_at,
            endpoint_id=endpoint_id,
            event_id=event_id,
            event_type=event_type,
            id=id,
            last_error=last_error,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            ordering_key=ordering_key,
            payload=payload,
            status=status,
            succeeded_at=succeeded_at,
            waiting_behind=waiting_behind,
        )


        delivery_detail_out.additional_properties = d
        return delivery_detail_out

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
