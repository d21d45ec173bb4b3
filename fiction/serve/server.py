"""The web server of `fiction serve`: textual-serve's, with the gate and a clean stop.

It reuses textual-serve's `Server` (static files, downloads, the browser's
websocket protocol) and changes what a workshop needs:
- its own French page, which loads nothing from outside this server and
  opens the websocket on the address the browser used (a tablet reaches the
  server by its network address, not by the one it listens on);
- two pages of the app: `/` for the groups, whose app shows the groups'
  screens only (choose a group, its journey), and `/animation` for the
  facilitator's home and dashboards, which needs the facilitator (served on
  this computer only, or the facilitator's code); the page tells the app whether the
  screen is a touch screen, so that it shows buttons instead of naming keys;
- the join-code gate (`fiction.serve.gate`) when the address needs it; on
  this computer only, a check of the Host header instead, so that a web page
  from elsewhere cannot reach the app by renaming 127.0.0.1 (DNS rebinding);
- the websocket refuses pages of another origin;
- the plain pages that read the store without an app process: the prompter
  (`/prompteur`) and the wall screen (`/salle`), behind the same gate;
- one `AppProcess` per tab, within the caps of `fiction.serve.limits` (a tab
  past a cap is told why in French and starts nothing);
- a tab that vanishes (its connection reset, even in the middle of the
  handshake) is an ordinary end: its app saves and leaves, its seat is freed;
- when the server stops (Ctrl+C), every app is asked to save and leave, then
  terminated if it has not in bounded time, and every tab still open is
  closed as "going away" (1001), so its page says the session has ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, web
from textual_serve.server import Server, to_int

from fiction.errors import FictionError
from fiction.serve import address
from fiction.serve.gate import (
    COOKIE,
    ENTRY_PATH,
    FACILITATOR_ONLY,
    FACILITATOR_PATH,
    TEMPLATES,
    Gate,
    Lookup,
)
from fiction.serve.gate import page as entry_page
from fiction.serve.limits import Cap, Limits, Seat, Seats
from fiction.serve.passes import Passes
from fiction.serve.process import QUIT_TIMEOUT, AppProcess
from fiction.serve.prompter import Prompter
from fiction.serve.throttle import Throttle
from fiction.serve.wall import Wall
from fiction.store.location import StoreLocation, location_argument

SHUTDOWN_TIMEOUT = 20.0
"""Seconds aiohttp waits for open requests once every app process has been stopped."""


@dataclass(frozen=True)
class ServeSettings:
    host: str
    port: int
    store_path: StoreLocation
    deck_path: Path | None = None
    facilitator_code: str | None = None
    """The code that opens `/animation` from another device (None: this computer only)."""

    @property
    def needs_code(self) -> bool:
        return address.needs_code(self.host)

    def app_argv(
        self, workshop: str | None = None, *, facilitator: bool = False, touch: bool = False
    ) -> list[str]:
        """The command of one tab's app process: this Python, on the served store and deck.

        A group's tab runs the groups' screens only (`--role groupe`), and one
        that came in with a workshop's join code gets `--workshop` too: that
        workshop's groups only. The facilitator's tab runs the whole app.
        `--touch`: the page is on a touch screen.
        """
        store = location_argument(self.store_path)
        argv = [sys.executable, "-m", "fiction.serve.session", "--store", store]
        if self.deck_path is not None:
            argv += ["--deck", str(self.deck_path)]
        argv += ["--role", "animation" if facilitator else "groupe"]
        if workshop is not None and not facilitator:
            argv += ["--workshop", workshop]
        if touch:
            argv.append("--touch")
        return argv


class WorkshopServer(Server):
    """textual-serve's server, gated, with one tracked `AppProcess` per browser tab."""

    def __init__(
        self,
        settings: ServeSettings,
        *,
        lookup: Lookup,
        say: Callable[[str], None],
        secret: bytes,
        clock: Callable[[], float] = time.time,
        throttle: Throttle | None = None,
        limits: Limits | None = None,
        quit_timeout: float = QUIT_TIMEOUT,
    ) -> None:
        super().__init__(
            " ".join(settings.app_argv()), host=settings.host, port=settings.port, title="fiction"
        )
        self.settings = settings
        self.say = say
        self.limits = limits or Limits()
        self.seats = Seats(self.limits)
        self.quit_timeout = quit_timeout
        self.stopping = False
        """Set once the server stops: no new session, open tabs are closed as "going away"."""
        self.sessions: set[AppProcess] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.port = settings.port
        """The port listened on (the system's pick for port 0, once listening)."""
        self.gate: Gate | None = None
        if settings.needs_code:
            self.gate = Gate(
                lookup=lookup,
                passes=Passes(secret, clock),
                throttle=throttle or Throttle(clock),
                on_entry=lambda client, workshop: say(
                    f"Un appareil ({client}) est entré avec le code de « {workshop} »."
                    if workshop
                    else f"Un appareil ({client}) est entré avec le code de l'animation."
                ),
                facilitator_code=settings.facilitator_code,
            )
        self.wall = Wall(
            settings.store_path,
            self.gate.holder if self.gate is not None else None,
            room_links=self._room_links,
        )
        """The wall screen (`/salle`): its streams end when the server stops."""

    # --- the aiohttp application --------------------------------------------------

    async def _make_app(self) -> web.Application:
        middlewares: list[Any] = [self.guard]
        if self.gate is not None:
            middlewares.append(self.gate.middleware)
        app = web.Application(middlewares=middlewares)
        holder = self.gate.holder if self.gate is not None else None
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get(FACILITATOR_PATH, self.handle_facilitator),
                web.get("/ws", self.handle_websocket),
                web.get(f"/ws{FACILITATOR_PATH}", self.handle_websocket),
                web.get("/download/{key}", self.handle_download),
                web.static("/static", self.statics_path),
                *Prompter(self.settings.store_path, holder).routes(),
                *self.wall.routes(),
                *(self.gate.routes() if self.gate is not None else [web.get(ENTRY_PATH, _home)]),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """A Host header that is no host is refused; served without a code, so is any but ours."""
        try:
            host = request.url.host or ""
        except ValueError:  # yarl refuses it: "127.0.0.1:8000, evil", spaces, a bad port…
            raise web.HTTPBadRequest(
                text="Requête invalide : l'en-tête Host est mal formé."
            ) from None
        if self.gate is None and address.bare(host) not in address.OPEN_HOSTS:
            raise web.HTTPForbidden(
                text="Adresse refusée : ouvrez http://127.0.0.1 sur cet ordinateur."
            )
        return await handler(request)

    def _facilitator(self, request: web.Request) -> bool:
        """The facilitator's screens: served on this computer only, anyone on it (the guard
        checked the host); behind the gate, the holder of the facilitator's pass."""
        return self.gate is None or self.gate.facilitator(request)

    async def handle_facilitator(self, request: web.Request) -> web.Response:
        if not self._facilitator(request):
            return entry_page(FACILITATOR_ONLY, status=403)
        return await self.handle_index(request)

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        """The app's page: the groups' at `/`, the facilitator's at `/animation`."""
        cap = "stopping" if self.stopping else self.seats.refusal(*self._seat_keys(request))
        if cap is not None:
            html = TEMPLATES.get_template("complet.html").render(
                message=refusal(cap, self._cap_count(cap))
            )
            return web.Response(text=html, content_type="text/html", charset="utf-8", status=503)
        scheme = "wss" if request.secure else "ws"
        html = TEMPLATES.get_template("app.html").render(
            static_url="/static/",
            websocket_url=f"{scheme}://{request.host}/ws{_role_path(request)}",
            font_size=to_int(request.query.get("fontsize", "16"), 16),
        )
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """One tab: take a seat, start its app process, relay both ways, always clean up."""
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            raise web.HTTPForbidden(text="Origine refusée.")
        facilitator = request.path.endswith(FACILITATOR_PATH)
        if facilitator and not self._facilitator(request):
            raise web.HTTPForbidden(text=FACILITATOR_ONLY)
        websocket = web.WebSocketResponse(heartbeat=15)
        # Before any await: tabs opened all at once are counted one by one.
        seat: Seat | Cap | str = (
            "stopping" if self.stopping else self.seats.take(*self._seat_keys(request))
        )
        try:
            try:
                await websocket.prepare(request)
            except ConnectionError:
                # The tab left during the handshake. A response of aiohttp's own is
                # answered to a closed connection quietly; this half-open one is not.
                return web.Response()
            if request.transport is None or request.transport.is_closing():
                return websocket  # it left while the handshake was written: no read would end
            if isinstance(seat, Seat):
                await self._run_tab(request, websocket, facilitator=facilitator)
            else:
                reason = refusal(seat, self._cap_count(seat)).encode()
                await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=reason)
        finally:
            if isinstance(seat, Seat):
                seat.release()
        return websocket

    async def _run_tab(
        self, request: web.Request, websocket: web.WebSocketResponse, *, facilitator: bool
    ) -> None:
        workshop = self.gate.group_pass(request) if self.gate is not None else None

        async def close_tab() -> None:
            await self._close(websocket)

        process = AppProcess(
            self.settings.app_argv(
                workshop, facilitator=facilitator, touch=request.query.get("touch") == "1"
            ),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close_tab,
            download_manager=self.download_manager,
            limits=self.limits,
            quit_timeout=self.quit_timeout,
        )
        self.sockets.add(websocket)
        self.sessions.add(process)
        try:
            await process.start(
                to_int(request.query.get("width", "80"), 80),
                to_int(request.query.get("height", "24"), 24),
            )
            self.say(
                f"Session ouverte ({request.remote}) : {_sessions(len(self.sessions))} en cours."
            )
            if not self.stopping:
                await self._process_messages(websocket, process)
        except asyncio.CancelledError:
            pass
        except ConnectionError:
            pass  # the tab left: an ordinary end
        except Exception as error:  # a malformed message ends this tab's session only
            self.say(f"Session interrompue ({type(error).__name__} : {error}).")
        finally:
            try:
                await process.stop()
            except Exception as error:
                self.say(f"Session mal arrêtée ({type(error).__name__} : {error}).")
            finally:
                self.sessions.discard(process)
                self.sockets.discard(websocket)
                await self._close(websocket)
                self.say(f"Session fermée : {_sessions(len(self.sessions))} en cours.")

    def _room_links(self) -> list[str]:
        """The addresses the room's devices open (none when served on this computer only)."""
        if not self.settings.needs_code:
            return []
        return address.urls(self.settings.host, self.port)

    def _seat_keys(self, request: web.Request) -> tuple[str, str | None]:
        """Who a tab counts against: its device, and its browser's pass when it has one."""
        holder = None
        if self.gate is not None and self.gate.passes.holds_one(request.cookies.get(COOKIE)):
            holder = request.cookies.get(COOKIE)
        return address.client(request.remote), holder

    def _cap_count(self, cap: str) -> int:
        limits = self.limits
        return {"pass": limits.per_pass, "address": limits.per_address}.get(cap, limits.overall)

    async def _close(self, websocket: web.WebSocketResponse) -> None:
        """Close a tab: "going away" (1001) when the server stops, else a normal end."""
        if self.stopping:
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=GOING_AWAY.encode())
        else:
            await websocket.close()

    async def on_shutdown(self, app: web.Application) -> None:
        """Before aiohttp closes connections: every app saves and leaves (bounded), tabs close."""
        self.stopping = True
        self.wall.end()
        if self.sessions:
            self.say(f"Arrêt : fermeture de {_sessions(len(self.sessions))}…")
        stopped = await asyncio.gather(
            *(process.stop() for process in list(self.sessions)), return_exceptions=True
        )
        for error in stopped:
            if isinstance(error, Exception):
                self.say(f"Session mal arrêtée ({type(error).__name__} : {error}).")
        await asyncio.gather(
            *(self._close(websocket) for websocket in list(self.sockets)),
            return_exceptions=True,
        )

    # --- running ----------------------------------------------------------------------

    async def run(self, announce: Callable[[int], None], stop: asyncio.Event) -> None:
        """Listen until `stop` is set (Ctrl+C sets it), then stop every session and return."""
        runner = web.AppRunner(
            await self._make_app(),
            handle_signals=False,
            shutdown_timeout=SHUTDOWN_TIMEOUT,
            access_log=None,
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.settings.host, self.settings.port)
            try:
                await site.start()
            except OSError as error:
                raise FictionError(
                    f"Impossible d'écouter sur {self.settings.host}, port {self.settings.port} "
                    f"({error.strerror or error}) : ce port est peut-être déjà pris ; "
                    "choisissez-en un autre avec --port."
                ) from error
            self.port = runner.addresses[0][1]
            announce(self.port)
            await stop.wait()
        finally:
            self.stopping = True
            await runner.cleanup()


