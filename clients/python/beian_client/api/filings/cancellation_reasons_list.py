from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.cancellation_reason_out import CancellationReasonOut
from ...models.error_out import ErrorOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    filing_type: str | Unset = '',

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["filing_type"] = filing_type


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/cancellation-reasons",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | list[CancellationReasonOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = CancellationReasonOut.from_dict(response_200_item_data)



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | list[CancellationReasonOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    filing_type: str | Unset = '',

) -> Response[ErrorOut | list[CancellationReasonOut]]:
    """ The reasons you may give for a cancellation

     From reference data (operator-maintained), in both languages and the request's. `filing_type`
    (`CANCEL_WEBSITE`, `CANCEL_SUBJECT`, `CANCEL_ACCESS`) lists that type's reasons; without it, every
    cancellation type's. 422 `invalid_request` (field `filing_type`) for a type that is not a
    cancellation. Send the `code` as `reason_code` in `PATCH /api/v1/orders/{id}/request`.

    Args:
        filing_type (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | list[CancellationReasonOut]]
     """


    kwargs = _get_kwargs(
        filing_type=filing_type,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    filing_type: str | Unset = '',

) -> ErrorOut | list[CancellationReasonOut] | None:
    """ The reasons you may give for a cancellation

     From reference data (operator-maintained), in both languages and the request's. `filing_type`
    (`CANCEL_WEBSITE`, `CANCEL_SUBJECT`, `CANCEL_ACCESS`) lists that type's reasons; without it, every
    cancellation type's. 422 `invalid_request` (field `filing_type`) for a type that is not a
    cancellation. Send the `code` as `reason_code` in `PATCH /api/v1/orders/{id}/request`.

    Args:
        filing_type (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | list[CancellationReasonOut]
     """


    return sync_detailed(
        client=client,
filing_type=filing_type,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    filing_type: str | Unset = '',

) -> Response[ErrorOut | list[CancellationReasonOut]]:
    """ The reasons you may give for a cancellation

     From reference data (operator-maintained), in both languages and the request's. `filing_type`
    (`CANCEL_WEBSITE`, `CANCEL_SUBJECT`, `CANCEL_ACCESS`) lists that type's reasons; without it, every
    cancellation type's. 422 `invalid_request` (field `filing_type`) for a type that is not a
    cancellation. Send the `code` as `reason_code` in `PATCH /api/v1/orders/{id}/request`.

    Args:
        filing_type (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | list[CancellationReasonOut]]
     """


    kwargs = _get_kwargs(
        filing_type=filing_type,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    filing_type: str | Unset = '',

) -> ErrorOut | list[CancellationReasonOut] | None:
    """ The reasons you may give for a cancellation

     From reference data (operator-maintained), in both languages and the request's. `filing_type`
    (`CANCEL_WEBSITE`, `CANCEL_SUBJECT`, `CANCEL_ACCESS`) lists that type's reasons; without it, every
    cancellation type's. 422 `invalid_request` (field `filing_type`) for a type that is not a
    cancellation. Send the `code` as `reason_code` in `PATCH /api/v1/orders/{id}/request`.

    Args:
        filing_type (str | Unset):  Default: ''.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | list[CancellationReasonOut]
     """


    return (await asyncio_detailed(
        client=client,
filing_type=filing_type,

    )).parsed
