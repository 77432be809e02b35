from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.order_update_out import OrderUpdateOut
from ...models.orders_update_payload import OrdersUpdatePayload
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    order_id: int,
    *,
    body: OrdersUpdatePayload,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orders/{order_id}".format(order_id=quote(str(order_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | OrderUpdateOut | None:
    if response.status_code == 200:
        response_200 = OrderUpdateOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | OrderUpdateOut]:
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
    body: OrdersUpdatePayload,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderUpdateOut]:
    """ Update draft fields (nested JSON, partial)

     Send any subset of the fields in `editable_fields`, nested as in `data`. The answer carries the
    rules' findings about the fields sent (errors here do not refuse the update; submit does). 403
    `field.locked` for a field that may not be changed now, 422 `field.unknown` / `field.invalid`.
    `websites` is a list: every website sent is stored (websites the order lacks are added); more
    websites than `max_websites` answer 422 `order.too_many_websites` and change nothing.

    A change of a filed record opens only what its type may change (the province, nature, certificate
    and a website's main domain never change: 403 `field.locked`); a website change adds or removes a
    website's other domains with `websites[i].other_domains`. Its findings come from the same pre-review
    as submit (`change.*`), about the fields sent.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrdersUpdatePayload): Any subset of the order's fields, nested. A field the order
            does not have answers 422 `field.unknown`, a field that may not be changed now 403
            `field.locked`, a value of the wrong type 422 `field.invalid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | OrderUpdateOut]
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
    body: OrdersUpdatePayload,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderUpdateOut | None:
    """ Update draft fields (nested JSON, partial)

     Send any subset of the fields in `editable_fields`, nested as in `data`. The answer carries the
    rules' findings about the fields sent (errors here do not refuse the update; submit does). 403
    `field.locked` for a field that may not be changed now, 422 `field.unknown` / `field.invalid`.
    `websites` is a list: every website sent is stored (websites the order lacks are added); more
    websites than `max_websites` answer 422 `order.too_many_websites` and change nothing.

    A change of a filed record opens only what its type may change (the province, nature, certificate
    and a website's main domain never change: 403 `field.locked`); a website change adds or removes a
    website's other domains with `websites[i].other_domains`. Its findings come from the same pre-review
    as submit (`change.*`), about the fields sent.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrdersUpdatePayload): Any subset of the order's fields, nested. A field the order
            does not have answers 422 `field.unknown`, a field that may not be changed now 403
            `field.locked`, a value of the wrong type 422 `field.invalid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | OrderUpdateOut
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
    body: OrdersUpdatePayload,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderUpdateOut]:
    """ Update draft fields (nested JSON, partial)

     Send any subset of the fields in `editable_fields`, nested as in `data`. The answer carries the
    rules' findings about the fields sent (errors here do not refuse the update; submit does). 403
    `field.locked` for a field that may not be changed now, 422 `field.unknown` / `field.invalid`.
    `websites` is a list: every website sent is stored (websites the order lacks are added); more
    websites than `max_websites` answer 422 `order.too_many_websites` and change nothing.

    A change of a filed record opens only what its type may change (the province, nature, certificate
    and a website's main domain never change: 403 `field.locked`); a website change adds or removes a
    website's other domains with `websites[i].other_domains`. Its findings come from the same pre-review
    as submit (`change.*`), about the fields sent.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrdersUpdatePayload): Any subset of the order's fields, nested. A field the order
            does not have answers 422 `field.unknown`, a field that may not be changed now 403
            `field.locked`, a value of the wrong type 422 `field.invalid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | OrderUpdateOut]
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
    body: OrdersUpdatePayload,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderUpdateOut | None:
    """ Update draft fields (nested JSON, partial)

     Send any subset of the fields in `editable_fields`, nested as in `data`. The answer carries the
    rules' findings about the fields sent (errors here do not refuse the update; submit does). 403
    `field.locked` for a field that may not be changed now, 422 `field.unknown` / `field.invalid`.
    `websites` is a list: every website sent is stored (websites the order lacks are added); more
    websites than `max_websites` answer 422 `order.too_many_websites` and change nothing.

    A change of a filed record opens only what its type may change (the province, nature, certificate
    and a website's main domain never change: 403 `field.locked`); a website change adds or removes a
    website's other domains with `websites[i].other_domains`. Its findings come from the same pre-review
    as submit (`change.*`), about the fields sent.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrdersUpdatePayload): Any subset of the order's fields, nested. A field the order
            does not have answers 422 `field.unknown`, a field that may not be changed now 403
            `field.locked`, a value of the wrong type 422 `field.invalid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | OrderUpdateOut
     """


    return (await asyncio_detailed(
        order_id=order_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
