from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.order_out_data_websites_item_pre_approvals_item import OrderOutDataWebsitesItemPreApprovalsItem
  from ..models.order_out_data_websites_item_principal import OrderOutDataWebsitesItemPrincipal





T = TypeVar("T", bound="OrderOutDataWebsitesItem")



@_attrs_define
class OrderOutDataWebsitesItem:
    """ 
        Attributes:
            domain (str | Unset): The domain as people read it (U-label), e.g. `示例.中国`.
            domain_ascii (str | Unset): The same domain as an A-label (`xn--…`); in responses only.
            languages (list[str] | Unset):
            name (str | Unset):
            other_domains (list[str] | Unset): A filed website's domains beyond its main one, as people read them
                (U-labels). Editable in a website change (`CHANGE_WEBSITE`, `CHANGE_FILING`): add a domain to file it, leave one
                out to remove it.
            other_domains_ascii (list[str] | Unset): The same domains as A-labels; in responses only.
            pre_approvals (list[OrderOutDataWebsitesItemPreApprovalsItem] | Unset):
            principal (OrderOutDataWebsitesItemPrincipal | Unset):
            remark (str | Unset):
            service_contents (list[str] | Unset):
     """

    domain: str | Unset = UNSET
    domain_ascii: str | Unset = UNSET
    languages: list[str] | Unset = UNSET
    name: str | Unset = UNSET
    other_domains: list[str] | Unset = UNSET
    other_domains_ascii: list[str] | Unset = UNSET
    pre_approvals: list[OrderOutDataWebsitesItemPreApprovalsItem] | Unset = UNSET
    principal: OrderOutDataWebsitesItemPrincipal | Unset = UNSET
    remark: str | Unset = UNSET
    service_contents: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.order_out_data_websites_item_pre_approvals_item import OrderOutDataWebsitesItemPreApprovalsItem # noqa: PLC0415
        from ..models.order_out_data_websites_item_principal import OrderOutDataWebsitesItemPrincipal # noqa: PLC0415
        domain = self.domain

        domain_ascii = self.domain_ascii

        languages: list[str] | Unset = UNSET
        if not isinstance(self.languages, Unset):
            languages = self.languages



        name = self.name

        other_domains: list[str] | Unset = UNSET
        if not isinstance(self.other_domains, Unset):
            other_domains = self.other_domains



        other_domains_ascii: list[str] | Unset = UNSET
        if not isinstance(self.other_domains_ascii, Unset):
            other_domains_ascii = self.other_domains_ascii



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
        if domain_ascii is not UNSET:
            field_dict["domain_ascii"] = domain_ascii
        if languages is not UNSET:
            field_dict["languages"] = languages
        if name is not UNSET:
            field_dict["name"] = name
        if other_domains is not UNSET:
            field_dict["other_domains"] = other_domains
        if other_domains_ascii is not UNSET:
            field_dict["other_domains_ascii"] = other_domains_ascii
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
        from ..models.order_out_data_websites_item_pre_approvals_item import OrderOutDataWebsitesItemPreApprovalsItem # noqa: PLC0415
        from ..models.order_out_data_websites_item_principal import OrderOutDataWebsitesItemPrincipal # noqa: PLC0415
        d = dict(src_dict)
        domain = d.pop("domain", UNSET)

        domain_ascii = d.pop("domain_ascii", UNSET)

        languages = cast(list[str], d.pop("languages", UNSET))


        name = d.pop("name", UNSET)

        other_domains = cast(list[str], d.pop("other_domains", UNSET))


        other_domains_ascii = cast(list[str], d.pop("other_domains_ascii", UNSET))


        _pre_approvals = d.pop("pre_approvals", UNSET)
        pre_approvals: list[OrderOutDataWebsitesItemPreApprovalsItem] | Unset = UNSET
        if _pre_approvals is not UNSET:
            pre_approvals = []
            for pre_approvals_item_data in _pre_approvals:
                pre_approvals_item = OrderOutDataWebsitesItemPreApprovalsItem.from_dict(pre_approvals_item_data)



                pre_approvals.append(pre_approvals_item)


        _principal = d.pop("principal", UNSET)
        principal: OrderOutDataWebsitesItemPrincipal | Unset
        if isinstance(_principal,  Unset):
            principal = UNSET
        else:
            principal = OrderOutDataWebsitesItemPrincipal.from_dict(_principal)




        remark = d.pop("remark", UNSET)

        service_contents = cast(list[str], d.pop("service_contents", UNSET))


        order_out_data_websites_item = cls(
            domain=domain,
            domain_ascii=domain_ascii,
            languages=languages,
            name=name,
            other_domains=other_domains,
            other_domains_ascii=other_domains_ascii,
            pre_approvals=pre_approvals,
            principal=principal,
            remark=remark,
            service_contents=service_contents,
        )

        return order_out_data_websites_item

