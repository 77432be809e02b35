from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.sms_in import SmsIn
from ...models.sms_result_out import SmsResultOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    order_id: int,
    *,
    body: SmsIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/sms-verification".format(order_id=quote(str(order_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | SmsResultOut | None:
    if response.status_code == 200:
        response_200 = SmsResultOut.from_dict(response.json())



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
        response_422 = SmsResultOut.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | SmsResultOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: SmsIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | SmsResultOut]:
    """ Enter a MIIT SMS verification code

     422 with `ok: false` and code `sms.wrong` for a wrong code (the shape is an `ErrorOut` plus `ok` and
    `all_verified`); 422 `sms.not_pending` when no verification is pending.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (SmsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | SmsResultOut]
     """


    kwargs = _get_kwargs(
        order_id=order_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: SmsIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | SmsResultOut | None:
    """ Enter a MIIT SMS verification code

     422 with `ok: false` and code `sms.wrong` for a wrong code (the shape is an `ErrorOut` plus `ok` and
    `all_verified`); 422 `sms.not_pending` when no verification is pending.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (SmsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | SmsResultOut
     """


    return sync_detailed(
        order_id=order_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: SmsIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | SmsResultOut]:
    """ Enter a MIIT SMS verification code

     422 with `ok: false` and code `sms.wrong` for a wrong code (the shape is an `ErrorOut` plus `ok` and
    `all_verified`); 422 `sms.not_pending` when no verification is pending.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (SmsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | SmsResultOut]
     """


    kwargs = _get_kwargs(
        order_id=order_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    order_id: int,
    *,
    client: AuthenticatedClient,
    body: SmsIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | SmsResultOut | None:
    """ Enter a MIIT SMS verification code

     422 with `ok: false` and code `sms.wrong` for a wrong code (the shape is an `ErrorOut` plus `ok` and
    `all_verified`); 422 `sms.not_pending` when no verification is pending.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (SmsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | SmsResultOut
     """


    return (await asyncio_detailed(
        order_id=order_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
