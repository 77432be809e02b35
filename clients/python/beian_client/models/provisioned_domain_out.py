from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProvisionedDomainOut")



@_attrs_define
class ProvisionedDomainOut:
    """ 
        Attributes:
            domain (str): As people read it (U-labels), e.g. `例子.中国`.
            domain_ascii (str): As bound and sent in a Host header (A-labels).
     """

    domain: str
    domain_ascii: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        domain = self.domain

        domain_ascii = self.domain_ascii


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "domain": domain,
            "domain_ascii": domain_ascii,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        domain = d.pop("domain")

        domain_ascii = d.pop("domain_ascii")

        provisioned_domain_out = cls(
            domain=domain,
            domain_ascii=domain_ascii,
        )


        provisioned_domain_out.additional_properties = d
        return provisioned_domain_out

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
