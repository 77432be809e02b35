from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.psb_number_in import PsbNumberIn
from ...models.subject_filing_out import SubjectFilingOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    number: str,
    *,
    body: PsbNumberIn,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/filings/websites/{number}/psb-number".format(number=quote(str(number), safe=""),),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | SubjectFilingOut | None:
    if response.status_code == 200:
        response_200 = SubjectFilingOut.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = ErrorOut.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | SubjectFilingOut]:
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
    body: PsbNumberIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | SubjectFilingOut]:
    """ Enter a filed website's public-security filing number (公网安备)

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). The number is
    checked against the subject's province (rules §8.2, §7.2): 422 `psb.number.format`,
    `psb.number.prefix` or `psb.number.division` with a message, nothing changed. Once stored, the
    hosted footer shows it beside the ICP number. Answers the subject record. 404 for a website that is
    not your organisation's.

    Args:
        number (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (PsbNumberIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | SubjectFilingOut]
     """


    kwargs = _get_kwargs(
        number=number,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    number: str,
    *,
    client: AuthenticatedClient,
    body: PsbNumberIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | SubjectFilingOut | None:
    """ Enter a filed website's public-security filing number (公网安备)

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). The number is
    checked against the subject's province (rules §8.2, §7.2): 422 `psb.number.format`,
    `psb.number.prefix` or `psb.number.division` with a message, nothing changed. Once stored, the
    hosted footer shows it beside the ICP number. Answers the subject record. 404 for a website that is
    not your organisation's.

    Args:
        number (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (PsbNumberIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | SubjectFilingOut
     """


    return sync_detailed(
        number=number,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    number: str,
    *,
    client: AuthenticatedClient,
    body: PsbNumberIn,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | SubjectFilingOut]:
    """ Enter a filed website's public-security filing number (公网安备)

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). The number is
    checked against the subject's province (rules §8.2, §7.2): 422 `psb.number.format`,
    `psb.number.prefix` or `psb.number.division` with a message, nothing changed. Once stored, the
    hosted footer shows it beside the ICP number. Answers the subject record. 404 for a website that is
    not your organisation's.

    Args:
        number (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (PsbNumberIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | SubjectFilingOut]
     """


    kwargs = _get_kwargs(
        number=number,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    number: str,
    *,
    client: AuthenticatedClient,
    body: PsbNumberIn,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | SubjectFilingOut | None:
    """ Enter a filed website's public-security filing number (公网安备)

     `number`: the website's filing number (e.g. `京ICP备2026000001号-1`, URL-encoded). The number is
    checked against the subject's province (rules §8.2, §7.2): 422 `psb.number.format`,
    `psb.number.prefix` or `psb.number.division` with a message, nothing changed. Once stored, the
    hosted footer shows it beside the ICP number. Answers the subject record. 404 for a website that is
    not your organisation's.

    Args:
        number (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (PsbNumberIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | SubjectFilingOut
     """


    return (await asyncio_detailed(
        number=number,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
