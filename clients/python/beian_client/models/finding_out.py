from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.finding_out_severity import FindingOutSeverity
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.finding_out_params import FindingOutParams





T = TypeVar("T", bound="FindingOut")



@_attrs_define
class FindingOut:
    """ One result of a rule or an automated check. `code` is stable; partners may branch on it.

        Attributes:
            code (str): Stable finding code, e.g. `subject.uscc.checksum`, `material.missing`.
            field (str): Field path, e.g. `subject.certificate_number`, `materials.owner_photo`.
            severity (FindingOutSeverity): `error` blocks submitting; a `warning` may be acknowledged; `info` is advice.
            fix (str | Unset): How to fix it, in the request's language; may be empty. Default: ''.
            fix_en (str | Unset):  Default: ''.
            fix_zh (str | Unset):  Default: ''.
            message (str | Unset): The finding in the request's language (zh-hans unless `en` is asked). Default: ''.
            message_en (str | Unset):  Default: ''.
            message_zh (str | Unset):  Default: ''.
            params (FindingOutParams | Unset): Values the message was built from.
            rejection_reason (str | Unset): The regulator's rejection reason code this finding anticipates. Default: ''.
            source (str | Unset): Where the rule comes from, e.g. `rules §5.1 [firm]`. Default: ''.
     """

    code: str
    field: str
    severity: FindingOutSeverity
    fix: str | Unset = ''
    fix_en: str | Unset = ''
    fix_zh: str | Unset = ''
    message: str | Unset = ''
    message_en: str | Unset = ''
    message_zh: str | Unset = ''
    params: FindingOutParams | Unset = UNSET
    rejection_reason: str | Unset = ''
    source: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_out_params import FindingOutParams # noqa: PLC0415
        code = self.code

        field = self.field

        severity = self.severity.value

        fix = self.fix

        fix_en = self.fix_en

        fix_zh = self.fix_zh

        message = self.message

        message_en = self.message_en

        message_zh = self.message_zh

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        rejection_reason = self.rejection_reason

        source = self.source


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "field": field,
            "severity": severity,
        })
        if fix is not UNSET:
            field_dict["fix"] = fix
        if fix_en is not UNSET:
            field_dict["fix_en"] = fix_en
        if fix_zh is not UNSET:
            field_dict["fix_zh"] = fix_zh
        if message is not UNSET:
            field_dict["message"] = message
        if message_en is not UNSET:
            field_dict["message_en"] = message_en
        if message_zh is not UNSET:
            field_dict["message_zh"] = message_zh
        if params is not UNSET:
            field_dict["params"] = params
        if rejection_reason is not UNSET:
            field_dict["rejection_reason"] = rejection_reason
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_out_params import FindingOutParams # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        field = d.pop("field")

        severity = FindingOutSeverity(d.pop("severity"))




        fix = d.pop("fix", UNSET)

        fix_en = d.pop("fix_en", UNSET)

        fix_zh = d.pop("fix_zh", UNSET)

        message = d.pop("message", UNSET)

        message_en = d.pop("message_en", UNSET)

        message_zh = d.pop("message_zh", UNSET)

        _params = d.pop("params", UNSET)
        params: FindingOutParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = FindingOutParams.from_dict(_params)




        rejection_reason = d.pop("rejection_reason", UNSET)

        source = d.pop("source", UNSET)

        finding_out = cls(
            code=code,
            field=field,
            severity=severity,
            fix=fix,
            fix_en=fix_en,
            fix_zh=fix_zh,
            message=message,
            message_en=message_en,
            message_zh=message_zh,
            params=params,
            rejection_reason=rejection_reason,
            source=source,
        )


        finding_out.additional_properties = d
        return finding_out

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
