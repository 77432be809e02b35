from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.order_update_out_data_subject_principal import OrderUpdateOutDataSubjectPrincipal





T = TypeVar("T", bound="OrderUpdateOutDataSubject")



@_attrs_define
class OrderUpdateOutDataSubject:
    """ 
        Attributes:
            certificate_address (str | Unset):
            certificate_number (str | Unset): Personal data: masked in responses (e.g. `110105********1234`).
            certificate_type (int | None | Unset): A code of the reference table named in `x-choices`.
            city (str | Unset):
            investor (str | Unset):
            mailing_address (str | Unset):
            name (str | Unset):
            nature (int | None | Unset): A code of the reference table named in `x-choices`.
            office_phone (str | Unset):
            principal (OrderUpdateOutDataSubjectPrincipal | Unset):
            province (str | Unset):
     """

    certificate_address: str | Unset = UNSET
    certificate_number: str | Unset = UNSET
    certificate_type: int | None | Unset = UNSET
    city: str | Unset = UNSET
    investor: str | Unset = UNSET
    mailing_address: str | Unset = UNSET
    name: str | Unset = UNSET
    nature: int | None | Unset = UNSET
    office_phone: str | Unset = UNSET
    principal: OrderUpdateOutDataSubjectPrincipal | Unset = UNSET
    province: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.order_update_out_data_subject_principal import OrderUpdateOutDataSubjectPrincipal # noqa: PLC0415
        certificate_address = self.certificate_address

        certificate_number = self.certificate_number

        certificate_type: int | None | Unset
        if isinstance(self.certificate_type, Unset):
            certificate_type = UNSET
        else:
            certificate_type = self.certificate_type

        city = self.city

        investor = self.investor

        mailing_address = self.mailing_address

        name = self.name

        nature: int | None | Unset
        if isinstance(self.nature, Unset):
            nature = UNSET
        else:
            nature = self.nature

        office_phone = self.office_phone

        principal: dict[str, Any] | Unset = UNSET
        if not isinstance(self.principal, Unset):
            principal = self.principal.to_dict()

        province = self.province


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if certificate_address is not UNSET:
            field_dict["certificate_address"] = certificate_address
        if certificate_number is not UNSET:
            field_dict["certificate_number"] = certificate_number
        if certificate_type is not UNSET:
            field_dict["certificate_type"] = certificate_type
        if city is not UNSET:
            field_dict["city"] = city
        if investor is not UNSET:
            field_dict["investor"] = investor
        if mailing_address is not UNSET:
            field_dict["mailing_address"] = mailing_address
        if name is not UNSET:
            field_dict["name"] = name
        if nature is not UNSET:
            field_dict["nature"] = nature
        if office_phone is not UNSET:
            field_dict["office_phone"] = office_phone
        if principal is not UNSET:
            field_dict["principal"] = principal
        if province is not UNSET:
            field_dict["province"] = province

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_update_out_data_subject_principal import OrderUpdateOutDataSubjectPrincipal # noqa: PLC0415
        d = dict(src_dict)
        certificate_address = d.pop("certificate_address", UNSET)

        certificate_number = d.pop("certificate_number", UNSET)

        def _parse_certificate_type(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        certificate_type = _parse_certificate_type(d.pop("certificate_type", UNSET))


        city = d.pop("city", UNSET)

        investor = d.pop("investor", UNSET)

        mailing_address = d.pop("mailing_address", UNSET)

        name = d.pop("name", UNSET)

        def _parse_nature(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        nature = _parse_nature(d.pop("nature", UNSET))


        office_phone = d.pop("office_phone", UNSET)

        _principal = d.pop("principal", UNSET)
        principal: OrderUpdateOutDataSubjectPrincipal | Unset
        if isinstance(_principal,  Unset):
            principal = UNSET
        else:
            principal = OrderUpdateOutDataSubjectPrincipal.from_dict(_principal)




        province = d.pop("province", UNSET)

        order_update_out_data_subject = cls(
            certificate_address=certificate_address,
            certificate_number=certificate_number,
            certificate_type=certificate_type,
            city=city,
            investor=investor,
            mailing_address=mailing_address,
            name=name,
            nature=nature,
            office_phone=office_phone,
            principal=principal,
            province=province,
        )

        return order_update_out_data_subject

