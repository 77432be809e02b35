from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.website_filing_detail_out import WebsiteFilingDetailOut
from typing import cast



def _get_kwargs(
    number: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/filings/websites/{number}".format(number=quote(str(number), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | WebsiteFilingDetailOut | None:
    if response.status_code == 200:
        response_200 = WebsiteFilingDetailOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | WebsiteFilingDetailOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    number: str,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorOut | WebsiteFilingDetailOut]:
    """ One filed website record by its number, with its history

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Active or cancelled:
    its domains (and those removed, with when), access records (ended ones with `until`), its subject,
    its history (each change with the order that made it, the field paths it changed, the domains it
    filed or removed and a cancellation's reason) and the compliance monitor's open `risks`. 404
    `filing.not_found` for a number that is not one of your records. No personal data.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | WebsiteFilingDetailOut]
     """


    kwargs = _get_kwargs(
        number=number,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    number: str,
    *,
    client: AuthenticatedClient,

) -> ErrorOut | WebsiteFilingDetailOut | None:
    """ One filed website record by its number, with its history

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Active or cancelled:
    its domains (and those removed, with when), access records (ended ones with `until`), its subject,
    its history (each change with the order that made it, the field paths it changed, the domains it
    filed or removed and a cancellation's reason) and the compliance monitor's open `risks`. 404
    `filing.not_found` for a number that is not one of your records. No personal data.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | WebsiteFilingDetailOut
     """


    return sync_detailed(
        number=number,
client=client,

    ).parsed

async def asyncio_detailed(
    number: str,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorOut | WebsiteFilingDetailOut]:
    """ One filed website record by its number, with its history

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Active or cancelled:
    its domains (and those removed, with when), access records (ended ones with `until`), its subject,
    its history (each change with the order that made it, the field paths it changed, the domains it
    filed or removed and a cancellation's reason) and the compliance monitor's open `risks`. 404
    `filing.not_found` for a number that is not one of your records. No personal data.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | WebsiteFilingDetailOut]
     """


    kwargs = _get_kwargs(
        number=number,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    number: str,
    *,
    client: AuthenticatedClient,

) -> ErrorOut | WebsiteFilingDetailOut | None:
    """ One filed website record by its number, with its history

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Active or cancelled:
    its domains (and those removed, with when), access records (ended ones with `until`), its subject,
    its history (each change with the order that made it, the field paths it changed, the domains it
    filed or removed and a cancellation's reason) and the compliance monitor's open `risks`. 404
    `filing.not_found` for a number that is not one of your records. No personal data.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | WebsiteFilingDetailOut
     """


    return (await asyncio_detailed(
        number=number,
client=client,

    )).parsed
