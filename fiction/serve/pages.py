"""What the plain pages of `fiction serve` (the prompter, the wall screen) share.

They are not the app: no process per viewer, just HTML that reads the served
store. Each one answers with `html()` (nothing may load from elsewhere), lists
the workshops a request may see with `visible_workshops()` and refuses, with
`allowed()`, a workshop that the request's pass does not open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

from fiction.store.location import StoreLocation

Holder = Callable[[web.Request], str | None]
"""The workshop a request's pass opens, when the server has a gate (None: no valid pass)."""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "connect-src 'self'; img-src 'self' data:"
)


def html(text: str, *, status: int = 200) -> web.Response:
    response = web.Response(text=text, content_type="text/html", charset="utf-8", status=status)
    # Everything is in the page or comes from this server: nothing else may load.
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def allowed(holder: Holder | None, request: web.Request) -> str:
    """The workshop named in the path, if the request's pass opens it (403 otherwise)."""
    name = request.match_info["workshop"]
    if holder is not None and holder(request) != name:
        raise web.HTTPForbidden(text="Ce code d'entrée n'ouvre pas cet atelier.")
    return name


def visible_workshops(store_path: StoreLocation, only: str | None) -> list[Any]:
    """The workshops a request may see (all of them on this computer); in a thread."""
    from fiction.store.store import Store

    with Store.for_reading(store_path) as store:
        names = [only] if only is not None else [s.name for s in store.workshops()]
        return [store.load(name) for name in names if store.exists(name)]
