from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.platform_service_codes_list_state_type_0 import PlatformServiceCodesListStateType0
from ...models.service_code_page_out import ServiceCodePageOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    site_id: int | None | Unset = UNSET,
    state: None | PlatformServiceCodesListStateType0 | Unset = UNSET,
    organisation: str | Unset = '',
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_site_id: int | None | Unset
    if isinstance(site_id, Unset):
        json_site_id = UNSET
    else:
        json_site_id = site_id
    params["site_id"] = json_site_id

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, PlatformServiceCodesListStateType0):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    params["organisation"] = organisation

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/platform/service-codes",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | ServiceCodePageOut | None:
    if response.status_code == 200:
        response_200 = ServiceCodePageOut.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | ServiceCodePageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    site_id: int | None | Unset = UNSET,
    state: None | PlatformServiceCodesListStateType0 | Unset = UNSET,
    organisation: str | Unset = '',
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> Response[ErrorOut | ServiceCodePageOut]:
    """ Your organisations' service codes, in the order they were generated

     Filters: `site_id`, `state`, `organisation` (your account id; its own codes and those granted to
    it). Cursor pagination: pass `next_cursor` as `cursor` until it is null; 422
    `pagination.cursor_invalid`, `pagination.limit_invalid`.

    Args:
        site_id (int | None | Unset):
        state (None | PlatformServiceCodesListStateType0 | Unset):
        organisation (str | Unset):  Default: ''.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ServiceCodePageOut]
     """


    kwargs = _get_kwargs(
        site_id=site_id,
state=state,
organisation=organisation,
cursor=cursor,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    site_id: int | None | Unset = UNSET,
    state: None | PlatformServiceCodesListStateType0 | Unset = UNSET,
    organisation: str | Unset = '',
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> ErrorOut | ServiceCodePageOut | None:
    """ Your organisations' service codes, in the order they were generated

     Filters: `site_id`, `state`, `organisation` (your account id; its own codes and those granted to
    it). Cursor pagination: pass `next_cursor` as `cursor` until it is null; 422
    `pagination.cursor_invalid`, `pagination.limit_invalid`.

    Args:
        site_id (int | None | Unset):
        state (None | PlatformServiceCodesListStateType0 | Unset):
        organisation (str | Unset):  Default: ''.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ServiceCodePageOut
     """


    return sync_detailed(
        client=client,
site_id=site_id,
state=state,
organisation=organisation,
cursor=cursor,
limit=limit,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    site_id: int | None | Unset = UNSET,
    state: None | PlatformServiceCodesListStateType0 | Unset = UNSET,
    organisation: str | Unset = '',
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> Response[ErrorOut | ServiceCodePageOut]:
    """ Your organisations' service codes, in the order they were generated

     Filters: `site_id`, `state`, `organisation` (your account id; its own codes and those granted to
    it). Cursor pagination: pass `next_cursor` as `cursor` until it is null; 422
    `pagination.cursor_invalid`, `pagination.limit_invalid`.

    Args:
        site_id (int | None | Unset):
        state (None | PlatformServiceCodesListStateType0 | Unset):
        organisation (str | Unset):  Default: ''.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | ServiceCodePageOut]
     """


    kwargs = _get_kwargs(
        site_id=site_id,
state=state,
organisation=organisation,
cursor=cursor,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    site_id: int | None | Unset = UNSET,
    state: None | PlatformServiceCodesListStateType0 | Unset = UNSET,
    organisation: str | Unset = '',
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> ErrorOut | ServiceCodePageOut | None:
    """ Your organisations' service codes, in the order they were generated

     Filters: `site_id`, `state`, `organisation` (your account id; its own codes and those granted to
    it). Cursor pagination: pass `next_cursor` as `cursor` until it is null; 422
    `pagination.cursor_invalid`, `pagination.limit_invalid`.

    Args:
        site_id (int | None | Unset):
        state (None | PlatformServiceCodesListStateType0 | Unset):
        organisation (str | Unset):  Default: ''.
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | ServiceCodePageOut
     """


    return (await asyncio_detailed(
        client=client,
site_id=site_id,
state=state,
organisation=organisation,
cursor=cursor,
limit=limit,

    )).parsed
