from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.material_out import MaterialOut
from ...models.materials_upload_file_params import MaterialsUploadFileParams
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    order_id: int,
    slot: str,
    *,
    body: MaterialsUploadFileParams,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/orders/{order_id}/materials/{slot}".format(order_id=quote(str(order_id), safe=""),slot=quote(str(slot), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | MaterialOut | None:
    if response.status_code == 201:
        response_201 = MaterialOut.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | MaterialOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: int,
    slot: str,
    *,
    client: AuthenticatedClient,
    body: MaterialsUploadFileParams,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | MaterialOut]:
    """ Upload a material to its slot

     Multipart with one `file`. The file is sniffed and sanitised; the automated checks (OCR, face
    detection) run afterwards, so `check_status` is `pending` at first: read the order or `GET
    …/findings` later. 422 with an `upload.*` code (field `materials.<slot>`) for a file that is
    refused, 422 `material.unknown_slot`, 403 `material.locked` when the slot may not be changed now.

    Args:
        order_id (int):
        slot (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (MaterialsUploadFileParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | MaterialOut]
     """


    kwargs = _get_kwargs(
        order_id=order_id,
slot=slot,
body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    order_id: int,
    slot: str,
    *,
    client: AuthenticatedClient,
    body: MaterialsUploadFileParams,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | MaterialOut | None:
    """ Upload a material to its slot

     Multipart with one `file`. The file is sniffed and sanitised; the automated checks (OCR, face
    detection) run afterwards, so `check_status` is `pending` at first: read the order or `GET
    …/findings` later. 422 with an `upload.*` code (field `materials.<slot>`) for a file that is
    refused, 422 `material.unknown_slot`, 403 `material.locked` when the slot may not be changed now.

    Args:
        order_id (int):
        slot (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (MaterialsUploadFileParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | MaterialOut
     """


    return sync_detailed(
        order_id=order_id,
slot=slot,
client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    order_id: int,
    slot: str,
    *,
    client: AuthenticatedClient,
    body: MaterialsUploadFileParams,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | MaterialOut]:
    """ Upload a material to its slot

     Multipart with one `file`. The file is sniffed and sanitised; the automated checks (OCR, face
    detection) run afterwards, so `check_status` is `pending` at first: read the order or `GET
    …/findings` later. 422 with an `upload.*` code (field `materials.<slot>`) for a file that is
    refused, 422 `material.unknown_slot`, 403 `material.locked` when the slot may not be changed now.

    Args:
        order_id (int):
        slot (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (MaterialsUploadFileParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | MaterialOut]
     """


    kwargs = _get_kwargs(
        order_id=order_id,
slot=slot,
body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    order_id: int,
    slot: str,
    *,
    client: AuthenticatedClient,
    body: MaterialsUploadFileParams,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | MaterialOut | None:
    """ Upload a material to its slot

     Multipart with one `file`. The file is sniffed and sanitised; the automated checks (OCR, face
    detection) run afterwards, so `check_status` is `pending` at first: read the order or `GET
    …/findings` later. 422 with an `upload.*` code (field `materials.<slot>`) for a file that is
    refused, 422 `material.unknown_slot`, 403 `material.locked` when the slot may not be changed now.

    Args:
        order_id (int):
        slot (str):
        idempotency_key (None | str | Unset): Any unique string (e.g. a UUID) per intended change;
            a repeat replays the first answer.
        body (MaterialsUploadFileParams):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | MaterialOut
     """


    return (await asyncio_detailed(
        order_id=order_id,
slot=slot,
client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
