from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.record_request_out_confirmation_asks import RecordRequestOutConfirmationAsks
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.empty_shell_out import EmptyShellOut





T = TypeVar("T", bound="RecordRequestOut")



@_attrs_define
class RecordRequestOut:
    """ What a change or cancellation asks beyond the fields (`PATCH …/request`). No personal data: what was
    typed to confirm is never echoed.

        Attributes:
            confirmation_given (bool): Something was typed.
            confirmation_matches (bool): A confirmation is required and what was typed matches it (while it does not, the
                pre-review finds `cancel.confirmation.mismatch`). False when none is required.
            confirmation_required (bool): The cancellation must be confirmed by typing.
            empty_shell (EmptyShellOut):
            irreversible (bool): The cancellation cannot be undone (reference data).
            confirmation_asks (RecordRequestOutConfirmationAsks | Unset): What to type: the website's main domain or the
                subject's name (empty: nothing). Default: RecordRequestOutConfirmationAsks.VALUE_0.
            hosted_site_id (int | None | Unset): `CHANGE_ACCESS`: the hosted site applied for.
            reason_code (str | Unset): The cancellation's reason code (empty while none is chosen). Default: ''.
            reason_note (str | Unset): The reason in the applicant's words. Default: ''.
            reason_text (str | Unset): The reason in the request's language. Default: ''.
     """

    confirmation_given: bool
    confirmation_matches: bool
    confirmation_required: bool
    empty_shell: EmptyShellOut
    irreversible: bool
    confirmation_asks: RecordRequestOutConfirmationAsks | Unset = RecordRequestOutConfirmationAsks.VALUE_0
    hosted_site_id: int | None | Unset = UNSET
    reason_code: str | Unset = ''
    reason_note: str | Unset = ''
    reason_text: str | Unset = ''
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.empty_shell_out import EmptyShellOut # noqa: PLC0415
        confirmation_given = self.confirmation_given

        confirmation_matches = self.confirmation_matches

        confirmation_required = self.confirmation_required

        empty_shell = self.empty_shell.to_dict()

        irreversible = self.irreversible

        confirmation_asks: str | Unset = UNSET
        if not isinstance(self.confirmation_asks, Unset):
            confirmation_asks = self.confirmation_asks.value


        hosted_site_id: int | None | Unset
        if isinstance(self.hosted_site_id, Unset):
            hosted_site_id = UNSET
        else:
            hosted_site_id = self.hosted_site_id

        reason_code = self.reason_code

        reason_note = self.reason_note

        reason_text = self.reason_text


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "confirmation_given": confirmation_given,
            "confirmation_matches": confirmation_matches,
            "confirmation_required": confirmation_required,
            "empty_shell": empty_shell,
            "irreversible": irreversible,
        })
        if confirmation_asks is not UNSET:
            field_dict["confirmation_asks"] = confirmation_asks
        if hosted_site_id is not UNSET:
            field_dict["hosted_site_id"] = hosted_site_id
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if reason_note is not UNSET:
            field_dict["reason_note"] = reason_note
        if reason_text is not UNSET:
            field_dict["reason_text"] = reason_text

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.empty_shell_out import EmptyShellOut # noqa: PLC0415
        d = dict(src_dict)
        confirmation_given = d.pop("confirmation_given")

        confirmation_matches = d.pop("confirmation_matches")

        confirmation_required = d.pop("confirmation_required")

        empty_shell = EmptyShellOut.from_dict(d.pop("empty_shell"))




        irreversible = d.pop("irreversible")

        _confirmation_asks = d.pop("confirmation_asks", UNSET)
        confirmation_asks: RecordRequestOutConfirmationAsks | Unset
        if isinstance(_confirmation_asks,  Unset):
            confirmation_asks = UNSET
        else:
            confirmation_asks = RecordRequestOutConfirmationAsks(_confirmation_asks)




        def _parse_hosted_site_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hosted_site_id = _parse_hosted_site_id(d.pop("hosted_site_id", UNSET))


        reason_code = d.pop("reason_code", UNSET)

        reason_note = d.pop("reason_note", UNSET)

        reason_text = d.pop("reason_text", UNSET)

        record_request_out = cls(
            confirmation_given=confirmation_given,
            confirmation_matches=confirmation_matches,
            confirmation_required=confirmation_required,
            empty_shell=empty_shell,
            irreversible=irreversible,
            confirmation_asks=confirmation_asks,
            hosted_site_id=hosted_site_id,
            reason_code=reason_code,
            reason_note=reason_note,
            reason_text=reason_text,
        )


        record_request_out.additional_properties = d
        return record_request_out

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
