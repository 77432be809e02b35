from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.risk_out_kind import RiskOutKind
from ..models.risk_out_resolution import RiskOutResolution
from ..models.risk_out_severity import RiskOutSeverity
from ..models.risk_out_status import RiskOutStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RiskOut")



@_attrs_define
class RiskOut:
    """ A problem the compliance monitor found on a filed website (or its subject's principal's certificate),
    to rectify by its deadline. No personal data.

        Attributes:
            checked_at (str): ISO 8601 time of the latest check that still found it.
            code (str): Stable code of the finding (`docs/rules.md`), e.g. `monitor.domain.expires_soon`,
                `monitor.footer.missing`. Within one risk it may escalate (about to expire -> expired); the deadline stays.
            concerns (str): What it is about, as people read it: the domain, or the principal's role.
            days_left (int): Days until the deadline; negative once it has passed.
            deadline (str): ISO date: rectify by then (working days from when it was found).
            found_at (str): ISO 8601 time the monitor first found it.
            id (int):
            kind (RiskOutKind): What was checked.
            message (str): What is wrong, in the request's language.
            severity (RiskOutSeverity):
            status (RiskOutStatus): `resolved` once a re-check passed or it no longer applies.
            subject_number (str): The subject's filing number.
            domain (None | str | Unset): The domain it is about (U-label), or null (a principal's role).
            domain_ascii (None | str | Unset): The same domain as an A-label.
            fix (str | Unset): How to rectify it, in the request's language. Default: ''.
            resolution (RiskOutResolution | Unset): Why it was resolved: `passed` (a re-check passed), `not_applicable`
                (e.g. our access ended). Default: RiskOutResolution.VALUE_0.
            resolved_at (None | str | Unset): ISO 8601 time it was resolved; null while open.
            website_number (None | str | Unset): The website's filing number (`…-n`); null for a risk of the subject (a
                principal).
     """

    checked_at: str
    code: str
    concerns: str
    days_left: int
    deadline: str
    found_at: str
    id: int
    kind: RiskOutKind
    message: str
    severity: RiskOutSeverity
    status: RiskOutStatus
    subject_number: str
    domain: None | str | Unset = UNSET
    domain_ascii: None | str | Unset = UNSET
    fix: str | Unset = ''
    resolution: RiskOutResolution | Unset = RiskOutResolution.VALUE_0
    resolved_at: None | str | Unset = UNSET
    website_number: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        checked_at = self.checked_at

        code = self.code

        concerns = self.concerns

        days_left = self.days_left

        deadline = self.deadline

        found_at = self.found_at

        id = self.id

        kind = self.kind.value

        message = self.message

        severity = self.severity.value

        status = self.status.value

        subject_number = self.subject_number

        domain: None | str | Unset
        if isinstance(self.domain, Unset):
            domain = UNSET
        else:
            domain = self.domain

        domain_ascii: None | str | Unset
        if isinstance(self.domain_ascii, Unset):
            domain_ascii = UNSET
        else:
            domain_ascii = self.domain_ascii

        fix = self.fix

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value


        resolved_at: None | str | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        else:
            resolved_at = self.resolved_at

        website_number: None | str | Unset
        if isinstance(self.website_number, Unset):
            website_number = UNSET
        else:
            website_number = self.website_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checked_at": checked_at,
            "code": code,
            "concerns": concerns,
            "days_left": days_left,
            "deadline": deadline,
            "found_at": found_at,
            "id": id,
            "kind": kind,
            "message": message,
            "severity": severity,
            "status": status,
            "subject_number": subject_number,
        })
        if domain is not UNSET:
            field_dict["domain"] = domain
        if domain_ascii is not UNSET:
            field_dict["domain_ascii"] = domain_ascii
        if fix is not UNSET:
            field_dict["fix"] = fix
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if website_number is not UNSET:
            field_dict["website_number"] = website_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_at = d.pop("checked_at")

        code = d.pop("code")

        concerns = d.pop("concerns")

        days_left = d.pop("days_left")

        deadline = d.pop("deadline")

        found_at = d.pop("found_at")

        id = d.pop("id")

        kind = RiskOutKind(d.pop("kind"))




        message = d.pop("message")

        severity = RiskOutSeverity(d.pop("severity"))




        status = RiskOutStatus(d.pop("status"))




        subject_number = d.pop("subject_number")

        def _parse_domain(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain = _parse_domain(d.pop("domain", UNSET))


        def _parse_domain_ascii(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        domain_ascii = _parse_domain_ascii(d.pop("domain_ascii", UNSET))


        fix = d.pop("fix", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: RiskOutResolution | Unset
        if isinstance(_resolution,  Unset):
            resolution = UNSET
        else:
            resolution = RiskOutResolution(_resolution)




        def _parse_resolved_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))


        def _parse_website_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website_number = _parse_website_number(d.pop("website_number", UNSET))


        risk_out = cls(
            checked_at=checked_at,
            code=code,
            concerns=concerns,
            days_left=days_left,
            deadline=deadline,
            found_at=found_at,
            id=id,
            kind=kind,
            message=message,
            severity=severity,
            status=status,
            subject_number=subject_number,
            domain=domain,
            domain_ascii=domain_ascii,
            fix=fix,
            resolution=resolution,
            resolved_at=resolved_at,
            website_number=website_number,
        )


        risk_out.additional_properties = d
        return risk_out

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
