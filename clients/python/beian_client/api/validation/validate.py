from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.precheck_out import PrecheckOut
from ...models.validate_payload import ValidatePayload
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: ValidatePayload,
    complete: bool | Unset = False,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    params["complete"] = complete


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/validate",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | PrecheckOut | None:
    if response.status_code == 200:
        response_200 = PrecheckOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | PrecheckOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ValidatePayload,
    complete: bool | Unset = False,

) -> Response[ErrorOut | PrecheckOut]:
    """ Validate a partial or full order (the rules engine's JSON shape)

     Body: an order as in `python -m beian.rules validate --schema`. `?complete=1` also reports required
    fields that are empty. Returns every finding with its stable code. What is already filed for the
    subject's certificate and the websites' domains is looked up exactly as when an order is created,
    edited in the wizard or submitted (the body's `existing` is ignored), so all give the same answer.

    Args:
        complete (bool | Unset):  Default: False.
        body (ValidatePayload): An order in the rules engine's JSON shape (see `python -m
            beian.rules validate --schema`): `subject`, `websites` (a list) and their principals,
            partial or complete.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | PrecheckOut]
     """


    kwargs = _get_kwargs(
        body=body,
complete=complete,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: ValidatePayload,
    complete: bool | Unset = False,

) -> ErrorOut | PrecheckOut | None:
    """ Validate a partial or full order (the rules engine's JSON shape)

     Body: an order as in `python -m beian.rules validate --schema`. `?complete=1` also reports required
    fields that are empty. Returns every finding with its stable code. What is already filed for the
    subject's certificate and the websites' domains is looked up exactly as when an order is created,
    edited in the wizard or submitted (the body's `existing` is ignored), so all give the same answer.

    Args:
        complete (bool | Unset):  Default: False.
        body (ValidatePayload): An order in the rules engine's JSON shape (see `python -m
            beian.rules validate --schema`): `subject`, `websites` (a list) and their principals,
            partial or complete.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | PrecheckOut
     """


    return sync_detailed(
        client=client,
body=body,
complete=complete,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ValidatePayload,
    complete: bool | Unset = False,

) -> Response[ErrorOut | PrecheckOut]:
    """ Validate a partial or full order (the rules engine's JSON shape)

     Body: an order as in `python -m beian.rules validate --schema`. `?complete=1` also reports required
    fields that are empty. Returns every finding with its stable code. What is already filed for the
    subject's certificate and the websites' domains is looked up exactly as when an order is created,
    edited in the wizard or submitted (the body's `existing` is ignored), so all give the same answer.

    Args:
        complete (bool | Unset):  Default: False.
        body (ValidatePayload): An order in the rules engine's JSON shape (see `python -m
            beian.rules validate --schema`): `subject`, `websites` (a list) and their principals,
            partial or complete.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | PrecheckOut]
     """


    kwargs = _get_kwargs(
        body=body,
complete=complete,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ValidatePayload,
    complete: bool | Unset = False,

) -> ErrorOut | PrecheckOut | None:
    """ Validate a partial or full order (the rules engine's JSON shape)

     Body: an order as in `python -m beian.rules validate --schema`. `?complete=1` also reports required
    fields that are empty. Returns every finding with its stable code. What is already filed for the
    subject's certificate and the websites' domains is looked up exactly as when an order is created,
    edited in the wizard or submitted (the body's `existing` is ignored), so all give the same answer.

    Args:
        complete (bool | Unset):  Default: False.
        body (ValidatePayload): An order in the rules engine's JSON shape (see `python -m
            beian.rules validate --schema`): `subject`, `websites` (a list) and their principals,
            partial or complete.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | PrecheckOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
complete=complete,

    )).parsed
