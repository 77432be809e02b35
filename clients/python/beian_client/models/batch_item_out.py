from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_item_out_status import BatchItemOutStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.error_out import ErrorOut





T = TypeVar("T", bound="BatchItemOut")



@_attrs_define
class BatchItemOut:
    """ 
        Attributes:
            external_id (str):
            status (BatchItemOutStatus):
            error (ErrorOut | None | Unset): Why this item was refused (it changed nothing).
     """

    external_id: str
    status: BatchItemOutStatus
    error: ErrorOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_out import ErrorOut # noqa: PLC0415
        external_id = self.external_id

        status = self.status.value

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, ErrorOut):
            error = self.error.to_dict()
        else:
            error = self.error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "external_id": external_id,
            "status": status,
        })
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_out import ErrorOut # noqa: PLC0415
        d = dict(src_dict)
        external_id = d.pop("external_id")

        status = BatchItemOutStatus(d.pop("status"))




        def _parse_error(data: object) -> ErrorOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = ErrorOut.from_dict(data)



                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ErrorOut | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        batch_item_out = cls(
            external_id=external_id,
            status=status,
            error=error,
        )


        batch_item_out.additional_properties = d
        return batch_item_out

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
