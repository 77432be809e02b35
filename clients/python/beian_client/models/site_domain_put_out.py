from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.site_domain_put_out_status import SiteDomainPutOutStatus






T = TypeVar("T", bound="SiteDomainPutOut")



@_attrs_define
class SiteDomainPutOut:
    """ 
        Attributes:
            created (bool): True when this call made it; a repeat of the same call answers false.
            domain (str): As people read it (U-labels), e.g. `例子.中国`.
            domain_ascii (str): As bound and sent in a Host header (A-labels).
            site (str): The site's external id.
            status (SiteDomainPutOutStatus): `created`, `updated` (something changed) or `unchanged`.
     """

    created: bool
    domain: str
    domain_ascii: str
    site: str
    status: SiteDomainPutOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        domain = self.domain

        domain_ascii = self.domain_ascii

        site = self.site

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "domain": domain,
            "domain_ascii": domain_ascii,
            "site": site,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        domain = d.pop("domain")

        domain_ascii = d.pop("domain_ascii")

        site = d.pop("site")

        status = SiteDomainPutOutStatus(d.pop("status"))




        site_domain_put_out = cls(
            created=created,
            domain=domain,
            domain_ascii=domain_ascii,
            site=site,
            status=status,
        )


        site_domain_put_out.additional_properties = d
        return site_domain_put_out

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
