from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.order_request_in import OrderRequestIn
from ...models.order_update_out import OrderUpdateOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    order_id: int,
    *,
    body: OrderRequestIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/orders/{order_id}/request".format(order_id=quote(str(order_id), safe=""),),
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
    body: OrderRequestIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderUpdateOut]:
    """ Set a change or cancellation's reason, typed confirmation or new hosted site

     For an order against a filed record (`CHANGE_*`, `CANCEL_*`): the cancellation's `reason_code` (from
    `GET /api/v1/cancellation-reasons`) and `reason_note`, the `confirmation` an irreversible
    cancellation asks to be typed, and for `CHANGE_ACCESS` the `hosted_site_id` that serves the website
    once approved. Keys left out keep their value. The answer is the order with the pre-review's
    findings about what was sent (`cancel.reason.*`, `cancel.confirmation.mismatch`,
    `change.access.nothing_changed`); submit refuses while they are errors. 422 `order.not_record_type`
    for another type, `order.not_change_access` for a hosted site on another type; 403
    `order.not_editable` once submitted; 404 for a site that is not yours.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrderRequestIn): What a change or cancellation asks beyond the fields. Every key is
            optional; a key left out (or null)
            keeps its value, an empty string clears it.

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
    body: OrderRequestIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderUpdateOut | None:
    """ Set a change or cancellation's reason, typed confirmation or new hosted site

     For an order against a filed record (`CHANGE_*`, `CANCEL_*`): the cancellation's `reason_code` (from
    `GET /api/v1/cancellation-reasons`) and `reason_note`, the `confirmation` an irreversible
    cancellation asks to be typed, and for `CHANGE_ACCESS` the `hosted_site_id` that serves the website
    once approved. Keys left out keep their value. The answer is the order with the pre-review's
    findings about what was sent (`cancel.reason.*`, `cancel.confirmation.mismatch`,
    `change.access.nothing_changed`); submit refuses while they are errors. 422 `order.not_record_type`
    for another type, `order.not_change_access` for a hosted site on another type; 403
    `order.not_editable` once submitted; 404 for a site that is not yours.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrderRequestIn): What a change or cancellation asks beyond the fields. Every key is
            optional; a key left out (or null)
            keeps its value, an empty string clears it.

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
    body: OrderRequestIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderUpdateOut]:
    """ Set a change or cancellation's reason, typed confirmation or new hosted site

     For an order against a filed record (`CHANGE_*`, `CANCEL_*`): the cancellation's `reason_code` (from
    `GET /api/v1/cancellation-reasons`) and `reason_note`, the `confirmation` an irreversible
    cancellation asks to be typed, and for `CHANGE_ACCESS` the `hosted_site_id` that serves the website
    once approved. Keys left out keep their value. The answer is the order with the pre-review's
    findings about what was sent (`cancel.reason.*`, `cancel.confirmation.mismatch`,
    `change.access.nothing_changed`); submit refuses while they are errors. 422 `order.not_record_type`
    for another type, `order.not_change_access` for a hosted site on another type; 403
    `order.not_editable` once submitted; 404 for a site that is not yours.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrderRequestIn): What a change or cancellation asks beyond the fields. Every key is
            optional; a key left out (or null)
            keeps its value, an empty string clears it.

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
    body: OrderRequestIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderUpdateOut | None:
    """ Set a change or cancellation's reason, typed confirmation or new hosted site

     For an order against a filed record (`CHANGE_*`, `CANCEL_*`): the cancellation's `reason_code` (from
    `GET /api/v1/cancellation-reasons`) and `reason_note`, the `confirmation` an irreversible
    cancellation asks to be typed, and for `CHANGE_ACCESS` the `hosted_site_id` that serves the website
    once approved. Keys left out keep their value. The answer is the order with the pre-review's
    findings about what was sent (`cancel.reason.*`, `cancel.confirmation.mismatch`,
    `change.access.nothing_changed`); submit refuses while they are errors. 422 `order.not_record_type`
    for another type, `order.not_change_access` for a hosted site on another type; 403
    `order.not_editable` once submitted; 404 for a site that is not yours.

    Args:
        order_id (int):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrderRequestIn): What a change or cancellation asks beyond the fields. Every key is
            optional; a key left out (or null)
            keeps its value, an empty string clears it.

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
