from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.hosted_site_in import HostedSiteIn
from ...models.hosted_site_put_out import HostedSitePutOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    organisation: str,
    external_id: str,
    *,
    body: HostedSiteIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/platform/organisations/{organisation}/sites/{external_id}".format(organisation=quote(str(organisation), safe=""),external_id=quote(str(external_id), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HostedSitePutOut | None:
    if response.status_code == 200:
        response_200 = HostedSitePutOut.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = HostedSitePutOut.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HostedSitePutOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    organisation: str,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: HostedSiteIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | HostedSitePutOut]:
    """ Create or update a hosted site

     201 when made, 200 otherwise. With `domains`, the site answers on exactly those (all or nothing).
    409 `provisioning.slug_taken`, `provisioning.domain_taken`, `provisioning.domain_filed`,
    `provisioning.site_in_other_organisation`.

    Args:
        organisation (str):
        external_id (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (HostedSiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HostedSitePutOut]
     """


    kwargs = _get_kwargs(
        organisation=organisation,
external_id=external_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    organisation: str,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: HostedSiteIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | HostedSitePutOut | None:
    """ Create or update a hosted site

     201 when made, 200 otherwise. With `domains`, the site answers on exactly those (all or nothing).
    409 `provisioning.slug_taken`, `provisioning.domain_taken`, `provisioning.domain_filed`,
    `provisioning.site_in_other_organisation`.

    Args:
        organisation (str):
        external_id (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (HostedSiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HostedSitePutOut
     """


    return sync_detailed(
        organisation=organisation,
external_id=external_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    organisation: str,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: HostedSiteIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | HostedSitePutOut]:
    """ Create or update a hosted site

     201 when made, 200 otherwise. With `domains`, the site answers on exactly those (all or nothing).
    409 `provisioning.slug_taken`, `provisioning.domain_taken`, `provisioning.domain_filed`,
    `provisioning.site_in_other_organisation`.

    Args:
        organisation (str):
        external_id (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (HostedSiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HostedSitePutOut]
     """


    kwargs = _get_kwargs(
        organisation=organisation,
external_id=external_id,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    organisation: str,
    external_id: str,
    *,
    client: AuthenticatedClient,
    body: HostedSiteIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | HostedSitePutOut | None:
    """ Create or update a hosted site

     201 when made, 200 otherwise. With `domains`, the site answers on exactly those (all or nothing).
    409 `provisioning.slug_taken`, `provisioning.domain_taken`, `provisioning.domain_filed`,
    `provisioning.site_in_other_organisation`.

    Args:
        organisation (str):
        external_id (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (HostedSiteIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HostedSitePutOut
     """


    return (await asyncio_detailed(
        organisation=organisation,
external_id=external_id,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
