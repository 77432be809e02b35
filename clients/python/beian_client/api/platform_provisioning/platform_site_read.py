from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.hosted_site_out import HostedSiteOut
from typing import cast



def _get_kwargs(
    organisation: str,
    external_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/platform/organisations/{organisation}/sites/{external_id}".format(organisation=quote(str(organisation), safe=""),external_id=quote(str(external_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HostedSiteOut | None:
    if response.status_code == 200:
        response_200 = HostedSiteOut.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HostedSiteOut]:
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

) -> Response[ErrorOut | HostedSiteOut]:
    """ Read a hosted site

    Args:
        organisation (str):
        external_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HostedSiteOut]
     """


    kwargs = _get_kwargs(
        organisation=organisation,
external_id=external_id,

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

) -> ErrorOut | HostedSiteOut | None:
    """ Read a hosted site

    Args:
        organisation (str):
        external_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HostedSiteOut
     """


    return sync_detailed(
        organisation=organisation,
external_id=external_id,
client=client,

    ).parsed

async def asyncio_detailed(
    organisation: str,
    external_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorOut | HostedSiteOut]:
    """ Read a hosted site

    Args:
        organisation (str):
        external_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HostedSiteOut]
     """


    kwargs = _get_kwargs(
        organisation=organisation,
external_id=external_id,

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

) -> ErrorOut | HostedSiteOut | None:
    """ Read a hosted site

    Args:
        organisation (str):
        external_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HostedSiteOut
     """


    return (await asyncio_detailed(
        organisation=organisation,
external_id=external_id,
client=client,

    )).parsed
