from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.delivery_page_out import DeliveryPageOut
from ...models.error_out import ErrorOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: str | Unset = '',
    event_type: str | Unset = '',
    endpoint_id: int | None | Unset = UNSET,
    order_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["status"] = status

    params["event_type"] = event_type

    json_endpoint_id: int | None | Unset
    if isinstance(endpoint_id, Unset):
        json_endpoint_id = UNSET
    else:
        json_endpoint_id = endpoint_id
    params["endpoint_id"] = json_endpoint_id

    json_order_id: int | None | Unset
    if isinstance(order_id, Unset):
        json_order_id = UNSET
    else:
        json_order_id = order_id
    params["order_id"] = json_order_id

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/platform/webhooks/deliveries",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DeliveryPageOut | ErrorOut | None:
    if response.status_code == 200:
        response_200 = DeliveryPageOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DeliveryPageOut | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: str | Unset = '',
    event_type: str | Unset = '',
    endpoint_id: int | None | Unset = UNSET,
    order_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> Response[DeliveryPageOut | ErrorOut]:
    """ Deliveries

     The delivery log, newest first, one page at a time (`next_cursor`).

    Args:
        status (str | Unset): waiting, pending, sending, failed, succeeded or dead. Default: ''.
        event_type (str | Unset):  Default: ''.
        endpoint_id (int | None | Unset):
        order_id (int | None | Unset): The deliveries of one order's events.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPageOut | ErrorOut]
     """


    kwargs = _get_kwargs(
        status=status,
event_type=event_type,
endpoint_id=endpoint_id,
order_id=order_id,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: str | Unset = '',
    event_type: str | Unset = '',
    endpoint_id: int | None | Unset = UNSET,
    order_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> DeliveryPageOut | ErrorOut | None:
    """ Deliveries

     The delivery log, newest first, one page at a time (`next_cursor`).

    Args:
        status (str | Unset): waiting, pending, sending, failed, succeeded or dead. Default: ''.
        event_type (str | Unset):  Default: ''.
        endpoint_id (int | None | Unset):
        order_id (int | None | Unset): The deliveries of one order's events.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPageOut | ErrorOut
     """


    return sync_detailed(
        client=client,
status=status,
event_type=event_type,
endpoint_id=endpoint_id,
order_id=order_id,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: str | Unset = '',
    event_type: str | Unset = '',
    endpoint_id: int | None | Unset = UNSET,
    order_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> Response[DeliveryPageOut | ErrorOut]:
    """ Deliveries

     The delivery log, newest first, one page at a time (`next_cursor`).

    Args:
        status (str | Unset): waiting, pending, sending, failed, succeeded or dead. Default: ''.
        event_type (str | Unset):  Default: ''.
        endpoint_id (int | None | Unset):
        order_id (int | None | Unset): The deliveries of one order's events.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryPageOut | ErrorOut]
     """


    kwargs = _get_kwargs(
        status=status,
event_type=event_type,
endpoint_id=endpoint_id,
order_id=order_id,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: str | Unset = '',
    event_type: str | Unset = '',
    endpoint_id: int | None | Unset = UNSET,
    order_id: int | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> DeliveryPageOut | ErrorOut | None:
    """ Deliveries

     The delivery log, newest first, one page at a time (`next_cursor`).

    Args:
        status (str | Unset): waiting, pending, sending, failed, succeeded or dead. Default: ''.
        event_type (str | Unset):  Default: ''.
        endpoint_id (int | None | Unset):
        order_id (int | None | Unset): The deliveries of one order's events.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryPageOut | ErrorOut
     """


    return (await asyncio_detailed(
        client=client,
status=status,
event_type=event_type,
endpoint_id=endpoint_id,
order_id=order_id,
cursor=cursor,
limit=limit,

    )).parsed
