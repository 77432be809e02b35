from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.website_filing_detail_out_status import WebsiteFilingDetailOutStatus
from ..models.website_filing_detail_out_subject_status import WebsiteFilingDetailOutSubjectStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.access_record_out import AccessRecordOut
  from ..models.filed_domain_out import FiledDomainOut
  from ..models.order_ref_out import OrderRefOut
  from ..models.record_event_out import RecordEventOut
  from ..models.removed_domain_out import RemovedDomainOut
  from ..models.risk_out import RiskOut





T = TypeVar("T", bound="WebsiteFilingDetailOut")



@_attrs_define
class WebsiteFilingDetailOut:
    """ 
        Attributes:
            access_records (list[AccessRecordOut]): Who accesses the website: us and/or others.
            domains (list[FiledDomainOut]): The website's filed main domains.
            filed_at (str): ISO 8601 time the website was filed (or recorded).
            filing_number (str): The website's filing number, e.g. `京ICP备2026000001号-1`.
            history (list[RecordEventOut]): What happened to this website's record, oldest first.
            name (str): The website's name as filed.
            sequence (int): The `-n` of the number; never reused within a subject.
            status (WebsiteFilingDetailOutStatus):
            subject_filing_number (str): The filing number of the website's subject.
            subject_name (str): The subject's name as filed.
            subject_status (WebsiteFilingDetailOutSubjectStatus):
            created_by_order (None | OrderRefOut | Unset): The order whose approval filed the website.
            last_changed_by_order (None | OrderRefOut | Unset): The order of the latest record change.
            psb_deadline (None | str | Unset): ISO date by which to file at the public-security platform, while no number is
                entered.
            psb_number (str | Unset): The public-security filing number (公网安备, rules §8.2) you entered, normalised (e.g.
                `京公网安备11010502030143号`); empty while none is entered. Default: ''.
            removed_domains (list[RemovedDomainOut] | Unset): Domains no longer filed: removed by a website change, or ended
                by a cancellation.
            risks (list[RiskOut] | Unset): The website's open compliance risks (`GET /api/v1/risks?website_number=…` lists
                resolved ones too).
     """

    access_records: list[AccessRecordOut]
    domains: list[FiledDomainOut]
    filed_at: str
    filing_number: str
    history: list[RecordEventOut]
    name: str
    sequence: int
    status: WebsiteFilingDetailOutStatus
    subject_filing_number: str
    subject_name: str
    subject_status: WebsiteFilingDetailOutSubjectStatus
    created_by_order: None | OrderRefOut | Unset = UNSET
    last_changed_by_order: None | OrderRefOut | Unset = UNSET
    psb_deadline: None | str | Unset = UNSET
    psb_number: str | Unset = ''
    removed_domains: list[RemovedDomainOut] | Unset = UNSET
    risks: list[RiskOut] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.access_record_out import AccessRecordOut # noqa: PLC0415
        from ..models.filed_domain_out import FiledDomainOut # noqa: PLC0415
        from ..models.order_ref_out import OrderRefOut # noqa: PLC0415
        from ..models.record_event_out import RecordEventOut # noqa: PLC0415
        from ..models.removed_domain_out import RemovedDomainOut # noqa: PLC0415
        from ..models.risk_out import RiskOut # noqa: PLC0415
        access_records = []
        for access_records_item_data in self.access_records:
            access_records_item = access_records_item_data.to_dict()
            access_records.append(access_records_item)



        domains = []
        for domains_item_data in self.domains:
            domains_item = domains_item_data.to_dict()
            domains.append(domains_item)



        filed_at = self.filed_at

        filing_number = self.filing_number

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        name = self.name

        sequence = self.sequence

        status = self.status.value

        subject_filing_number = self.subject_filing_number

        subject_name = self.subject_name

        subject_status = self.subject_status.value

        created_by_order: dict[str, Any] | None | Unset
        if isinstance(self.created_by_order, Unset):
            created_by_order = UNSET
        elif isinstance(self.created_by_order, OrderRefOut):
            created_by_order = self.created_by_order.to_dict()
        else:
            created_by_order = self.created_by_order

        last_changed_by_order: dict[str, Any] | None | Unset
        if isinstance(self.last_changed_by_order, Unset):
            last_changed_by_order = UNSET
        elif isinstance(self.last_changed_by_order, OrderRefOut):
            last_changed_by_order = self.last_changed_by_order.to_dict()
        else:
            last_changed_by_order = self.last_changed_by_order

        psb_deadline: None | str | Unset
        if isinstance(self.psb_deadline, Unset):
            psb_deadline = UNSET
        else:
            psb_deadline = self.psb_deadline

        psb_number = self.psb_number

        removed_domains: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.removed_domains, Unset):
            removed_domains = []
            for removed_domains_item_data in self.removed_domains:
                removed_domains_item = removed_domains_item_data.to_dict()
                removed_domains.append(removed_domains_item)



        risks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.risks, Unset):
            risks = []
            for risks_item_data in self.risks:
                risks_item = risks_item_data.to_dict()
                risks.append(risks_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "access_records": access_records,
            "domains": domains,
            "filed_at": filed_at,
            "filing_number": filing_number,
            "history": history,
            "name": name,
            "sequence": sequence,
            "status": status,
            "subject_filing_number": subject_filing_number,
            "subject_name": subject_name,
            "subject_status": subject_status,
        })
        if created_by_order is not UNSET:
            field_dict["created_by_order"] = created_by_order
        if last_changed_by_order is not UNSET:
            field_dict["last_changed_by_order"] = last_changed_by_order
        if psb_deadline is not UNSET:
            field_dict["psb_deadline"] = psb_deadline
        if psb_number is not UNSET:
            field_dict["psb_number"] = psb_number
        if removed_domains is not UNSET:
            field_dict["removed_domains"] = removed_domains
        if risks is not UNSET:
            field_dict["risks"] = risks

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_record_out import AccessRecordOut # noqa: PLC0415
        from ..models.filed_domain_out import FiledDomainOut # noqa: PLC0415
        from ..models.order_ref_out import OrderRefOut # noqa: PLC0415
        from ..models.record_event_out import RecordEventOut # noqa: PLC0415
        from ..models.removed_domain_out import RemovedDomainOut # noqa: PLC0415
        from ..models.risk_out import RiskOut # noqa: PLC0415
        d = dict(src_dict)
        access_records = []
        _access_records = d.pop("access_records")
        for access_records_item_data in (_access_records):
            access_records_item = AccessRecordOut.from_dict(access_records_item_data)



            access_records.append(access_records_item)


        domains = []
        _domains = d.pop("domains")
        for domains_item_data in (_domains):
            domains_item = FiledDomainOut.from_dict(domains_item_data)



            domains.append(domains_item)


        filed_at = d.pop("filed_at")

        filing_number = d.pop("filing_number")

        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = RecordEventOut.from_dict(history_item_data)



            history.append(history_item)


        name = d.pop("name")

        sequence = d.pop("sequence")

        status = WebsiteFilingDetailOutStatus(d.pop("status"))




        subject_filing_number = d.pop("subject_filing_number")

        subject_name = d.pop("subject_name")

        subject_status = WebsiteFilingDetailOutSubjectStatus(d.pop("subject_status"))




        def _parse_created_by_order(data: object) -> None | OrderRefOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_order_type_0 = OrderRefOut.from_dict(data)



                return created_by_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderRefOut | Unset, data)

        created_by_order = _parse_created_by_order(d.pop("created_by_order", UNSET))


        def _parse_last_changed_by_order(data: object) -> None | OrderRefOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_changed_by_order_type_0 = OrderRefOut.from_dict(data)



                return last_changed_by_order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderRefOut | Unset, data)

        last_changed_by_order = _parse_last_changed_by_order(d.pop("last_changed_by_order", UNSET))


        def _parse_psb_deadline(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        psb_deadline = _parse_psb_deadline(d.pop("psb_deadline", UNSET))


        psb_number = d.pop("psb_number", UNSET)

        _removed_domains = d.pop("removed_domains", UNSET)
        removed_domains: list[RemovedDomainOut] | Unset = UNSET
        if _removed_domains is not UNSET:
            removed_domains = []
            for removed_domains_item_data in _removed_domains:
                removed_domains_item = RemovedDomainOut.from_dict(removed_domains_item_data)



                removed_domains.append(removed_domains_item)


        _risks = d.pop("risks", UNSET)
        risks: list[RiskOut] | Unset = UNSET
        if _risks is not UNSET:
            risks = []
            for risks_item_data in _risks:
                risks_item = RiskOut.from_dict(risks_item_data)



                risks.append(risks_item)


        website_filing_detail_out = cls(
            access_records=access_records,
            domains=domains,
            filed_at=filed_at,
            filing_number=filing_number,
            history=history,
            name=name,
            sequence=sequence,
            status=status,
            subject_filing_number=subject_filing_number,
            subject_name=subject_name,
            subject_status=subject_status,
            created_by_order=created_by_order,
            last_changed_by_order=last_changed_by_order,
            psb_deadline=psb_deadline,
            psb_number=psb_number,
            removed_domains=removed_domains,
            risks=risks,
        )


        website_filing_detail_out.additional_properties = d
        return website_filing_detail_out

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
