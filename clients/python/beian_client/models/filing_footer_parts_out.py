from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="FilingFooterPartsOut")



@_attrs_define
class FilingFooterPartsOut:
    """ The parts of a filed website's footer, for clients that build their own markup.

        Attributes:
            emblem_svg (str): The police emblem as inline SVG, shown before `psb_number`.
            filing_number (str): The website filing number, e.g. `京ICP备2026000001号-1`.
            miit_link (str): Where the number links to (MIIT's filing site, rules §8.1).
            psb_link (str | Unset): The public-security platform's query page for it (rules §8.2), or empty. Default: ''.
            psb_number (str | Unset): The public-security filing number (公网安备), empty while none is entered. Default: ''.
     """

    emblem_svg: str
    filing_number: str
    miit_link: str
    psb_link: str | Unset = ''
    psb_number: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        emblem_svg = self.emblem_svg

        filing_number = self.filing_number

        miit_link = self.miit_link

        psb_link = self.psb_link

        psb_number = self.psb_number


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "emblem_svg": emblem_svg,
            "filing_number": filing_number,
            "miit_link": miit_link,
        })
        if psb_link is not UNSET:
            field_dict["psb_link"] = psb_link
        if psb_number is not UNSET:
            field_dict["psb_number"] = psb_number

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        emblem_svg = d.pop("emblem_svg")

        filing_number = d.pop("filing_number")

        miit_link = d.pop("miit_link")

        psb_link = d.pop("psb_link", UNSET)

        psb_number = d.pop("psb_number", UNSET)

        filing_footer_parts_out = cls(
            emblem_svg=emblem_svg,
            filing_number=filing_number,
            miit_link=miit_link,
            psb_link=psb_link,
            psb_number=psb_number,
        )


        filing_footer_parts_out.additional_properties = d
        return filing_footer_parts_out

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
