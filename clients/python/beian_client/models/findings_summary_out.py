from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="FindingsSummaryOut")



@_attrs_define
class FindingsSummaryOut:
    """ 
        Attributes:
            codes (list[str]): The finding codes, each once, errors first.
            errors (int):
            ok (bool): No error remains (the applicant can submit once warnings are read).
            warnings (int):
     """

    codes: list[str]
    errors: int
    ok: bool
    warnings: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        codes = self.codes



        errors = self.errors

        ok = self.ok

        warnings = self.warnings


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "codes": codes,
            "errors": errors,
            "ok": ok,
            "warnings": warnings,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        codes = cast(list[str], d.pop("codes"))


        errors = d.pop("errors")

        ok = d.pop("ok")

        warnings = d.pop("warnings")

        findings_summary_out = cls(
            codes=codes,
            errors=errors,
            ok=ok,
            warnings=warnings,
        )


        findings_summary_out.additional_properties = d
        return findings_summary_out

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
