from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.token_in import TokenIn
from ...models.token_out import TokenOut
from typing import cast



def _get_kwargs(
    *,
    body: TokenIn,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/auth/token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | TokenOut | None:
    if response.status_code == 200:
        response_200 = TokenOut.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = ErrorOut.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = ErrorOut.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | TokenOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenIn,

) -> Response[ErrorOut | TokenOut]:
    """ Exchange a username and password for a bearer token

     401 `invalid_credentials` when the username or password is wrong. A staff account with two-step
    verification on must send its authenticator's code in `otp`: 401 `auth.otp_required` without it, 400
    `two_factor.code_wrong` (or 429 `two_factor.throttled`) for a wrong one. After too many wrong
    passwords for a username from one address, 429 `auth.locked_out` (even with the right password)
    until the time the message names; `Retry-After` gives the seconds. The token expires at
    `expires_at`.

    Args:
        body (TokenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | TokenOut]
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
    client: AuthenticatedClient | Client,
    body: TokenIn,

) -> ErrorOut | TokenOut | None:
    """ Exchange a username and password for a bearer token

     401 `invalid_credentials` when the username or password is wrong. A staff account with two-step
    verification on must send its authenticator's code in `otp`: 401 `auth.otp_required` without it, 400
    `two_factor.code_wrong` (or 429 `two_factor.throttled`) for a wrong one. After too many wrong
    passwords for a username from one address, 429 `auth.locked_out` (even with the right password)
    until the time the message names; `Retry-After` gives the seconds. The token expires at
    `expires_at`.

    Args:
        body (TokenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | TokenOut
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenIn,

) -> Response[ErrorOut | TokenOut]:
    """ Exchange a username and password for a bearer token

     401 `invalid_credentials` when the username or password is wrong. A staff account with two-step
    verification on must send its authenticator's code in `otp`: 401 `auth.otp_required` without it, 400
    `two_factor.code_wrong` (or 429 `two_factor.throttled`) for a wrong one. After too many wrong
    passwords for a username from one address, 429 `auth.locked_out` (even with the right password)
    until the time the message names; `Retry-After` gives the seconds. The token expires at
    `expires_at`.

    Args:
        body (TokenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | TokenOut]
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
    client: AuthenticatedClient | Client,
    body: TokenIn,

) -> ErrorOut | TokenOut | None:
    """ Exchange a username and password for a bearer token

     401 `invalid_credentials` when the username or password is wrong. A staff account with two-step
    verification on must send its authenticator's code in `otp`: 401 `auth.otp_required` without it, 400
    `two_factor.code_wrong` (or 429 `two_factor.throttled`) for a wrong one. After too many wrong
    passwords for a username from one address, 429 `auth.locked_out` (even with the right password)
    until the time the message names; `Retry-After` gives the seconds. The token expires at
    `expires_at`.

    Args:
        body (TokenIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | TokenOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
