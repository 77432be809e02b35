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





T = TypeVar("T", bound="ErrorOut")



@_attrs_define
class ErrorOut:
    """ Every error response of the API (4xx) has this shape.

        Attributes:
            code (str): Stable error code: `unauthenticated`, `invalid_credentials`, `permission_denied`, `auth.locked_out`,
                `not_found`, `invalid_request` (the request does not match this document), `field.unknown`, `field.locked`,
                `field.invalid`, `material.locked`, `material.unknown_slot`, `order.has_errors`, `order.illegal_transition`,
                `idempotency.key_reused`, `sms.not_pending`, … or the code of an upload check (`upload.*`).
            message (str): A sentence for a person, in the request's language.
            field (str | Unset): Path of the field the error is about (e.g. `subject.colour`), or empty. Default: ''.
            findings (list[FindingOut] | Unset): The findings behind the error (e.g. for `order.has_errors`).
     """

    code: str
    message: str
    field: str | Unset = ''
    findings: list[FindingOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        code = self.code

        message = self.message

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
            "code": code,
            "message": message,
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
        code = d.pop("code")

        message = d.pop("message")

        field = d.pop("field", UNSET)

        _findings = d.pop("findings", UNSET)
        findings: list[FindingOut] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = FindingOut.from_dict(findings_item_data)



                findings.append(findings_item)


        error_out = cls(
            code=code,
            message=message,
            field=field,
            findings=findings,
        )


        error_out.additional_properties = d
        return error_out

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
