from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.record_target_in import RecordTargetIn





T = TypeVar("T", bound="CreateOrderIn")



@_attrs_define
class CreateOrderIn:
    """ 
        Attributes:
            certificate_number (str | Unset): Verify input: the subject's certificate number (the subject's identity).
                Default: ''.
            certificate_type (int | None | Unset): Verify input: the subject's certificate type code.
            domains (list[str] | Unset): Verify input: the main domain of each website. Default: the site's primary domain.
            filing_type (str | Unset): The filing type you intend (`FIRST_FILING`, `NEW_WEBSITE`, `NEW_ACCESS`). Refused
                with 422 and the code of the reason (e.g. `order.filing_type.requested_wrong`) when what is filed for the
                subject and the domains says otherwise; the message explains the right path. Empty: decided for you.

                A change or cancellation of a filed record (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`, `CHANGE_FILING`,
                `CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) is started with its `target` instead of a
                site or the verify inputs. Default: ''.
            nature (int | None | Unset): Verify input: the subject nature (e.g. 4 enterprise, 5 individual).
            province (str | Unset): Verify input: the subject's province (`provinces[].code`, e.g. `11`). Default: ''.
            service_code (str | Unset): The site's service code (备案服务码, `BA-XXXX-XXXX-XXXX`; spaces, hyphens and case do not
                matter), bound to the new filing. Required while the operator requires one: 422 `service_code.required`; 422
                `service_code.invalid`, `.unknown`, `.used`, `.void`, `.other_site`, `.granted_elsewhere` (field `service_code`)
                otherwise. A code granted to your account by another account of the platform starts the filing for that
                account's site (leave `site_id` out). Default: ''.
            site_id (int | None | Unset): A hosted site of your organisation (see `GET /api/v1/sites`). Optional when the
                verify inputs name the domains.
            target (None | RecordTargetIn | Unset): For a change or cancellation: the filed record it applies against. Send
                it with a change or cancellation `filing_type` and nothing else.
     """

    certificate_number: str | Unset = ''
    certificate_type: int | None | Unset = UNSET
    domains: list[str] | Unset = UNSET
    filing_type: str | Unset = ''
    nature: int | None | Unset = UNSET
    province: str | Unset = ''
    service_code: str | Unset = ''
    site_id: int | None | Unset = UNSET
    target: None | RecordTargetIn | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.record_target_in import RecordTargetIn # noqa: PLC0415
        certificate_number = self.certificate_number

        certificate_type: int | None | Unset
        if isinstance(self.certificate_type, Unset):
            certificate_type = UNSET
        else:
            certificate_type = self.certificate_type

        domains: list[str] | Unset = UNSET
        if not isinstance(self.domains, Unset):
            domains = self.domains



        filing_type = self.filing_type

        nature: int | None | Unset
        if isinstance(self.nature, Unset):
            nature = UNSET
        else:
            nature = self.nature

        province = self.province

        service_code = self.service_code

        site_id: int | None | Unset
        if isinstance(self.site_id, Unset):
            site_id = UNSET
        else:
            site_id = self.site_id

        target: dict[str, Any] | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, RecordTargetIn):
            target = self.target.to_dict()
        else:
            target = self.target


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if certificate_number is not UNSET:
            field_dict["certificate_number"] = certificate_number
        if certificate_type is not UNSET:
            field_dict["certificate_type"] = certificate_type
        if domains is not UNSET:
            field_dict["domains"] = domains
        if filing_type is not UNSET:
            field_dict["filing_type"] = filing_type
        if nature is not UNSET:
            field_dict["nature"] = nature
        if province is not UNSET:
            field_dict["province"] = province
        if service_code is not UNSET:
            field_dict["service_code"] = service_code
        if site_id is not UNSET:
            field_dict["site_id"] = site_id
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_target_in import RecordTargetIn # noqa: PLC0415
        d = dict(src_dict)
        certificate_number = d.pop("certificate_number", UNSET)

        def _parse_certificate_type(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        certificate_type = _parse_certificate_type(d.pop("certificate_type", UNSET))


        domains = cast(list[str], d.pop("domains", UNSET))


        filing_type = d.pop("filing_type", UNSET)

        def _parse_nature(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        nature = _parse_nature(d.pop("nature", UNSET))


        province = d.pop("province", UNSET)

        service_code = d.pop("service_code", UNSET)

        def _parse_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        site_id = _parse_site_id(d.pop("site_id", UNSET))


        def _parse_target(data: object) -> None | RecordTargetIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = RecordTargetIn.from_dict(data)



                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordTargetIn | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        create_order_in = cls(
            certificate_number=certificate_number,
            certificate_type=certificate_type,
            domains=domains,
            filing_type=filing_type,
            nature=nature,
            province=province,
            service_code=service_code,
            site_id=site_id,
            target=target,
        )


        create_order_in.additional_properties = d
        return create_order_in

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
