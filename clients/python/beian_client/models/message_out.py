from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.article_link_out import ArticleLinkOut
  from ..models.attachment_out import AttachmentOut





T = TypeVar("T", bound="MessageOut")



@_attrs_define
class MessageOut:
    """ 
        Attributes:
            articles (list[ArticleLinkOut]): Help articles customer service linked
            attachments (list[AttachmentOut]):
            author (str): The applicant's user name; empty for customer service
            body (str):
            created_at (datetime.datetime):
            id (int):
            side (str): `applicant` or `staff` (customer service)
     """

    articles: list[ArticleLinkOut]
    attachments: list[AttachmentOut]
    author: str
    body: str
    created_at: datetime.datetime
    id: int
    side: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.article_link_out import ArticleLinkOut # noqa: PLC0415
        from ..models.attachment_out import AttachmentOut # noqa: PLC0415
        articles = []
        for articles_item_data in self.articles:
            articles_item = articles_item_data.to_dict()
            articles.append(articles_item)



        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)



        author = self.author

        body = self.body

        created_at = self.created_at.isoformat()

        id = self.id

        side = self.side


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "articles": articles,
            "attachments": attachments,
            "author": author,
            "body": body,
            "created_at": created_at,
            "id": id,
            "side": side,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.article_link_out import ArticleLinkOut # noqa: PLC0415
        from ..models.attachment_out import AttachmentOut # noqa: PLC0415
        d = dict(src_dict)
        articles = []
        _articles = d.pop("articles")
        for articles_item_data in (_articles):
            articles_item = ArticleLinkOut.from_dict(articles_item_data)



            articles.append(articles_item)


        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in (_attachments):
            attachments_item = AttachmentOut.from_dict(attachments_item_data)



            attachments.append(attachments_item)


        author = d.pop("author")

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = d.pop("id")

        side = d.pop("side")

        message_out = cls(
            articles=articles,
            attachments=attachments,
            author=author,
            body=body,
            created_at=created_at,
            id=id,
            side=side,
        )


        message_out.additional_properties = d
        return message_out

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
