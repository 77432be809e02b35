from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FieldChangeOut")



@_attrs_define
class FieldChangeOut:
    """ 
        Attributes:
            label (str): The field's name in the request's language.
            new_display (str): The value applied for, as people read it.
            old_display (str): The value as filed, as people read it (labels, U-labels, masked).
            path (str): The field path, e.g. `websites[0].name`, `subject.principal.mobile`.
            new (Any | Unset): The value applied for (personal data masked).
            old (Any | Unset): The value as filed (personal data masked, as in `data`).
     """

    label: str
    new_display: str
    old_display: str
    path: str
    new: Any | Unset = UNSET
    old: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        label = self.label

        new_display = self.new_display

        old_display = self.old_display

        path = self.path

        new = self.new

        old = self.old


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "label": label,
            "new_display": new_display,
            "old_display": old_display,
            "path": path,
        })
        if new is not UNSET:
            field_dict["new"] = new
        if old is not UNSET:
            field_dict["old"] = old

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        new_display = d.pop("new_display")

        old_display = d.pop("old_display")

        path = d.pop("path")

        new = d.pop("new", UNSET)

        old = d.pop("old", UNSET)

        field_change_out = cls(
            label=label,
            new_display=new_display,
            old_display=old_display,
            path=path,
            new=new,
            old=old,
        )


        field_change_out.additional_properties = d
        return field_change_out

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
