from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.finding_out import FindingOut





T = TypeVar("T", bound="PrecheckOut")



@_attrs_define
class PrecheckOut:
    """ 
        Attributes:
            findings (list[FindingOut]):
            ok (bool): True when no finding is an error (warnings may remain).
     """

    findings: list[FindingOut]
    ok: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)



        ok = self.ok


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "findings": findings,
            "ok": ok,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        d = dict(src_dict)
        findings = []
        _findings = d.pop("findings")
        for findings_item_data in (_findings):
            findings_item = FindingOut.from_dict(findings_item_data)



            findings.append(findings_item)


        ok = d.pop("ok")

        precheck_out = cls(
            findings=findings,
            ok=ok,
        )


        precheck_out.additional_properties = d
        return precheck_out

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
