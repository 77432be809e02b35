from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.rotate_in import RotateIn
from ...models.rotated_out import RotatedOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    endpoint_id: int,
    *,
    body: None | RotateIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/platform/webhooks/endpoints/{endpoint_id}/rotate-secret".format(endpoint_id=quote(str(endpoint_id), safe=""),),
    }

    
    if isinstance(body, RotateIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | RotatedOut | None:
    if response.status_code == 200:
        response_200 = RotatedOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorOut.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorOut.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorOut.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ErrorOut.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = ErrorOut.from_dict(response.json())



        return response_422

    if response.status_code == 429:
        response_429 = ErrorOut.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | RotatedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    endpoint_id: int,
    *,
    client: AuthenticatedClient,
    body: None | RotateIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | RotatedOut]:
    """ Endpoint Rotate Secret

     A new signing secret (shown this once). The current secrets keep signing beside it for
    `grace_hours` (default 24): each delivery then carries one signature per secret, so the receiver
    can switch to the new secret at its pace.

    Args:
        endpoint_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | RotateIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | RotatedOut]
     """


    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    endpoint_id: int,
    *,
    client: AuthenticatedClient,
    body: None | RotateIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | RotatedOut | None:
    """ Endpoint Rotate Secret

     A new signing secret (shown this once). The current secrets keep signing beside it for
    `grace_hours` (default 24): each delivery then carries one signature per secret, so the receiver
    can switch to the new secret at its pace.

    Args:
        endpoint_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | RotateIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | RotatedOut
     """


    return sync_detailed(
        endpoint_id=endpoint_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    endpoint_id: int,
    *,
    client: AuthenticatedClient,
    body: None | RotateIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | RotatedOut]:
    """ Endpoint Rotate Secret

     A new signing secret (shown this once). The current secrets keep signing beside it for
    `grace_hours` (default 24): each delivery then carries one signature per secret, so the receiver
    can switch to the new secret at its pace.

    Args:
        endpoint_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | RotateIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | RotatedOut]
     """


    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    endpoint_id: int,
    *,
    client: AuthenticatedClient,
    body: None | RotateIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | RotatedOut | None:
    """ Endpoint Rotate Secret

     A new signing secret (shown this once). The current secrets keep signing beside it for
    `grace_hours` (default 24): each delivery then carries one signature per secret, so the receiver
    can switch to the new secret at its pace.

    Args:
        endpoint_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | RotateIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | RotatedOut
     """


    return (await asyncio_detailed(
        endpoint_id=endpoint_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
