from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.subject_filing_out_status import SubjectFilingOutStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.record_event_out import RecordEventOut
  from ..models.website_filing_out import WebsiteFilingOut





T = TypeVar("T", bound="SubjectFilingOut")



@_attrs_define
class SubjectFilingOut:
    """ A filed subject of your organisation. Carries no personal data (certificate numbers and
    principals stay in the orders, masked there).

        Attributes:
            filed_at (str): ISO 8601 time the subject was filed (or recorded).
            filing_number (str): The subject's filing number, e.g. `京ICP备2026000001号`.
            name (str): The subject's name as filed.
            province (str): GB code of the province it is filed in, e.g. `11`.
            status (SubjectFilingOutStatus):
            websites (list[WebsiteFilingOut]):
            history (list[RecordEventOut] | Unset): What happened to the subject and its websites, oldest first.
            nature (int | None | Unset): MIIT code of the subject nature (reference table `natures`).
     """

    filed_at: str
    filing_number: str
    name: str
    province: str
    status: SubjectFilingOutStatus
    websites: list[WebsiteFilingOut]
    history: list[RecordEventOut] | Unset = UNSET
    nature: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.record_event_out import RecordEventOut # noqa: PLC0415
        from ..models.website_filing_out import WebsiteFilingOut # noqa: PLC0415
        filed_at = self.filed_at

        filing_number = self.filing_number

        name = self.name

        province = self.province

        status = self.status.value

        websites = []
        for websites_item_data in self.websites:
            websites_item = websites_item_data.to_dict()
            websites.append(websites_item)



        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)



        nature: int | None | Unset
        if isinstance(self.nature, Unset):
            nature = UNSET
        else:
            nature = self.nature


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "filed_at": filed_at,
            "filing_number": filing_number,
            "name": name,
            "province": province,
            "status": status,
            "websites": websites,
        })
        if history is not UNSET:
            field_dict["history"] = history
        if nature is not UNSET:
            field_dict["nature"] = nature

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record_event_out import RecordEventOut # noqa: PLC0415
        from ..models.website_filing_out import WebsiteFilingOut # noqa: PLC0415
        d = dict(src_dict)
        filed_at = d.pop("filed_at")

        filing_number = d.pop("filing_number")

        name = d.pop("name")

        province = d.pop("province")

        status = SubjectFilingOutStatus(d.pop("status"))




        websites = []
        _websites = d.pop("websites")
        for websites_item_data in (_websites):
            websites_item = WebsiteFilingOut.from_dict(websites_item_data)



            websites.append(websites_item)


        _history = d.pop("history", UNSET)
        history: list[RecordEventOut] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = RecordEventOut.from_dict(history_item_data)



                history.append(history_item)


        def _parse_nature(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        nature = _parse_nature(d.pop("nature", UNSET))


        subject_filing_out = cls(
            filed_at=filed_at,
            filing_number=filing_number,
            name=name,
            province=province,
            status=status,
            websites=websites,
            history=history,
            nature=nature,
        )


        subject_filing_out.additional_properties = d
        return subject_filing_out

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
