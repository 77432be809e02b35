from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.order_out import OrderOut
from ...models.submit_in import SubmitIn
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    order_id: int,
    *,
    body: None | SubmitIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/submit".format(order_id=quote(str(order_id), safe=""),),
    }

    
    if isinstance(body, SubmitIn):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | OrderOut | None:
    if response.status_code == 200:
        response_200 = OrderOut.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = ErrorOut.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = ErrorOut.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | OrderOut]:
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
    body: None | SubmitIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderOut]:
    """ Submit for provider review

     Runs the same pre-review as `GET …/findings`. 422 `order.has_errors` with the blocking `findings`
    while it finds errors; 422 `order.warnings_unacknowledged` while a warning's code is missing from
    `acknowledged_warnings`; 409 `order.illegal_transition` when the order cannot be submitted in its
    state. Without a body nothing is acknowledged.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | SubmitIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | OrderOut]
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
    body: None | SubmitIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderOut | None:
    """ Submit for provider review

     Runs the same pre-review as `GET …/findings`. 422 `order.has_errors` with the blocking `findings`
    while it finds errors; 422 `order.warnings_unacknowledged` while a warning's code is missing from
    `acknowledged_warnings`; 409 `order.illegal_transition` when the order cannot be submitted in its
    state. Without a body nothing is acknowledged.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | SubmitIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | OrderOut
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
    body: None | SubmitIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderOut]:
    """ Submit for provider review

     Runs the same pre-review as `GET …/findings`. 422 `order.has_errors` with the blocking `findings`
    while it finds errors; 422 `order.warnings_unacknowledged` while a warning's code is missing from
    `acknowledged_warnings`; 409 `order.illegal_transition` when the order cannot be submitted in its
    state. Without a body nothing is acknowledged.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | SubmitIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | OrderOut]
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
    body: None | SubmitIn | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderOut | None:
    """ Submit for provider review

     Runs the same pre-review as `GET …/findings`. 422 `order.has_errors` with the blocking `findings`
    while it finds errors; 422 `order.warnings_unacknowledged` while a warning's code is missing from
    `acknowledged_warnings`; 409 `order.illegal_transition` when the order cannot be submitted in its
    state. Without a body nothing is acknowledged.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (None | SubmitIn | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | OrderOut
     """


    return (await asyncio_detailed(
        order_id=order_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
