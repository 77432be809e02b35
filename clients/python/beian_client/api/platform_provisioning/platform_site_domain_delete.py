from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.removed_out import RemovedOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    organisation: str,
    site: str,
    domain: str,
    *,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/api/v1/platform/organisations/{organisation}/sites/{site}/domains/{domain}".format(organisation=quote(str(organisation), safe=""),site=quote(str(site), safe=""),domain=quote(str(domain), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | RemovedOut | None:
    if response.status_code == 200:
        response_200 = RemovedOut.from_dict(response.json())



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

    if response.status_code == 429:
        response_429 = ErrorOut.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | RemovedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organisation: str,
    site: str,
    domain: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | RemovedOut]:
    """ Take a domain off a hosted site

     409 `provisioning.domain_filed` for a domain filed with our access: removing it from the filing
    takes a website change (or a cancellation) first.

    Args:
        organisation (str):
        site (str):
        domain (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | RemovedOut]
     """


    kwargs = _get_kwargs(
        organisation=organisation,
site=site,
domain=domain,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    organisation: str,
    site: str,
    domain: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | RemovedOut | None:
    """ Take a domain off a hosted site

     409 `provisioning.domain_filed` for a domain filed with our access: removing it from the filing
    takes a website change (or a cancellation) first.

    Args:
        organisation (str):
        site (str):
        domain (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | RemovedOut
     """


    return sync_detailed(
        organisation=organisation,
site=site,
domain=domain,
client=client,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    organisation: str,
    site: str,
    domain: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | RemovedOut]:
    """ Take a domain off a hosted site

     409 `provisioning.domain_filed` for a domain filed with our access: removing it from the filing
    takes a website change (or a cancellation) first.

    Args:
        organisation (str):
        site (str):
        domain (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | RemovedOut]
     """


    kwargs = _get_kwargs(
        organisation=organisation,
site=site,
domain=domain,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    organisation: str,
    site: str,
    domain: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | RemovedOut | None:
    """ Take a domain off a hosted site

     409 `provisioning.domain_filed` for a domain filed with our access: removing it from the filing
    takes a website change (or a cancellation) first.

    Args:
        organisation (str):
        site (str):
        domain (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | RemovedOut
     """


    return (await asyncio_detailed(
        organisation=organisation,
site=site,
domain=domain,
client=client,
idempotency_key=idempotency_key,

    )).parsed
