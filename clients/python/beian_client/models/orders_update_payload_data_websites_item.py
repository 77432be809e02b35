from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.orders_update_payload_data_websites_item_pre_approvals_item import OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem
  from ..models.orders_update_payload_data_websites_item_principal import OrdersUpdatePayloadDataWebsitesItemPrincipal





T = TypeVar("T", bound="OrdersUpdatePayloadDataWebsitesItem")



@_attrs_define
class OrdersUpdatePayloadDataWebsitesItem:
    """ 
        Attributes:
            domain (str | Unset):
            languages (list[str] | Unset):
            name (str | Unset):
            other_domains (list[str] | Unset):
            pre_approvals (list[OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem] | Unset):
            principal (OrdersUpdatePayloadDataWebsitesItemPrincipal | Unset):
            remark (str | Unset):
            service_contents (list[str] | Unset):
     """

    domain: str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    name: str | Unset = UNSET
    other_domains: list[str] | Unset = UNSET
    pre_approvals: list[OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem] | Unset = UNSET
    principal: OrdersUpdatePayloadDataWebsitesItemPrincipal | Unset = UNSET
    remark: str | Unset = UNSET
    service_contents: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.orders_update_payload_data_websites_item_pre_approvals_item import OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem # noqa: PLC0415
        from ..models.orders_update_payload_data_websites_item_principal import OrdersUpdatePayloadDataWebsitesItemPrincipal # noqa: PLC0415
        domain = self.domain

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        name = self.name

        other_domains: list[str] | Unset = UNSET
        if not isinstance(self.other_domains, Unset):
            other_domains = self.other_domains



        pre_approvals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pre_approvals, Unset):
            pre_approvals = []
            for pre_approvals_item_data in self.pre_approvals:
                pre_approvals_item = pre_approvals_item_data.to_dict()
                pre_approvals.append(pre_approvals_item)



        principal: dict[str, Any] | Unset = UNSET
        if not isinstance(self.principal, Unset):
            principal = self.principal.to_dict()

        remark = self.remark

        service_contents: list[str] | Unset = UNSET
        if not isinstance(self.service_contents, Unset):
            service_contents = self.service_contents




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if domain is not UNSET:
            field_dict["domain"] = domain
        if languages is not UNSET:
            field_dict["languages"] = languages
        if name is not UNSET:
            field_dict["name"] = name
        if other_domains is not UNSET:
            field_dict["other_domains"] = other_domains
        if pre_approvals is not UNSET:
            field_dict["pre_approvals"] = pre_approvals
        if principal is not UNSET:
            field_dict["principal"] = principal
        if remark is not UNSET:
            field_dict["remark"] = remark
        if service_contents is not UNSET:
            field_dict["service_contents"] = service_contents

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.orders_update_payload_data_websites_item_pre_approvals_item import OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem # noqa: PLC0415
        from ..models.orders_update_payload_data_websites_item_principal import OrdersUpdatePayloadDataWebsitesItemPrincipal # noqa: PLC0415
        d = dict(src_dict)
        domain = d.pop("domain", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))


        name = d.pop("name", UNSET)

        other_domains = cast(list[str], d.pop("other_domains", UNSET))


        _pre_approvals = d.pop("pre_approvals", UNSET)
        pre_approvals: list[OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem] | Unset = UNSET
        if _pre_approvals is not UNSET:
            pre_approvals = []
            for pre_approvals_item_data in _pre_approvals:
                pre_approvals_item = OrdersUpdatePayloadDataWebsitesItemPreApprovalsItem.from_dict(pre_approvals_item_data)



                pre_approvals.append(pre_approvals_item)


        _principal = d.pop("principal", UNSET)
        principal: OrdersUpdatePayloadDataWebsitesItemPrincipal | Unset
        if isinstance(_principal,  Unset):
            principal = UNSET
        else:
            principal = OrdersUpdatePayloadDataWebsitesItemPrincipal.from_dict(_principal)




        remark = d.pop("remark", UNSET)

        service_contents = cast(list[str], d.pop("service_contents", UNSET))


        orders_update_payload_data_websites_item = cls(
            domain=domain,
            languages=languages,
            name=name,
            other_domains=other_domains,
            pre_approvals=pre_approvals,
            principal=principal,
            remark=remark,
            service_contents=service_contents,
        )

        return orders_update_payload_data_websites_item

