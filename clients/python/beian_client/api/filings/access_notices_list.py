from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.access_notice_out import AccessNoticeOut
from ...models.access_notices_list_status_type_0 import AccessNoticesListStatusType0
from ...models.error_out import ErrorOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: AccessNoticesListStatusType0 | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, AccessNoticesListStatusType0):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/access-notices",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | list[AccessNoticeOut] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in (_response_200):
            response_200_item = AccessNoticeOut.from_dict(response_200_item_data)



            response_200.append(response_200_item)

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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | list[AccessNoticeOut]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: AccessNoticesListStatusType0 | None | Unset = UNSET,

) -> Response[ErrorOut | list[AccessNoticeOut]]:
    """ Notices that we will cancel our access to a website of yours (取消接入)

     When a filed website is not rectified (resources expired, no longer hosted here, a failed check),
    the access provider notifies you with a `reason` and a `deadline`; only after the deadline may it
    file a cancel access, which blocks the website's domains here once the regulator approves. Every
    notice you were sent, newest first; `status` (`open`, `withdrawn`, `confirmed`, `resolved`) filters
    them. Read-only.

    Args:
        status (AccessNoticesListStatusType0 | None | Unset): Only notices in this status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | list[AccessNoticeOut]]
     """


    kwargs = _get_kwargs(
        status=status,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: AccessNoticesListStatusType0 | None | Unset = UNSET,

) -> ErrorOut | list[AccessNoticeOut] | None:
    """ Notices that we will cancel our access to a website of yours (取消接入)

     When a filed website is not rectified (resources expired, no longer hosted here, a failed check),
    the access provider notifies you with a `reason` and a `deadline`; only after the deadline may it
    file a cancel access, which blocks the website's domains here once the regulator approves. Every
    notice you were sent, newest first; `status` (`open`, `withdrawn`, `confirmed`, `resolved`) filters
    them. Read-only.

    Args:
        status (AccessNoticesListStatusType0 | None | Unset): Only notices in this status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | list[AccessNoticeOut]
     """


    return sync_detailed(
        client=client,
status=status,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: AccessNoticesListStatusType0 | None | Unset = UNSET,

) -> Response[ErrorOut | list[AccessNoticeOut]]:
    """ Notices that we will cancel our access to a website of yours (取消接入)

     When a filed website is not rectified (resources expired, no longer hosted here, a failed check),
    the access provider notifies you with a `reason` and a `deadline`; only after the deadline may it
    file a cancel access, which blocks the website's domains here once the regulator approves. Every
    notice you were sent, newest first; `status` (`open`, `withdrawn`, `confirmed`, `resolved`) filters
    them. Read-only.

    Args:
        status (AccessNoticesListStatusType0 | None | Unset): Only notices in this status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | list[AccessNoticeOut]]
     """


    kwargs = _get_kwargs(
        status=status,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: AccessNoticesListStatusType0 | None | Unset = UNSET,

) -> ErrorOut | list[AccessNoticeOut] | None:
    """ Notices that we will cancel our access to a website of yours (取消接入)

     When a filed website is not rectified (resources expired, no longer hosted here, a failed check),
    the access provider notifies you with a `reason` and a `deadline`; only after the deadline may it
    file a cancel access, which blocks the website's domains here once the regulator approves. Every
    notice you were sent, newest first; `status` (`open`, `withdrawn`, `confirmed`, `resolved`) filters
    them. Read-only.

    Args:
        status (AccessNoticesListStatusType0 | None | Unset): Only notices in this status.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | list[AccessNoticeOut]
     """


    return (await asyncio_detailed(
        client=client,
status=status,

    )).parsed
