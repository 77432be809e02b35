from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.findings_summary_out import FindingsSummaryOut





T = TypeVar("T", bound="PlatformOrderOut")



@_attrs_define
class PlatformOrderOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            filing_type (str):
            id (int):
            organisation (str): Your account id of the organisation.
            reference (str):
            site_id (int | None):
            status (str): The order status (`DRAFT`, `PENDING_PROVIDER_REVIEW`, … `APPROVED`).
            status_changed_at (datetime.datetime):
            status_label (str): The status in the request's language.
            submitted_at (datetime.datetime | None):
            website_filing_numbers (list[str]): Once filed: each website's `-n` number.
            findings (FindingsSummaryOut | None | Unset): While the applicant can still change the order: what the pre-
                review finds.
            service_code (None | str | Unset): The service code bound to the order.
            subject_filing_number (None | str | Unset): Once filed: the subject's number.
     """

    created_at: datetime.datetime
    filing_type: str
    id: int
    organisation: str
    reference: str
    site_id: int | None
    status: str
    status_changed_at: datetime.datetime
    status_label: str
    submitted_at: datetime.datetime | None
    website_filing_numbers: list[str]
    findings: FindingsSummaryOut | None | Unset = UNSET
    service_code: None | str | Unset = UNSET
    subject_filing_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.findings_summary_out import FindingsSummaryOut # noqa: PLC0415
        created_at = self.created_at.isoformat()

        filing_type = self.filing_type

        id = self.id

        organisation = self.organisation

        reference = self.reference

        site_id: int | None
        site_id = self.site_id

        status = self.status

        status_changed_at = self.status_changed_at.isoformat()

        status_label = self.status_label

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        website_filing_numbers = self.website_filing_numbers



        findings: dict[str, Any] | None | Unset
        if isinstance(self.findings, Unset):
            findings = UNSET
        elif isinstance(self.findings, FindingsSummaryOut):
            findings = self.findings.to_dict()
        else:
            findings = self.findings

        service_code: None | str | Unset
        if isinstance(self.service_code, Unset):
            service_code = UNSET
        else:
            service_code = self.service_code

        subject_filing_number: None | str | Unset
        if isinstance(self.subject_filing_number, Unset):
            subject_filing_number = UNSET
        else:
            subject_filing_number = self.subject_filing_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "filing_type": filing_type,
            "id": id,
            "organisation": organisation,
            "reference": reference,
            "site_id": site_id,
            "status": status,
            "status_changed_at": status_changed_at,
            "status_label": status_label,
            "submitted_at": submitted_at,
            "website_filing_numbers": website_filing_numbers,
        })
        if findings is not UNSET:
            field_dict["findings"] = findings
        if service_code is not UNSET:
            field_dict["service_code"] = service_code
        if subject_filing_number is not UNSET:
            field_dict["subject_filing_number"] = subject_filing_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.findings_summary_out import FindingsSummaryOut # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        filing_type = d.pop("filing_type")

        id = d.pop("id")

        organisation = d.pop("organisation")

        reference = d.pop("reference")

        def _parse_site_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        site_id = _parse_site_id(d.pop("site_id"))


        status = d.pop("status")

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))




        status_label = d.pop("status_label")

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)



                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))


        website_filing_numbers = cast(list[str], d.pop("website_filing_numbers"))


        def _parse_findings(data: object) -> FindingsSummaryOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                findings_type_0 = FindingsSummaryOut.from_dict(data)



                return findings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FindingsSummaryOut | None | Unset, data)

        findings = _parse_findings(d.pop("findings", UNSET))


        def _parse_service_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_code = _parse_service_code(d.pop("service_code", UNSET))


        def _parse_subject_filing_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_filing_number = _parse_subject_filing_number(d.pop("subject_filing_number", UNSET))


        platform_order_out = cls(
            created_at=created_at,
            filing_type=filing_type,
            id=id,
            organisation=organisation,
            reference=reference,
            site_id=site_id,
            status=status,
            status_changed_at=status_changed_at,
            status_label=status_label,
            submitted_at=submitted_at,
            website_filing_numbers=website_filing_numbers,
            findings=findings,
            service_code=service_code,
            subject_filing_number=subject_filing_number,
        )


        platform_order_out.additional_properties = d
        return platform_order_out

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
