from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.message_out import MessageOut





T = TypeVar("T", bound="ConversationOut")



@_attrs_define
class ConversationOut:
    """ 
        Attributes:
            id (int | None): None before the first message
            messages (list[MessageOut]):
            order_id (int | None):
            status (str): `open` (customer service's turn), `waiting` (yours) or `resolved`
            unread (int): Customer service's messages your side has not read on the web pages
     """

    id: int | None
    messages: list[MessageOut]
    order_id: int | None
    status: str
    unread: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.message_out import MessageOut # noqa: PLC0415
        id: int | None
        id = self.id

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)



        order_id: int | None
        order_id = self.order_id

        status = self.status

        unread = self.unread


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "messages": messages,
            "order_id": order_id,
            "status": status,
            "unread": unread,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_out import MessageOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        id = _parse_id(d.pop("id"))


        messages = []
        _messages = d.pop("messages")
        for messages_item_data in (_messages):
            messages_item = MessageOut.from_dict(messages_item_data)



            messages.append(messages_item)


        def _parse_order_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        order_id = _parse_order_id(d.pop("order_id"))


        status = d.pop("status")

        unread = d.pop("unread")

        conversation_out = cls(
            id=id,
            messages=messages,
            order_id=order_id,
            status=status,
            unread=unread,
        )


        conversation_out.additional_properties = d
        return conversation_out

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
