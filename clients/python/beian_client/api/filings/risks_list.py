from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.risk_out import RiskOut
from ...models.risks_list_status_type_0 import RisksListStatusType0
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: None | RisksListStatusType0 | Unset = UNSET,
    website_number: str | Unset = '',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, RisksListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params["website_number"] = website_number


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/risks",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | list[RiskOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = RiskOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

        return response_200

    if response.status_code == 401:
        response_401 = ErrorOut.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorOut.from_dict(response.json())



        return response_403

    if response.status_code == 422:
        response_422 = ErrorOut.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | list[RiskOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | RisksListStatusType0 | Unset = UNSET,
    website_number: str | Unset = '',

) -> Response[ErrorOut | list[RiskOut]]:
    """ The compliance monitor's risks of your filed websites

     After filing, a monitor re-checks each filed website (the number in its footer, the domain's expiry,
    holder and real-name status, the principals' certificates, that we still host it). Each problem is a
    risk with a stable `code`, a `message` and a `fix` in the request's language and a `deadline` to
    rectify by; it is resolved by the first re-check that passes. Open ones first (soonest deadline
    first), then resolved ones. `status` (`open`, `resolved`) and `website_number` (a filing number
    `…-n`) filter the list; a website that is not yours lists nothing. No personal data.

    Args:
        status (None | RisksListStatusType0 | Unset): Only risks in this status.
        website_number (str | Unset): Only the risks of this website (`…-n`). Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | list[RiskOut]]
     """


    kwargs = _get_kwargs(
        status=status,
website_number=website_number,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: None | RisksListStatusType0 | Unset = UNSET,
    website_number: str | Unset = '',

) -> ErrorOut | list[RiskOut] | None:
    """ The compliance monitor's risks of your filed websites

     After filing, a monitor re-checks each filed website (the number in its footer, the domain's expiry,
    holder and real-name status, the principals' certificates, that we still host it). Each problem is a
    risk with a stable `code`, a `message` and a `fix` in the request's language and a `deadline` to
    rectify by; it is resolved by the first re-check that passes. Open ones first (soonest deadline
    first), then resolved ones. `status` (`open`, `resolved`) and `website_number` (a filing number
    `…-n`) filter the list; a website that is not yours lists nothing. No personal data.

    Args:
        status (None | RisksListStatusType0 | Unset): Only risks in this status.
        website_number (str | Unset): Only the risks of this website (`…-n`). Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | list[RiskOut]
     """


    return sync_detailed(
        client=client,
status=status,
website_number=website_number,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | RisksListStatusType0 | Unset = UNSET,
    website_number: str | Unset = '',

) -> Response[ErrorOut | list[RiskOut]]:
    """ The compliance monitor's risks of your filed websites

     After filing, a monitor re-checks each filed website (the number in its footer, the domain's expiry,
    holder and real-name status, the principals' certificates, that we still host it). Each problem is a
    risk with a stable `code`, a `message` and a `fix` in the request's language and a `deadline` to
    rectify by; it is resolved by the first re-check that passes. Open ones first (soonest deadline
    first), then resolved ones. `status` (`open`, `resolved`) and `website_number` (a filing number
    `…-n`) filter the list; a website that is not yours lists nothing. No personal data.

    Args:
        status (None | RisksListStatusType0 | Unset): Only risks in this status.
        website_number (str | Unset): Only the risks of this website (`…-n`). Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | list[RiskOut]]
     """


    kwargs = _get_kwargs(
        status=status,
website_number=website_number,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | RisksListStatusType0 | Unset = UNSET,
    website_number: str | Unset = '',

) -> ErrorOut | list[RiskOut] | None:
    """ The compliance monitor's risks of your filed websites

     After filing, a monitor re-checks each filed website (the number in its footer, the domain's expiry,
    holder and real-name status, the principals' certificates, that we still host it). Each problem is a
    risk with a stable `code`, a `message` and a `fix` in the request's language and a `deadline` to
    rectify by; it is resolved by the first re-check that passes. Open ones first (soonest deadline
    first), then resolved ones. `status` (`open`, `resolved`) and `website_number` (a filing number
    `…-n`) filter the list; a website that is not yours lists nothing. No personal data.

    Args:
        status (None | RisksListStatusType0 | Unset): Only risks in this status.
        website_number (str | Unset): Only the risks of this website (`…-n`). Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | list[RiskOut]
     """


    return (await asyncio_detailed(
        client=client,
status=status,
website_number=website_number,

    )).parsed
