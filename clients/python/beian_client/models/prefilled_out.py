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





T = TypeVar("T", bound="PrefilledOut")



@_attrs_define
class PrefilledOut:
    """ 
        Attributes:
            applied_fields (list[str]): The field paths set on the new draft.
            created (bool): False: the organisation already had an open order for this site or its domains; it is answered
                (200) and nothing was applied to it.
            filing_type (str):
            findings (list[FindingOut]): The rules' findings about the fields applied.
            id (int):
            reference (str): The order's reference, as the applicant sees it (e.g. `BA2026…`).
            skipped_fields (list[str]): Paths the draft takes from the filed record (a filed subject) or does not open.
            status (str):
            launch_url (None | str | Unset): A link that signs `user` in and opens the order in the wizard, valid for a few
                minutes (`POST /api/v1/platform/launch-links` gives a fresh one); null without `user`, and for a filing of
                another account's site with a granted code.
     """

    applied_fields: list[str]
    created: bool
    filing_type: str
    findings: list[FindingOut]
    id: int
    reference: str
    skipped_fields: list[str]
    status: str
    launch_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        applied_fields = self.applied_fields



        created = self.created

        filing_type = self.filing_type

        findings = []
        for findings_item_data in self.findings:
            findings_item = findings_item_data.to_dict()
            findings.append(findings_item)



        id = self.id

        reference = self.reference

        skipped_fields = self.skipped_fields



        status = self.status

        launch_url: None | str | Unset
        if isinstance(self.launch_url, Unset):
            launch_url = UNSET
        else:
            launch_url = self.launch_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "applied_fields": applied_fields,
            "created": created,
            "filing_type": filing_type,
            "findings": findings,
            "id": id,
            "reference": reference,
            "skipped_fields": skipped_fields,
            "status": status,
        })
        if launch_url is not UNSET:
            field_dict["launch_url"] = launch_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_out import FindingOut # noqa: PLC0415
        d = dict(src_dict)
        applied_fields = cast(list[str], d.pop("applied_fields"))


        created = d.pop("created")

        filing_type = d.pop("filing_type")

        findings = []
        _findings = d.pop("findings")
        for findings_item_data in (_findings):
            findings_item = FindingOut.from_dict(findings_item_data)



            findings.append(findings_item)


        id = d.pop("id")

        reference = d.pop("reference")

        skipped_fields = cast(list[str], d.pop("skipped_fields"))


        status = d.pop("status")

        def _parse_launch_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        launch_url = _parse_launch_url(d.pop("launch_url", UNSET))


        prefilled_out = cls(
            applied_fields=applied_fields,
            created=created,
            filing_type=filing_type,
            findings=findings,
            id=id,
            reference=reference,
            skipped_fields=skipped_fields,
            status=status,
            launch_url=launch_url,
        )


        prefilled_out.additional_properties = d
        return prefilled_out

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
