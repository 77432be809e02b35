from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="OrdersUpdatePayloadDataSubjectPrincipal")



@_attrs_define
class OrdersUpdatePayloadDataSubjectPrincipal:
    """ 
        Attributes:
            certificate_long_term (bool | None | Unset):
            certificate_number (str | Unset): Personal data: masked in responses (e.g. `110105********1234`).
            certificate_type (int | None | Unset): A code of the reference table named in `x-choices`.
            certificate_valid_until (datetime.date | None | Unset):
            email (str | Unset):
            emergency_phone (str | Unset): Personal data: masked in responses (e.g. `110105********1234`).
            is_legal_representative (bool | None | Unset):
            mobile (str | Unset): Personal data: masked in responses (e.g. `110105********1234`).
            name (str | Unset):
     """

    certificate_long_term: bool | None | Unset = UNSET
    certificate_number: str | Unset = UNSET
    certificate_type: int | None | Unset = UNSET
    certificate_valid_until: datetime.date | None | Unset = UNSET
    email: str | Unset = UNSET
    emergency_phone: str | Unset = UNSET
    is_legal_representative: bool | None | Unset = UNSET
    mobile: str | Unset = UNSET
    name: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        certificate_long_term: bool | None | Unset
        if isinstance(self.certificate_long_term, Unset):
            certificate_long_term = UNSET
        else:
            certificate_long_term = self.certificate_long_term

        certificate_number = self.certificate_number

        certificate_type: int | None | Unset
        if isinstance(self.certificate_type, Unset):
            certificate_type = UNSET
        else:
            certificate_type = self.certificate_type

        certificate_valid_until: None | str | Unset
        if isinstance(self.certificate_valid_until, Unset):
            certificate_valid_until = UNSET
        elif isinstance(self.certificate_valid_until, datetime.date):
            certificate_valid_until = self.certificate_valid_until.isoformat()
        else:
            certificate_valid_until = self.certificate_valid_until

        email = self.email

        emergency_phone = self.emergency_phone

        is_legal_representative: bool | None | Unset
        if isinstance(self.is_legal_representative, Unset):
            is_legal_representative = UNSET
        else:
            is_legal_representative = self.is_legal_representative

        mobile = self.mobile

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if certificate_long_term is not UNSET:
            field_dict["certificate_long_term"] = certificate_long_term
        if certificate_number is not UNSET:
            field_dict["certificate_number"] = certificate_number
        if certificate_type is not UNSET:
            field_dict["certificate_type"] = certificate_type
        if certificate_valid_until is not UNSET:
            field_dict["certificate_valid_until"] = certificate_valid_until
        if email is not UNSET:
            field_dict["email"] = email
        if emergency_phone is not UNSET:
            field_dict["emergency_phone"] = emergency_phone
        if is_legal_representative is not UNSET:
            field_dict["is_legal_representative"] = is_legal_representative
        if mobile is not UNSET:
            field_dict["mobile"] = mobile
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_certificate_long_term(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        certificate_long_term = _parse_certificate_long_term(d.pop("certificate_long_term", UNSET))


        certificate_number = d.pop("certificate_number", UNSET)

        def _parse_certificate_type(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        certificate_type = _parse_certificate_type(d.pop("certificate_type", UNSET))


        def _parse_certificate_valid_until(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                certificate_valid_until_type_0 = datetime.date.fromisoformat(data)



                return certificate_valid_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        certificate_valid_until = _parse_certificate_valid_until(d.pop("certificate_valid_until", UNSET))


        email = d.pop("email", UNSET)

        emergency_phone = d.pop("emergency_phone", UNSET)

        def _parse_is_legal_representative(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_legal_representative = _parse_is_legal_representative(d.pop("is_legal_representative", UNSET))


        mobile = d.pop("mobile", UNSET)

        name = d.pop("name", UNSET)

        orders_update_payload_data_subject_principal = cls(
            certificate_long_term=certificate_long_term,
            certificate_number=certificate_number,
            certificate_type=certificate_type,
            certificate_valid_until=certificate_valid_until,
            email=email,
            emergency_phone=emergency_phone,
            is_legal_representative=is_legal_representative,
            mobile=mobile,
            name=name,
        )

        return orders_update_payload_data_subject_principal

