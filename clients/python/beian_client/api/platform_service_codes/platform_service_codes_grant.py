from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.grant_in import GrantIn
from ...models.service_code_out import ServiceCodeOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    code: str,
    *,
    body: GrantIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/platform/service-codes/{code}/grant".format(code=quote(str(code), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | ServiceCodeOut | None:
    if response.status_code == 200:
        response_200 = ServiceCodeOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | ServiceCodeOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: GrantIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | ServiceCodeOut]:
    """ Let another of your accounts file with this code

     The account files with the code's site as its resource (the wizard or `POST /api/v1/orders` with the
    code and no site). Only an unused code: 409 `service_code.in_use`, `.filed`, `.void`. 403
    `service_code.grant_not_allowed` where reference data does not allow cross-account grants. The
    code's own organisation takes the grant back. 404 (field `organisation`) for an account that is not
    yours.

    Args:
        code (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GrantIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ServiceCodeOut]
     """


    kwargs = _get_kwargs(
        code=code,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: GrantIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | ServiceCodeOut | None:
    """ Let another of your accounts file with this code

     The account files with the code's site as its resource (the wizard or `POST /api/v1/orders` with the
    code and no site). Only an unused code: 409 `service_code.in_use`, `.filed`, `.void`. 403
    `service_code.grant_not_allowed` where reference data does not allow cross-account grants. The
    code's own organisation takes the grant back. 404 (field `organisation`) for an account that is not
    yours.

    Args:
        code (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GrantIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ServiceCodeOut
     """


    return sync_detailed(
        code=code,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: GrantIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | ServiceCodeOut]:
    """ Let another of your accounts file with this code

     The account files with the code's site as its resource (the wizard or `POST /api/v1/orders` with the
    code and no site). Only an unused code: 409 `service_code.in_use`, `.filed`, `.void`. 403
    `service_code.grant_not_allowed` where reference data does not allow cross-account grants. The
    code's own organisation takes the grant back. 404 (field `organisation`) for an account that is not
    yours.

    Args:
        code (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GrantIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ServiceCodeOut]
     """


    kwargs = _get_kwargs(
        code=code,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: GrantIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | ServiceCodeOut | None:
    """ Let another of your accounts file with this code

     The account files with the code's site as its resource (the wizard or `POST /api/v1/orders` with the
    code and no site). Only an unused code: 409 `service_code.in_use`, `.filed`, `.void`. 403
    `service_code.grant_not_allowed` where reference data does not allow cross-account grants. The
    code's own organisation takes the grant back. 404 (field `organisation`) for an account that is not
    yours.

    Args:
        code (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GrantIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ServiceCodeOut
     """


    return (await asyncio_detailed(
        code=code,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
