from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.batch_out import BatchOut
from ...models.error_out import ErrorOut
from ...models.organisation_batch_in import OrganisationBatchIn
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: OrganisationBatchIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/platform/batch/organisations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> BatchOut | ErrorOut | None:
    if response.status_code == 200:
        response_200 = BatchOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[BatchOut | ErrorOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OrganisationBatchIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[BatchOut | ErrorOut]:
    """ Create or update up to 100 organisations

     Up to 100 items (more: 422 `provisioning.batch_too_large`), each upserted on its own as its PUT
    would: the answer says per item `created`, `updated`, `unchanged` or `error` (with the error, and
    the item changed nothing). One bad item does not stop the others. Repeating a batch is harmless
    (items answer `unchanged`).

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrganisationBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchOut | ErrorOut]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: OrganisationBatchIn,
    idempotency_key: None | str | Unset = UNSET,

) -> BatchOut | ErrorOut | None:
    """ Create or update up to 100 organisations

     Up to 100 items (more: 422 `provisioning.batch_too_large`), each upserted on its own as its PUT
    would: the answer says per item `created`, `updated`, `unchanged` or `error` (with the error, and
    the item changed nothing). One bad item does not stop the others. Repeating a batch is harmless
    (items answer `unchanged`).

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrganisationBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchOut | ErrorOut
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrganisationBatchIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[BatchOut | ErrorOut]:
    """ Create or update up to 100 organisations

     Up to 100 items (more: 422 `provisioning.batch_too_large`), each upserted on its own as its PUT
    would: the answer says per item `created`, `updated`, `unchanged` or `error` (with the error, and
    the item changed nothing). One bad item does not stop the others. Repeating a batch is harmless
    (items answer `unchanged`).

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrganisationBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BatchOut | ErrorOut]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrganisationBatchIn,
    idempotency_key: None | str | Unset = UNSET,

) -> BatchOut | ErrorOut | None:
    """ Create or update up to 100 organisations

     Up to 100 items (more: 422 `provisioning.batch_too_large`), each upserted on its own as its PUT
    would: the answer says per item `created`, `updated`, `unchanged` or `error` (with the error, and
    the item changed nothing). One bad item does not stop the others. Repeating a batch is harmless
    (items answer `unchanged`).

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (OrganisationBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BatchOut | ErrorOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
