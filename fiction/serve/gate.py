"""The join-code gate: an HTTP layer in front of textual-serve's pages and websocket.

Why at the HTTP layer and not as a first screen of the app: a screen runs
inside an app process, so every unknown browser would already cost a process
(70 MB or so) and reach code that a bug in one screen could let through. Here
nothing of the app is served, and no process is started, before the browser
holds a pass: the page, its scripts, the websocket that starts a process and
the downloads all answer "go to the entry form" or 403 without one.

A right code earns a signed pass in an HttpOnly, SameSite=Strict cookie (see
`passes`). A wrong one is answered only after a wait that doubles at each miss
from that address, up to a ceiling (see `throttle`). The try is reserved with
the throttle before the form is even read: while it is checked and while its
wait lasts, any other try from the same address is turned away unchecked, so
parallel guesses buy nothing.

The same form takes the facilitator's code (drawn when the server starts,
printed in its terminal): it earns the facilitator's pass, which opens the
facilitator's screens (`/animation`) and every workshop's pages. Served on
this computer only, there is no gate and `/animation` needs no code.
"""

from __future__ import annotations

import asyncio
import hmac
import math
from collections.abc import Awaitable, Callable
from pathlib import Path

import jinja2
from aiohttp import web

from fiction.serve import address
from fiction.serve.passes import Passes
from fiction.serve.throttle import Throttle
from fiction.store.join_codes import normalise

ENTRY_PATH = "/entree"
FACILITATOR_PATH = "/animation"
"""The facilitator's app: the home, new workshops and the dashboards."""
COOKIE = "fiction_entree"
MAX_CODE_LENGTH = 64
"""Longer than any join code: anything longer is a miss without a look in the store."""

Lookup = Callable[[str], Awaitable[str | None]]
"""Which workshop a typed code opens (None: no workshop has this code)."""

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
)


class Gate:
    """The entry form, the passes it hands out and the middleware that asks for them."""

    def __init__(
        self,
        *,
        lookup: Lookup,
        passes: Passes,
        throttle: Throttle,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        on_entry: Callable[[str, str], None] = lambda client, workshop: None,
        facilitator_code: str | None = None,
    ) -> None:
        """`facilitator_code`: the code that opens the facilitator's screens (None: none
        does, only the facilitator's own computer)."""
        self.lookup = lookup
        self.facilitator_code = normalise(facilitator_code or "")
        self.passes = passes
        self.throttle = throttle
        self.sleep = sleep
        self.on_entry = on_entry

    def routes(self) -> list[web.RouteDef]:
        return [web.get(ENTRY_PATH, self.entry_form), web.post(ENTRY_PATH, self.entry_submit)]

    def holder(self, request: web.Request) -> str | None:
        """The workshop the request may see: its group pass's; for the facilitator, the one
        its path names (None, every workshop, on a list page); None without a valid pass."""
        if self.facilitator(request):
            return request.match_info.get("workshop")
        return self.passes.check(request.cookies.get(COOKIE))

    def group_pass(self, request: web.Request) -> str | None:
        """The workshop of the request's group pass (None: no group pass)."""
        return self.passes.check(request.cookies.get(COOKIE))

    def facilitator(self, request: web.Request) -> bool:
        """The request holds the facilitator's pass."""
        return self.passes.is_facilitator(request.cookies.get(COOKIE))

    def entered(self, request: web.Request) -> bool:
        return self.facilitator(request) or self.group_pass(request) is not None

    @web.middleware
    async def middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if request.path == ENTRY_PATH or self.entered(request):
            return await handler(request)
        if request.method == "GET" and request.path == FACILITATOR_PATH:
            return page(FACILITATOR_ONLY, status=403)
        if request.method == "GET" and request.path == "/":
            raise web.HTTPSeeOther(ENTRY_PATH)
        raise web.HTTPForbidden(
            text="Code d'entrée requis : ouvrez d'abord la page d'accueil de l'atelier."
        )

    async def entry_form(self, request: web.Request) -> web.StreamResponse:
        if self.entered(request):
            raise web.HTTPSeeOther("/")
        return page()

    async def entry_submit(self, request: web.Request) -> web.StreamResponse:
        client = address.client(request.remote)
        # Before the first await: a try sent alongside this one finds it reserved.
        wait = self.throttle.reserve(client)
        if wait > 0:
            return too_many(wait, from_this_device=self.throttle.wait_left(client) > 0)
        form = await request.post()
        typed = str(form.get("code", ""))
        usable = 0 < len(typed.strip()) <= MAX_CODE_LENGTH
        if usable and self._is_facilitator_code(typed):
            self.throttle.succeeded(client)
            self.on_entry(client, "")
            raise self._enter(self.passes.issue(None), FACILITATOR_PATH)
        workshop = await self.lookup(typed) if usable else None
        if workshop is None:
            await self.sleep(self.throttle.failed(client))
            return page(
                "Ce code ne correspond à aucun atelier. Vérifiez-le sur l'écran de "
                "l'animation et réessayez.",
                status=403,
            )
        self.throttle.succeeded(client)
        self.on_entry(client, workshop)
        raise self._enter(self.passes.issue(workshop), "/")

    def _is_facilitator_code(self, typed: str) -> bool:
        code = self.facilitator_code
        return bool(code) and hmac.compare_digest(normalise(typed).encode(), code.encode())

    def _enter(self, token: str, where: str) -> web.HTTPSeeOther:
        response = web.HTTPSeeOther(where)
        response.set_cookie(
            COOKIE,
            token,
            max_age=int(self.passes.lifetime),
            httponly=True,
            samesite="Strict",
            path="/",
        )
        return response


FACILITATOR_ONLY = (
    "Cette page est celle de l'animation : tapez le code de l'animation, affiché dans le "
    "terminal où fiction serve a démarré. Un groupe ouvre l'adresse de l'atelier, sans "
    "« /animation »."
)


def too_many(wait: float, *, from_this_device: bool) -> web.Response:
    """The entry form refusing a try unchecked, with the wait left (429)."""
    seconds = math.ceil(wait)
    if from_this_device:
        message = f"Trop d'essais depuis cet appareil : réessayez dans {seconds} s."
    else:
        message = (
            "Trop de codes erronés ont été tapés dans la salle ces dernières minutes : "
            f"réessayez dans {seconds} s."
        )
    response = page(message, status=429)
    response.headers["Retry-After"] = str(seconds)
    return response


def page(message: str = "", *, status: int = 200) -> web.Response:
    """The entry form, with a refusal message when there is one."""
    html = TEMPLATES.get_template("entree.html").render(message=message)
    return web.Response(text=html, content_type="text/html", charset="utf-8", status=status)
