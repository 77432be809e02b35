from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.date_range_out import DateRangeOut
  from ..models.stage_estimate_out import StageEstimateOut





T = TypeVar("T", bound="EtaOut")



@_attrs_define
class EtaOut:
    """ When the order should move on, in working days of the mainland calendar. Null dates once it is finished.

        Attributes:
            finished (bool): The order is finished (approved, abandoned…): no dates.
            needs_sms (bool): The type includes the MIIT SMS verification (rules §1.1).
            status (str):
            done (DateRangeOut | None | Unset): When the regulator should decide (a number issued, a record changed or
                cancelled).
            estimates (list[StageEstimateOut] | Unset):
            hypothetical (bool | Unset): The dates assume you submit today. Default: False.
            overdue (bool | Unset): The current stage has run past its 90th-percentile date. Default: False.
            stage (None | str | Unset): The stage the order is in; null while it waits on you.
            stage_end (DateRangeOut | None | Unset): When the current stage should end.
     """

    finished: bool
    needs_sms: bool
    status: str
    done: DateRangeOut | None | Unset = UNSET
    estimates: list[StageEstimateOut] | Unset = UNSET
    hypothetical: bool | Unset = False
    overdue: bool | Unset = False
    stage: None | str | Unset = UNSET
    stage_end: DateRangeOut | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.date_range_out import DateRangeOut # noqa: PLC0415
        from ..models.stage_estimate_out import StageEstimateOut # noqa: PLC0415
        finished = self.finished

        needs_sms = self.needs_sms

        status = self.status

        done: dict[str, Any] | None | Unset
        if isinstance(self.done, Unset):
            done = UNSET
        elif isinstance(self.done, DateRangeOut):
            done = self.done.to_dict()
        else:
            done = self.done

        estimates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.estimates, Unset):
            estimates = []
            for estimates_item_data in self.estimates:
                estimates_item = estimates_item_data.to_dict()
                estimates.append(estimates_item)



        hypothetical = self.hypothetical

        overdue = self.overdue

        stage: None | str | Unset
        if isinstance(self.stage, Unset):
            stage = UNSET
        else:
            stage = self.stage

        stage_end: dict[str, Any] | None | Unset
        if isinstance(self.stage_end, Unset):
            stage_end = UNSET
        elif isinstance(self.stage_end, DateRangeOut):
            stage_end = self.stage_end.to_dict()
        else:
            stage_end = self.stage_end


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "finished": finished,
            "needs_sms": needs_sms,
            "status": status,
        })
        if done is not UNSET:
            field_dict["done"] = done
        if estimates is not UNSET:
            field_dict["estimates"] = estimates
        if hypothetical is not UNSET:
            field_dict["hypothetical"] = hypothetical
        if overdue is not UNSET:
            field_dict["overdue"] = overdue
        if stage is not UNSET:
            field_dict["stage"] = stage
        if stage_end is not UNSET:
            field_dict["stage_end"] = stage_end

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.date_range_out import DateRangeOut # noqa: PLC0415
        from ..models.stage_estimate_out import StageEstimateOut # noqa: PLC0415
        d = dict(src_dict)
        finished = d.pop("finished")

        needs_sms = d.pop("needs_sms")

        status = d.pop("status")

        def _parse_done(data: object) -> DateRangeOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                done_type_0 = DateRangeOut.from_dict(data)



                return done_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateRangeOut | None | Unset, data)

        done = _parse_done(d.pop("done", UNSET))


        _estimates = d.pop("estimates", UNSET)
        estimates: list[StageEstimateOut] | Unset = UNSET
        if _estimates is not UNSET:
            estimates = []
            for estimates_item_data in _estimates:
                estimates_item = StageEstimateOut.from_dict(estimates_item_data)



                estimates.append(estimates_item)


        hypothetical = d.pop("hypothetical", UNSET)

        overdue = d.pop("overdue", UNSET)

        def _parse_stage(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        stage = _parse_stage(d.pop("stage", UNSET))


        def _parse_stage_end(data: object) -> DateRangeOut | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                stage_end_type_0 = DateRangeOut.from_dict(data)



                return stage_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateRangeOut | None | Unset, data)

        stage_end = _parse_stage_end(d.pop("stage_end", UNSET))


        eta_out = cls(
            finished=finished,
            needs_sms=needs_sms,
            status=status,
            done=done,
            estimates=estimates,
            hypothetical=hypothetical,
            overdue=overdue,
            stage=stage,
            stage_end=stage_end,
        )


        eta_out.additional_properties = d
        return eta_out

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
