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





T = TypeVar("T", bound="MaterialOut")



@_attrs_define
class MaterialOut:
    """ 
        Attributes:
            check_status (str): Automated checks: `pending`, `done` or `failed`.
            slot (str): The material slot, e.g. `owner_photo`, `verification_form`.
            version (int): Every upload to a slot is a new version; the latest is current.
            findings (list[FindingOut] | Unset): Findings of the automated checks.
     """

    check_status: str
    slot: str
    version: int
    findings: list[FindingOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        check_status = self.check_status

        slot = self.slot

        version = self.version

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "check_status": check_status,
            "slot": slot,
            "version": version,
        })
        if findings is not UNSET:
            field_dict["findings"] = findings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        d = dict(src_dict)
        check_status = d.pop("check_status")

        slot = d.pop("slot")

        version = d.pop("version")

        _findings = d.pop("findings", UNSET)
        findings: list[FindingOut] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = FindingOut.from_dict(findings_item_data)



                findings.append(findings_item)


        material_out = cls(
            check_status=check_status,
            slot=slot,
            version=version,
            findings=findings,
        )


        material_out.additional_properties = d
        return material_out

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
