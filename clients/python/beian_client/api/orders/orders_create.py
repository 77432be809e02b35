from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.create_order_in import CreateOrderIn
from ...models.error_out import ErrorOut
from ...models.order_out import OrderOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: CreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | OrderOut | None:
    if response.status_code == 200:
        response_200 = OrderOut.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = OrderOut.from_dict(response.json())



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

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | OrderOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderOut]:
    """ Start a filing (a draft) for a hosted site or for domains

     With the verify inputs (`province`, `nature`, `certificate_type`, `certificate_number`, `domains`)
    the filing type is detected as the regulator does it: the subject by its certificate and each
    domain, in our records and the regulator's records of other providers' filings. A requested
    `filing_type` that detection contradicts, a domain filed under another subject, a subject filed with
    us under another account and the like answer 422 with the reason's code and a message naming the
    right path; `order.filing_type.lookup_unavailable`: try again. Without them (first API version): the
    site's primary domain, the type from your organisation's records (`FIRST_FILING` or `NEW_WEBSITE`).

    One open order per target (its domains; a site without a domain: the site): when your organisation
    already has an open order for it, that order is returned with 200 instead of a new one (201). 422
    `order.domain_in_pipeline` / `order.subject_in_pipeline` while a domain or the subject is in another
    filing in progress (any account). 404 `not_found` (field `site_id`) when the site is not one of
    yours.

    **Service code** (备案服务码): `service_code` binds the site's code to the new filing; while the operator
    requires one, a new filing without it answers 422 `service_code.required` (an open order is still
    returned).

    **A change or cancellation of a filed record**: `filing_type` (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`,
    `CHANGE_FILING`, `CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) and `target`
    (`website_number` for the types about one website, `subject_number` for the subject's), nothing
    else. The draft starts from the data as filed and opens only what may change (`editable_fields`);
    the record is untouched until the regulator approves. One open order per record: the same type again
    answers 200 with that order; another type 422 `order.open_for_target` naming it. 422
    `order.target_required` without a target, `record.not_active` for a cancelled record,
    `record.not_accessed_here` to change or cancel an access that is not ours; 404 `not_found` (field
    `target.…`) for a number that is not one of your records.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (CreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | OrderOut]
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
    body: CreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderOut | None:
    """ Start a filing (a draft) for a hosted site or for domains

     With the verify inputs (`province`, `nature`, `certificate_type`, `certificate_number`, `domains`)
    the filing type is detected as the regulator does it: the subject by its certificate and each
    domain, in our records and the regulator's records of other providers' filings. A requested
    `filing_type` that detection contradicts, a domain filed under another subject, a subject filed with
    us under another account and the like answer 422 with the reason's code and a message naming the
    right path; `order.filing_type.lookup_unavailable`: try again. Without them (first API version): the
    site's primary domain, the type from your organisation's records (`FIRST_FILING` or `NEW_WEBSITE`).

    One open order per target (its domains; a site without a domain: the site): when your organisation
    already has an open order for it, that order is returned with 200 instead of a new one (201). 422
    `order.domain_in_pipeline` / `order.subject_in_pipeline` while a domain or the subject is in another
    filing in progress (any account). 404 `not_found` (field `site_id`) when the site is not one of
    yours.

    **Service code** (备案服务码): `service_code` binds the site's code to the new filing; while the operator
    requires one, a new filing without it answers 422 `service_code.required` (an open order is still
    returned).

    **A change or cancellation of a filed record**: `filing_type` (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`,
    `CHANGE_FILING`, `CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) and `target`
    (`website_number` for the types about one website, `subject_number` for the subject's), nothing
    else. The draft starts from the data as filed and opens only what may change (`editable_fields`);
    the record is untouched until the regulator approves. One open order per record: the same type again
    answers 200 with that order; another type 422 `order.open_for_target` naming it. 422
    `order.target_required` without a target, `record.not_active` for a cancelled record,
    `record.not_accessed_here` to change or cancel an access that is not ours; 404 `not_found` (field
    `target.…`) for a number that is not one of your records.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (CreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | OrderOut
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | OrderOut]:
    """ Start a filing (a draft) for a hosted site or for domains

     With the verify inputs (`province`, `nature`, `certificate_type`, `certificate_number`, `domains`)
    the filing type is detected as the regulator does it: the subject by its certificate and each
    domain, in our records and the regulator's records of other providers' filings. A requested
    `filing_type` that detection contradicts, a domain filed under another subject, a subject filed with
    us under another account and the like answer 422 with the reason's code and a message naming the
    right path; `order.filing_type.lookup_unavailable`: try again. Without them (first API version): the
    site's primary domain, the type from your organisation's records (`FIRST_FILING` or `NEW_WEBSITE`).

    One open order per target (its domains; a site without a domain: the site): when your organisation
    already has an open order for it, that order is returned with 200 instead of a new one (201). 422
    `order.domain_in_pipeline` / `order.subject_in_pipeline` while a domain or the subject is in another
    filing in progress (any account). 404 `not_found` (field `site_id`) when the site is not one of
    yours.

    **Service code** (备案服务码): `service_code` binds the site's code to the new filing; while the operator
    requires one, a new filing without it answers 422 `service_code.required` (an open order is still
    returned).

    **A change or cancellation of a filed record**: `filing_type` (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`,
    `CHANGE_FILING`, `CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) and `target`
    (`website_number` for the types about one website, `subject_number` for the subject's), nothing
    else. The draft starts from the data as filed and opens only what may change (`editable_fields`);
    the record is untouched until the regulator approves. One open order per record: the same type again
    answers 200 with that order; another type 422 `order.open_for_target` naming it. 422
    `order.target_required` without a target, `record.not_active` for a cancelled record,
    `record.not_accessed_here` to change or cancel an access that is not ours; 404 `not_found` (field
    `target.…`) for a number that is not one of your records.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (CreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | OrderOut]
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
    body: CreateOrderIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | OrderOut | None:
    """ Start a filing (a draft) for a hosted site or for domains

     With the verify inputs (`province`, `nature`, `certificate_type`, `certificate_number`, `domains`)
    the filing type is detected as the regulator does it: the subject by its certificate and each
    domain, in our records and the regulator's records of other providers' filings. A requested
    `filing_type` that detection contradicts, a domain filed under another subject, a subject filed with
    us under another account and the like answer 422 with the reason's code and a message naming the
    right path; `order.filing_type.lookup_unavailable`: try again. Without them (first API version): the
    site's primary domain, the type from your organisation's records (`FIRST_FILING` or `NEW_WEBSITE`).

    One open order per target (its domains; a site without a domain: the site): when your organisation
    already has an open order for it, that order is returned with 200 instead of a new one (201). 422
    `order.domain_in_pipeline` / `order.subject_in_pipeline` while a domain or the subject is in another
    filing in progress (any account). 404 `not_found` (field `site_id`) when the site is not one of
    yours.

    **Service code** (备案服务码): `service_code` binds the site's code to the new filing; while the operator
    requires one, a new filing without it answers 422 `service_code.required` (an open order is still
    returned).

    **A change or cancellation of a filed record**: `filing_type` (`CHANGE_SUBJECT`, `CHANGE_WEBSITE`,
    `CHANGE_FILING`, `CHANGE_ACCESS`, `CANCEL_SUBJECT`, `CANCEL_WEBSITE`, `CANCEL_ACCESS`) and `target`
    (`website_number` for the types about one website, `subject_number` for the subject's), nothing
    else. The draft starts from the data as filed and opens only what may change (`editable_fields`);
    the record is untouched until the regulator approves. One open order per record: the same type again
    answers 200 with that order; another type 422 `order.open_for_target` naming it. 422
    `order.target_required` without a target, `record.not_active` for a cancelled record,
    `record.not_accessed_here` to change or cancel an access that is not ours; 404 `not_found` (field
    `target.…`) for a number that is not one of your records.

    Args:
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (CreateOrderIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | OrderOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
