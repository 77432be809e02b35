from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.filing_footer_parts_out import FilingFooterPartsOut





T = TypeVar("T", bound="FilingFooterOut")



@_attrs_define
class FilingFooterOut:
    """ The filing footer of a filed website, generated from the record: for pages you serve yourself.

        Attributes:
            filing_number (str): The website filing number the footer shows.
            html (str): Self-contained HTML (inline styles, the emblem inline) to paste at the bottom centre of the home
                page: the number linked to MIIT, and the public-security number with the emblem and its link once entered.
            parts (FilingFooterPartsOut): The parts of a filed website's footer, for clients that build their own markup.
     """

    filing_number: str
    html: str
    parts: FilingFooterPartsOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.filing_footer_parts_out import FilingFooterPartsOut # noqa: PLC0415
        filing_number = self.filing_number

        html = self.html

        parts = self.parts.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "filing_number": filing_number,
            "html": html,
            "parts": parts,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filing_footer_parts_out import FilingFooterPartsOut # noqa: PLC0415
        d = dict(src_dict)
        filing_number = d.pop("filing_number")

        html = d.pop("html")

        parts = FilingFooterPartsOut.from_dict(d.pop("parts"))




        filing_footer_out = cls(
            filing_number=filing_number,
            html=html,
            parts=parts,
        )


        filing_footer_out.additional_properties = d
        return filing_footer_out

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
