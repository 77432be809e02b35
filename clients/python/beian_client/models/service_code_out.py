from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.service_code_out_state import ServiceCodeOutState
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.service_code_order_out import ServiceCodeOrderOut





T = TypeVar("T", bound="ServiceCodeOut")



@_attrs_define
class ServiceCodeOut:
    """ 
        Attributes:
            code (str): `BA-XXXX-XXXX-XXXX`: what the applicant types (case and hyphens optional).
            counts_against_quota (bool): Whether it holds one of the site's places (a void code only when not refunded).
            created_at (datetime.datetime):
            organisation (str): Your account id of the organisation that owns the site.
            site_id (int): The hosted site (provider resource) the code belongs to.
            state (ServiceCodeOutState): `unbound`: not used yet; `in_filing`: bound to a filing in progress (`order`);
                `filed`: its filing was approved; `void`: voided, spent by a filing that ended unapproved (single-use codes), or
                its filing was cancelled.
            state_label (str): The state in the request's language.
            bound_at (datetime.datetime | None | Unset):
            filed_at (datetime.datetime | None | Unset):
            granted_at (datetime.datetime | None | Unset):
            granted_to (None | str | Unset): Your account id of the organisation it is granted to.
            order (None | ServiceCodeOrderOut | Unset): The filing it is bound to (or was spent by).
            void_reason (str | Unset):  Default: ''.
            voided_at (datetime.datetime | None | Unset):
     """

    code: str
    counts_against_quota: bool
    created_at: datetime.datetime
    organisation: str
    site_id: int
    state: ServiceCodeOutState
    state_label: str
    bound_at: datetime.datetime | None | Unset = UNSET
    filed_at: datetime.datetime | None | Unset = UNSET
    granted_at: datetime.datetime | None | Unset = UNSET
    granted_to: None | str | Unset = UNSET
    order: None | ServiceCodeOrderOut | Unset = UNSET
    void_reason: str | Unset = ''
    voided_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.service_code_order_out import ServiceCodeOrderOut # noqa: PLC0415
        code = self.code

        counts_against_quota = self.counts_against_quota

        created_at = self.created_at.isoformat()

        organisation = self.organisation

        site_id = self.site_id

        state = self.state.value

        state_label = self.state_label

        bound_at: None | str | Unset
        if isinstance(self.bound_at, Unset):
            bound_at = UNSET
        elif isinstance(self.bound_at, datetime.datetime):
            bound_at = self.bound_at.isoformat()
        else:
            bound_at = self.bound_at

        filed_at: None | str | Unset
        if isinstance(self.filed_at, Unset):
            filed_at = UNSET
        elif isinstance(self.filed_at, datetime.datetime):
            filed_at = self.filed_at.isoformat()
        else:
            filed_at = self.filed_at

        granted_at: None | str | Unset
        if isinstance(self.granted_at, Unset):
            granted_at = UNSET
        elif isinstance(self.granted_at, datetime.datetime):
            granted_at = self.granted_at.isoformat()
        else:
            granted_at = self.granted_at

        granted_to: None | str | Unset
        if isinstance(self.granted_to, Unset):
            granted_to = UNSET
        else:
            granted_to = self.granted_to

        order: dict[str, Any] | None | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        elif isinstance(self.order, ServiceCodeOrderOut):
            order = self.order.to_dict()
        else:
            order = self.order

        void_reason = self.void_reason

        voided_at: None | str | Unset
        if isinstance(self.voided_at, Unset):
            voided_at = UNSET
        elif isinstance(self.voided_at, datetime.datetime):
            voided_at = self.voided_at.isoformat()
        else:
            voided_at = self.voided_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "counts_against_quota": counts_against_quota,
            "created_at": created_at,
            "organisation": organisation,
            "site_id": site_id,
            "state": state,
            "state_label": state_label,
        })
        if bound_at is not UNSET:
            field_dict["bound_at"] = bound_at
        if filed_at is not UNSET:
            field_dict["filed_at"] = filed_at
        if granted_at is not UNSET:
            field_dict["granted_at"] = granted_at
        if granted_to is not UNSET:
            field_dict["granted_to"] = granted_to
        if order is not UNSET:
            field_dict["order"] = order
        if void_reason is not UNSET:
            field_dict["void_reason"] = void_reason
        if voided_at is not UNSET:
            field_dict["voided_at"] = voided_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_code_order_out import ServiceCodeOrderOut # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        counts_against_quota = d.pop("counts_against_quota")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        organisation = d.pop("organisation")

        site_id = d.pop("site_id")

        state = ServiceCodeOutState(d.pop("state"))




        state_label = d.pop("state_label")

        def _parse_bound_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bound_at_type_0 = datetime.datetime.fromisoformat(data)



                return bound_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        bound_at = _parse_bound_at(d.pop("bound_at", UNSET))


        def _parse_filed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                filed_at_type_0 = datetime.datetime.fromisoformat(data)



                return filed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        filed_at = _parse_filed_at(d.pop("filed_at", UNSET))


        def _parse_granted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                granted_at_type_0 = datetime.datetime.fromisoformat(data)



                return granted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        granted_at = _parse_granted_at(d.pop("granted_at", UNSET))


        def _parse_granted_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        granted_to = _parse_granted_to(d.pop("granted_to", UNSET))


        def _parse_order(data: object) -> None | ServiceCodeOrderOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                order_type_0 = ServiceCodeOrderOut.from_dict(data)



                return order_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ServiceCodeOrderOut | Unset, data)

        order = _parse_order(d.pop("order", UNSET))


        void_reason = d.pop("void_reason", UNSET)

        def _parse_voided_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                voided_at_type_0 = datetime.datetime.fromisoformat(data)



                return voided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        voided_at = _parse_voided_at(d.pop("voided_at", UNSET))


        service_code_out = cls(
            code=code,
            counts_against_quota=counts_against_quota,
            created_at=created_at,
            organisation=organisation,
            site_id=site_id,
            state=state,
            state_label=state_label,
            bound_at=bound_at,
            filed_at=filed_at,
            granted_at=granted_at,
            granted_to=granted_to,
            order=order,
            void_reason=void_reason,
            voided_at=voided_at,
        )


        service_code_out.additional_properties = d
        return service_code_out

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
