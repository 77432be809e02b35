from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.generate_in import GenerateIn
from ...models.generated_out import GeneratedOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: GenerateIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/platform/service-codes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | GeneratedOut | None:
    if response.status_code == 201:
        response_201 = GeneratedOut.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | GeneratedOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | GeneratedOut]:
    """ Generate service codes for a hosted site

     `count` new codes for `site_id`, within the site's quota (reference data:
    `provider_resources.service_codes_per_resource`; a code holds a place while unused, in a filing or
    filed, and while void only when not refunded). 422 `service_code.quota_exceeded` (field `count`)
    when they do not all fit, nothing generated; `service_code.count_invalid` outside 1–100. 404 (field
    `site_id`) for a site that is not one of your organisations'. Answers the codes and the site's quota
    after.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GenerateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | GeneratedOut]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: GenerateIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | GeneratedOut | None:
    """ Generate service codes for a hosted site

     `count` new codes for `site_id`, within the site's quota (reference data:
    `provider_resources.service_codes_per_resource`; a code holds a place while unused, in a filing or
    filed, and while void only when not refunded). 422 `service_code.quota_exceeded` (field `count`)
    when they do not all fit, nothing generated; `service_code.count_invalid` outside 1–100. 404 (field
    `site_id`) for a site that is not one of your organisations'. Answers the codes and the site's quota
    after.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GenerateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | GeneratedOut
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | GeneratedOut]:
    """ Generate service codes for a hosted site

     `count` new codes for `site_id`, within the site's quota (reference data:
    `provider_resources.service_codes_per_resource`; a code holds a place while unused, in a filing or
    filed, and while void only when not refunded). 422 `service_code.quota_exceeded` (field `count`)
    when they do not all fit, nothing generated; `service_code.count_invalid` outside 1–100. 404 (field
    `site_id`) for a site that is not one of your organisations'. Answers the codes and the site's quota
    after.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GenerateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | GeneratedOut]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GenerateIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | GeneratedOut | None:
    """ Generate service codes for a hosted site

     `count` new codes for `site_id`, within the site's quota (reference data:
    `provider_resources.service_codes_per_resource`; a code holds a place while unused, in a filing or
    filed, and while void only when not refunded). 422 `service_code.quota_exceeded` (field `count`)
    when they do not all fit, nothing generated; `service_code.count_invalid` outside 1–100. 404 (field
    `site_id`) for a site that is not one of your organisations'. Answers the codes and the site's quota
    after.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (GenerateIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | GeneratedOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
