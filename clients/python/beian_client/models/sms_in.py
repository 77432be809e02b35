from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SmsIn")



@_attrs_define
class SmsIn:
    """ 
        Attributes:
            certificate_tail (str): The last digits of the principal's certificate number.
            code (str): The verification code of the MIIT SMS.
            mobile (str): The principal's mobile number the code was sent to.
     """

    certificate_tail: str
    code: str
    mobile: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        certificate_tail = self.certificate_tail

        code = self.code

        mobile = self.mobile


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "certificate_tail": certificate_tail,
            "code": code,
            "mobile": mobile,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        certificate_tail = d.pop("certificate_tail")

        code = d.pop("code")

        mobile = d.pop("mobile")

        sms_in = cls(
            certificate_tail=certificate_tail,
            code=code,
            mobile=mobile,
        )


        sms_in.additional_properties = d
        return sms_in

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
