from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.user_page_out import UserPageOut
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    external_id_in: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    organisation: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    email: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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

    json_external_id_in: None | str | Unset
    if isinstance(external_id_in, Unset):
        json_external_id_in = UNSET
    else:
        json_external_id_in = external_id_in
    params["external_id__in"] = json_external_id_in

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_organisation: None | str | Unset
    if isinstance(organisation, Unset):
        json_organisation = UNSET
    else:
        json_organisation = organisation
    params["organisation"] = json_organisation

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_email: None | str | Unset
    if isinstance(email, Unset):
        json_email = UNSET
    else:
        json_email = email
    params["email"] = json_email


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/platform/users",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | UserPageOut | None:
    if response.status_code == 200:
        response_200 = UserPageOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | UserPageOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    external_id_in: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    organisation: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    email: None | str | Unset = UNSET,

) -> Response[ErrorOut | UserPageOut]:
    """ List the platform's users

     Paged like the organisations (`cursor`, `limit`, `next_cursor`).

    Args:
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).
        external_id_in (None | str | Unset): Comma-separated external ids (at most 100).
        updated_since (datetime.datetime | None | Unset): Only those changed (through
            provisioning) at or after this time (ISO 8601).
        organisation (None | str | Unset): Only members of this organisation (its external id).
        active (bool | None | Unset): Only active (true) or removed (false) users.
        email (None | str | Unset): Only the user with this e-mail address.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | UserPageOut]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
limit=limit,
external_id_in=external_id_in,
updated_since=updated_since,
organisation=organisation,
active=active,
email=email,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    external_id_in: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    organisation: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    email: None | str | Unset = UNSET,

) -> ErrorOut | UserPageOut | None:
    """ List the platform's users

     Paged like the organisations (`cursor`, `limit`, `next_cursor`).

    Args:
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).
        external_id_in (None | str | Unset): Comma-separated external ids (at most 100).
        updated_since (datetime.datetime | None | Unset): Only those changed (through
            provisioning) at or after this time (ISO 8601).
        organisation (None | str | Unset): Only members of this organisation (its external id).
        active (bool | None | Unset): Only active (true) or removed (false) users.
        email (None | str | Unset): Only the user with this e-mail address.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | UserPageOut
     """


    return sync_detailed(
        client=client,
cursor=cursor,
limit=limit,
external_id_in=external_id_in,
updated_since=updated_since,
organisation=organisation,
active=active,
email=email,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    external_id_in: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    organisation: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    email: None | str | Unset = UNSET,

) -> Response[ErrorOut | UserPageOut]:
    """ List the platform's users

     Paged like the organisations (`cursor`, `limit`, `next_cursor`).

    Args:
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).
        external_id_in (None | str | Unset): Comma-separated external ids (at most 100).
        updated_since (datetime.datetime | None | Unset): Only those changed (through
            provisioning) at or after this time (ISO 8601).
        organisation (None | str | Unset): Only members of this organisation (its external id).
        active (bool | None | Unset): Only active (true) or removed (false) users.
        email (None | str | Unset): Only the user with this e-mail address.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | UserPageOut]
     """


    kwargs = _get_kwargs(
        cursor=cursor,
limit=limit,
external_id_in=external_id_in,
updated_since=updated_since,
organisation=organisation,
active=active,
email=email,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    external_id_in: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    organisation: None | str | Unset = UNSET,
    active: bool | None | Unset = UNSET,
    email: None | str | Unset = UNSET,

) -> ErrorOut | UserPageOut | None:
    """ List the platform's users

     Paged like the organisations (`cursor`, `limit`, `next_cursor`).

    Args:
        cursor (None | str | Unset): The `next_cursor` of the previous page, unchanged; none for
            the first page.
        limit (int | None | Unset): Items per page, 1 to 100 (default 50).
        external_id_in (None | str | Unset): Comma-separated external ids (at most 100).
        updated_since (datetime.datetime | None | Unset): Only those changed (through
            provisioning) at or after this time (ISO 8601).
        organisation (None | str | Unset): Only members of this organisation (its external id).
        active (bool | None | Unset): Only active (true) or removed (false) users.
        email (None | str | Unset): Only the user with this e-mail address.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | UserPageOut
     """


    return (await asyncio_detailed(
        client=client,
cursor=cursor,
limit=limit,
external_id_in=external_id_in,
updated_since=updated_since,
organisation=organisation,
active=active,
email=email,

    )).parsed