def stop_on_signals(stop: asyncio.Event) -> None:
    """Set `stop` on Ctrl+C, on `kill` and when the terminal closes."""
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)):
        with contextlib.suppress(NotImplementedError, ValueError):
            loop.add_signal_handler(number, stop.set)


def _role_path(request: web.Request) -> str:
    """The websocket of the page's role: `/ws/animation` from the facilitator's page."""
    return FACILITATOR_PATH if request.path == FACILITATOR_PATH else ""


async def _home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther("/")


def _sessions(count: int) -> str:
    return {0: "aucune session", 1: "1 session"}.get(count, f"{count} sessions")


GOING_AWAY = "fiction s'arrête"
"""The reason a tab is closed with when the server stops (its page shows it)."""


def refusal(cap: str, count: int) -> str:
    """Why a new tab is refused; short enough for a websocket's close frame (123 bytes)."""
    sessions = "1 session ouverte" if count == 1 else f"{count} sessions ouvertes"
    if cap == "pass":
        tabs = "1 onglet ouvert" if count == 1 else f"{count} onglets ouverts"
        return f"Ce navigateur a déjà {tabs} sur l'atelier : fermez-en un, puis réessayez."
    if cap == "address":
        return f"Cet appareil a déjà {sessions} : fermez un onglet, puis réessayez."
    if cap == "overall":
        return f"L'atelier est complet ({sessions}) : réessayez quand un onglet se sera fermé."
    return "fiction s'arrête : rouvrez la page quand le serveur aura redémarré."
