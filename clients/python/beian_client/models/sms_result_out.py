from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.finding_out import FindingOut





T = TypeVar("T", bound="SmsResultOut")



@_attrs_define
class SmsResultOut:
    """ 
        Attributes:
            all_verified (bool): True when every principal has verified; the filing proceeds.
            code (str): Empty when the code was right; `sms.wrong` otherwise.
            message (str):
            ok (bool):
            field (str | Unset):  Default: ''.
            findings (list[FindingOut] | Unset):
     """

    all_verified: bool
    code: str
    message: str
    ok: bool
    field: str | Unset = ''
    findings: list[FindingOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        all_verified = self.all_verified

        code = self.code

        message = self.message

        ok = self.ok

        field = self.field

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "all_verified": all_verified,
            "code": code,
            "message": message,
            "ok": ok,
        })
        if field is not UNSET:
            field_dict["field"] = field
        if findings is not UNSET:
            field_dict["findings"] = findings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        d = dict(src_dict)
        all_verified = d.pop("all_verified")

        code = d.pop("code")

        message = d.pop("message")

        ok = d.pop("ok")

        field = d.pop("field", UNSET)

        _findings = d.pop("findings", UNSET)
        findings: list[FindingOut] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = FindingOut.from_dict(findings_item_data)



                findings.append(findings_item)


        sms_result_out = cls(
            all_verified=all_verified,
            code=code,
            message=message,
            ok=ok,
            field=field,
            findings=findings,
        )


        sms_result_out.additional_properties = d
        return sms_result_out

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
