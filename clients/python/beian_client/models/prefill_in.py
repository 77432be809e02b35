from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.prefill_in_data import PrefillInData





T = TypeVar("T", bound="PrefillIn")



@_attrs_define
class PrefillIn:
    """ 
        Attributes:
            organisation (str): Your account id of the organisation that files.
            site_id (int): The hosted site to file (ours: `GET /api/v1/sites`); a site of another of your accounts only with
                a `service_code` granted to this one.
            data (PrefillInData | Unset): What you know of the filing, nested as in `PATCH /api/v1/orders/{id}` (`subject`,
                `subject.principal`, `websites[i]` and their `principal`). With the subject's `province`, `nature`,
                `certificate_type` and `certificate_number` the filing type is detected as at the wizard's first step (the
                domains: the websites' `domain`, or the site's own); without them it follows the account's records. A field the
                order does not have answers 422 `field.unknown` (field: its path), a value of the wrong type 422
                `field.invalid`; nothing is created then.
            service_code (str | Unset): The site's service code, bound to the filing (required while the operator requires
                one: 422 `service_code.required`; `service_code.*` codes as for `POST /api/v1/orders`). Default: ''.
            user (str | Unset): Your id of the user who will finish the filing: the launch link is for them, and they are
                the order's creator when they are a member of the organisation. Default: ''.
     """

    organisation: str
    site_id: int
    data: PrefillInData | Unset = UNSET
    service_code: str | Unset = ''
    user: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        from ..models.prefill_in_data import PrefillInData # noqa: PLC0415
        organisation = self.organisation

        site_id = self.site_id

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        service_code = self.service_code

        user = self.user


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "organisation": organisation,
            "site_id": site_id,
        })
        if data is not UNSET:
            field_dict["data"] = data
        if service_code is not UNSET:
            field_dict["service_code"] = service_code
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.prefill_in_data import PrefillInData # noqa: PLC0415
        d = dict(src_dict)
        organisation = d.pop("organisation")

        site_id = d.pop("site_id")

        _data = d.pop("data", UNSET)
        data: PrefillInData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = PrefillInData.from_dict(_data)




        service_code = d.pop("service_code", UNSET)

        user = d.pop("user", UNSET)

        prefill_in = cls(
            organisation=organisation,
            site_id=site_id,
            data=data,
            service_code=service_code,
            user=user,
        )

        return prefill_in

