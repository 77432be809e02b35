from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.material_out import MaterialOut
  from ..models.order_out_data import OrderOutData
  from ..models.record_changes_out import RecordChangesOut
  from ..models.record_request_out import RecordRequestOut
  from ..models.returned_field_out import ReturnedFieldOut
  from ..models.target_out import TargetOut





T = TypeVar("T", bound="OrderOut")



@_attrs_define
class OrderOut:
    """ 
        Attributes:
            data (OrderOutData): The order's fields, nested; personal data masked.
            editable_fields (list[str]): Field paths the applicant may change now.
            filing_type (str): `FIRST_FILING`, `NEW_WEBSITE`, `NEW_ACCESS`, …
            id (int):
            materials (list[MaterialOut]):
            reference (str): The order's reference shown to people.
            returned_fields (list[ReturnedFieldOut]): What a reviewer returned for changes.
            site_id (int | None):
            status (str): Lifecycle state, e.g. `DRAFT`, `PENDING_PROVIDER_REVIEW`, `APPROVED`.
            status_label (str):
            changes (None | RecordChangesOut | Unset): A change or cancellation of a filed record: what it changes. Null for
                other types.
            filing_number (None | str | Unset): The first website's filing number (`…-n`) once approved.
            max_websites (int | Unset): The most websites this order may hold (reference data `limits`). Default: 1.
            request (None | RecordRequestOut | Unset): A change or cancellation: reason, confirmation, hosted site. Null for
                other types.
            subject_filing_number (None | str | Unset): The subject's filing number once approved.
            target (None | TargetOut | Unset): The records the order applies against.
            website_filing_numbers (list[None | str] | Unset): Every website's filing number once approved, in `websites`
                order.
     """

    data: OrderOutData
    editable_fields: list[str]
    filing_type: str
    id: int
    materials: list[MaterialOut]
    reference: str
    returned_fields: list[ReturnedFieldOut]
    site_id: int | None
    status: str
    status_label: str
    changes: None | RecordChangesOut | Unset = UNSET
    filing_number: None | str | Unset = UNSET
    max_websites: int | Unset = 1
    request: None | RecordRequestOut | Unset = UNSET
    subject_filing_number: None | str | Unset = UNSET
    target: None | TargetOut | Unset = UNSET
    website_filing_numbers: list[None | str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.material_out import MaterialOut # noqa: PLC0415
        from ..models.order_out_data import OrderOutData # noqa: PLC0415
        from ..models.record_changes_out import RecordChangesOut # noqa: PLC0415
        from ..models.record_request_out import RecordRequestOut # noqa: PLC0415
        from ..models.returned_field_out import ReturnedFieldOut # noqa: PLC0415
        from ..models.target_out import TargetOut # noqa: PLC0415
        data = self.data.to_dict()

        editable_fields = self.editable_fields



        filing_type = self.filing_type

        id = self.id

        materials = []
        for materials_item_data in self.materials:
            materials_item = materials_item_data.to_dict()
            materials.append(materials_item)



        reference = self.reference

        returned_fields = []
        for returned_fields_item_data in self.returned_fields:
            returned_fields_item = returned_fields_item_data.to_dict()
            returned_fields.append(returned_fields_item)



        site_id: int | None
        site_id = self.site_id

        status = self.status

        status_label = self.status_label

        changes: dict[str, Any] | None | Unset
        if isinstance(self.changes, Unset):
            changes = UNSET
        elif isinstance(self.changes, RecordChangesOut):
            changes = self.changes.to_dict()
        else:
            changes = self.changes

        filing_number: None | str | Unset
        if isinstance(self.filing_number, Unset):
            filing_number = UNSET
        else:
            filing_number = self.filing_number

        max_websites = self.max_websites

        request: dict[str, Any] | None | Unset
        if isinstance(self.request, Unset):
            request = UNSET
        elif isinstance(self.request, RecordRequestOut):
            request = self.request.to_dict()
        else:
            request = self.request

        subject_filing_number: None | str | Unset
        if isinstance(self.subject_filing_number, Unset):
            subject_filing_number = UNSET
        else:
            subject_filing_number = self.subject_filing_number

        target: dict[str, Any] | None | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, TargetOut):
            target = self.target.to_dict()
        else:
            target = self.target

        website_filing_numbers: list[None | str] | Unset = UNSET
        if not isinstance(self.website_filing_numbers, Unset):
            website_filing_numbers = []
            for website_filing_numbers_item_data in self.website_filing_numbers:
                website_filing_numbers_item: None | str
                website_filing_numbers_item = website_filing_numbers_item_data
                website_filing_numbers.append(website_filing_numbers_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "editable_fields": editable_fields,
            "filing_type": filing_type,
            "id": id,
            "materials": materials,
            "reference": reference,
            "returned_fields": returned_fields,
            "site_id": site_id,
            "status": status,
            "status_label": status_label,
        })
        if changes is not UNSET:
            field_dict["changes"] = changes
        if filing_number is not UNSET:
            field_dict["filing_number"] = filing_number
        if max_websites is not UNSET:
            field_dict["max_websites"] = max_websites
        if request is not UNSET:
            field_dict["request"] = request
        if subject_filing_number is not UNSET:
            field_dict["subject_filing_number"] = subject_filing_number
        if target is not UNSET:
            field_dict["target"] = target
        if website_filing_numbers is not UNSET:
            field_dict["website_filing_numbers"] = website_filing_numbers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.material_out import MaterialOut # noqa: PLC0415
        from ..models.order_out_data import OrderOutData # noqa: PLC0415
        from ..models.record_changes_out import RecordChangesOut # noqa: PLC0415
        from ..models.record_request_out import RecordRequestOut # noqa: PLC0415
        from ..models.returned_field_out import ReturnedFieldOut # noqa: PLC0415
        from ..models.target_out import TargetOut # noqa: PLC0415
        d = dict(src_dict)
        data = OrderOutData.from_dict(d.pop("data"))




        editable_fields = cast(list[str], d.pop("editable_fields"))


        filing_type = d.pop("filing_type")

        id = d.pop("id")

        materials = []
        _materials = d.pop("materials")
        for materials_item_data in (_materials):
            materials_item = MaterialOut.from_dict(materials_item_data)



            materials.append(materials_item)


        reference = d.pop("reference")

        returned_fields = []
        _returned_fields = d.pop("returned_fields")
        for returned_fields_item_data in (_returned_fields):
            returned_fields_item = ReturnedFieldOut.from_dict(returned_fields_item_data)



            returned_fields.append(returned_fields_item)


        def _parse_site_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        site_id = _parse_site_id(d.pop("site_id"))


        status = d.pop("status")

        status_label = d.pop("status_label")

        def _parse_changes(data: object) -> None | RecordChangesOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                changes_type_0 = RecordChangesOut.from_dict(data)



                return changes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordChangesOut | Unset, data)

        changes = _parse_changes(d.pop("changes", UNSET))


        def _parse_filing_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filing_number = _parse_filing_number(d.pop("filing_number", UNSET))


        max_websites = d.pop("max_websites", UNSET)

        def _parse_request(data: object) -> None | RecordRequestOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_type_0 = RecordRequestOut.from_dict(data)



                return request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RecordRequestOut | Unset, data)

        request = _parse_request(d.pop("request", UNSET))


        def _parse_subject_filing_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject_filing_number = _parse_subject_filing_number(d.pop("subject_filing_number", UNSET))


        def _parse_target(data: object) -> None | TargetOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = TargetOut.from_dict(data)



                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TargetOut | Unset, data)

        target = _parse_target(d.pop("target", UNSET))


        _website_filing_numbers = d.pop("website_filing_numbers", UNSET)
        website_filing_numbers: list[None | str] | Unset = UNSET
        if _website_filing_numbers is not UNSET:
            website_filing_numbers = []
            for website_filing_numbers_item_data in _website_filing_numbers:
                def _parse_website_filing_numbers_item(data: object) -> None | str:
                    if data is None:
                        return data
                    return cast(None | str, data)

                website_filing_numbers_item = _parse_website_filing_numbers_item(website_filing_numbers_item_data)

                website_filing_numbers.append(website_filing_numbers_item)


        order_out = cls(
            data=data,
            editable_fields=editable_fields,
            filing_type=filing_type,
            id=id,
            materials=materials,
            reference=reference,
            returned_fields=returned_fields,
            site_id=site_id,
            status=status,
            status_label=status_label,
            changes=changes,
            filing_number=filing_number,
            max_websites=max_websites,
            request=request,
            subject_filing_number=subject_filing_number,
            target=target,
            website_filing_numbers=website_filing_numbers,
        )


        order_out.additional_properties = d
        return order_out

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
