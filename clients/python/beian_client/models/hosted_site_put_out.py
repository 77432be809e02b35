from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.hosted_site_put_out_status import HostedSitePutOutStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.provisioned_domain_out import ProvisionedDomainOut





T = TypeVar("T", bound="HostedSitePutOut")



@_attrs_define
class HostedSitePutOut:
    """ 
        Attributes:
            address_url (str): Where the site answers on this service.
            created (bool): True when this call made it; a repeat of the same call answers false.
            created_at (datetime.datetime):
            domains (list[ProvisionedDomainOut]):
            external_id (str): The platform's own id: 1 to 100 letters, digits and `. _ : @ + -`, from a letter or digit.
            organisation (str): The organisation's external id.
            slug (str):
            status (HostedSitePutOutStatus): `created`, `updated` (something changed) or `unchanged`.
            title (str):
            updated_at (datetime.datetime): The last change made through provisioning (else `created_at`).
     """

    address_url: str
    created: bool
    created_at: datetime.datetime
    domains: list[ProvisionedDomainOut]
    external_id: str
    organisation: str
    slug: str
    status: HostedSitePutOutStatus
    title: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.provisioned_domain_out import ProvisionedDomainOut # noqa: PLC0415
        address_url = self.address_url

        created = self.created

        created_at = self.created_at.isoformat()

        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.to_dict()
            domains.append(domains_item)



        external_id = self.external_id

        organisation = self.organisation

        slug = self.slug

        status = self.status.value

        title = self.title

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address_url": address_url,
            "created": created,
            "created_at": created_at,
            "domains": domains,
            "external_id": external_id,
            "organisation": organisation,
            "slug": slug,
            "status": status,
            "title": title,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provisioned_domain_out import ProvisionedDomainOut # noqa: PLC0415
        d = dict(src_dict)
        address_url = d.pop("address_url")

        created = d.pop("created")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = ProvisionedDomainOut.from_dict(domains_item_data)



            domains.append(domains_item)


        external_id = d.pop("external_id")

        organisation = d.pop("organisation")

        slug = d.pop("slug")

        status = HostedSitePutOutStatus(d.pop("status"))




        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        hosted_site_put_out = cls(
            address_url=address_url,
            created=created,
            created_at=created_at,
            domains=domains,
            external_id=external_id,
            organisation=organisation,
            slug=slug,
            status=status,
            title=title,
            updated_at=updated_at,
        )


        hosted_site_put_out.additional_properties = d
        return hosted_site_put_out

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
