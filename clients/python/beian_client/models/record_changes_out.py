from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.access_change_out import AccessChangeOut
  from ..models.domain_change_out import DomainChangeOut
  from ..models.field_change_out import FieldChangeOut





T = TypeVar("T", bound="RecordChangesOut")



@_attrs_define
class RecordChangesOut:
    """ What a change would do to the filed record, compared with the data as filed.

        Attributes:
            domain_changes (list[DomainChangeOut]): Website changes: the domains added and removed.
            record_diff (list[FieldChangeOut]): Field by field: what differs from the record (only the part the type may
                change).
            access (AccessChangeOut | None | Unset): `CHANGE_ACCESS`: the hosted site before and after.
     """

    domain_changes: list[DomainChangeOut]
    record_diff: list[FieldChangeOut]
    access: AccessChangeOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.access_change_out import AccessChangeOut # noqa: PLC0415
        from ..models.domain_change_out import DomainChangeOut # noqa: PLC0415
        from ..models.field_change_out import FieldChangeOut # noqa: PLC0415
        domain_changes = []
        for domain_changes_item_data in self.domain_changes:
            domain_changes_item = domain_changes_item_data.to_dict()
            domain_changes.append(domain_changes_item)



        record_diff = []
        for record_diff_item_data in self.record_diff:
            record_diff_item = record_diff_item_data.to_dict()
            record_diff.append(record_diff_item)



        access: dict[str, Any] | None | Unset
        if isinstance(self.access, Unset):
            access = UNSET
        elif isinstance(self.access, AccessChangeOut):
            access = self.access.to_dict()
        else:
            access = self.access


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "domain_changes": domain_changes,
            "record_diff": record_diff,
        })
        if access is not UNSET:
            field_dict["access"] = access

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_change_out import AccessChangeOut # noqa: PLC0415
        from ..models.domain_change_out import DomainChangeOut # noqa: PLC0415
        from ..models.field_change_out import FieldChangeOut # noqa: PLC0415
        d = dict(src_dict)
        domain_changes = []
        _domain_changes = d.pop("domain_changes")
        for domain_changes_item_data in (_domain_changes):
            domain_changes_item = DomainChangeOut.from_dict(domain_changes_item_data)



            domain_changes.append(domain_changes_item)


        record_diff = []
        _record_diff = d.pop("record_diff")
        for record_diff_item_data in (_record_diff):
            record_diff_item = FieldChangeOut.from_dict(record_diff_item_data)



            record_diff.append(record_diff_item)


        def _parse_access(data: object) -> AccessChangeOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                access_type_0 = AccessChangeOut.from_dict(data)



                return access_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AccessChangeOut | None | Unset, data)

        access = _parse_access(d.pop("access", UNSET))


        record_changes_out = cls(
            domain_changes=domain_changes,
            record_diff=record_diff,
            access=access,
        )


        record_changes_out.additional_properties = d
        return record_changes_out

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
