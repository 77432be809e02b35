from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.filing_footer_out import FilingFooterOut
from typing import cast



def _get_kwargs(
    number: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/filings/websites/{number}/footer".format(number=quote(str(number), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | FilingFooterOut | None:
    if response.status_code == 200:
        response_200 = FilingFooterOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | FilingFooterOut]:
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

) -> Response[ErrorOut | FilingFooterOut]:
    """ A filed website's footer (ICP number, public-security number) for pages you serve yourself

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Answers the footer
    generated from the record: `html` to paste at the bottom centre of the home page (the number linked
    to MIIT, rules §8.1; the public-security number with the emblem and its query link once entered,
    §8.2) and its `parts`. Hosted sites show it automatically. 404 for a website that is not your
    organisation's or no longer filed.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | FilingFooterOut]
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

) -> ErrorOut | FilingFooterOut | None:
    """ A filed website's footer (ICP number, public-security number) for pages you serve yourself

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Answers the footer
    generated from the record: `html` to paste at the bottom centre of the home page (the number linked
    to MIIT, rules §8.1; the public-security number with the emblem and its query link once entered,
    §8.2) and its `parts`. Hosted sites show it automatically. 404 for a website that is not your
    organisation's or no longer filed.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | FilingFooterOut
     """


    return sync_detailed(
        number=number,
client=client,

    ).parsed

async def asyncio_detailed(
    number: str,
    *,
    client: AuthenticatedClient,

) -> Response[ErrorOut | FilingFooterOut]:
    """ A filed website's footer (ICP number, public-security number) for pages you serve yourself

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Answers the footer
    generated from the record: `html` to paste at the bottom centre of the home page (the number linked
    to MIIT, rules §8.1; the public-security number with the emblem and its query link once entered,
    §8.2) and its `parts`. Hosted sites show it automatically. 404 for a website that is not your
    organisation's or no longer filed.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | FilingFooterOut]
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

) -> ErrorOut | FilingFooterOut | None:
    """ A filed website's footer (ICP number, public-security number) for pages you serve yourself

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). Answers the footer
    generated from the record: `html` to paste at the bottom centre of the home page (the number linked
    to MIIT, rules §8.1; the public-security number with the emblem and its query link once entered,
    §8.2) and its `parts`. Hosted sites show it automatically. 404 for a website that is not your
    organisation's or no longer filed.

    Args:
        number (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | FilingFooterOut
     """


    return (await asyncio_detailed(
        number=number,
client=client,

    )).parsed
