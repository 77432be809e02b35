from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.launch_link_in import LaunchLinkIn
from ...models.launch_link_out import LaunchLinkOut
from typing import cast



def _get_kwargs(
    *,
    body: LaunchLinkIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/platform/launch-links",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | LaunchLinkOut | None:
    if response.status_code == 201:
        response_201 = LaunchLinkOut.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | LaunchLinkOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: LaunchLinkIn,

) -> Response[ErrorOut | LaunchLinkOut]:
    """ Create a launch link (the 备案 button)

     A URL that signs the user in and lands on the site's filing: the order given, else the site's
    open order, else its filed record, else a new filing. A user we have not seen yet is made on
    first use and joins the site's account. Each call returns a new link; nothing else changes.

    Args:
        body (LaunchLinkIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | LaunchLinkOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: LaunchLinkIn,

) -> ErrorOut | LaunchLinkOut | None:
    """ Create a launch link (the 备案 button)

     A URL that signs the user in and lands on the site's filing: the order given, else the site's
    open order, else its filed record, else a new filing. A user we have not seen yet is made on
    first use and joins the site's account. Each call returns a new link; nothing else changes.

    Args:
        body (LaunchLinkIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | LaunchLinkOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: LaunchLinkIn,

) -> Response[ErrorOut | LaunchLinkOut]:
    """ Create a launch link (the 备案 button)

     A URL that signs the user in and lands on the site's filing: the order given, else the site's
    open order, else its filed record, else a new filing. A user we have not seen yet is made on
    first use and joins the site's account. Each call returns a new link; nothing else changes.

    Args:
        body (LaunchLinkIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | LaunchLinkOut]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: LaunchLinkIn,

) -> ErrorOut | LaunchLinkOut | None:
    """ Create a launch link (the 备案 button)

     A URL that signs the user in and lands on the site's filing: the order given, else the site's
    open order, else its filed record, else a new filing. A user we have not seen yet is made on
    first use and joins the site's account. Each call returns a new link; nothing else changes.

    Args:
        body (LaunchLinkIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | LaunchLinkOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
