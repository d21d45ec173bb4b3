"""The web server of `fiction serve`: textual-serve's, with the gate and a clean stop.

It reuses textual-serve's `Server` (static files, downloads, the browser's
websocket protocol) and changes what a workshop needs:
- its own French page, which loads nothing from outside this server and
  opens the websocket on the address the browser used (a tablet reaches the
  server by its network address, not by the one it listens on);
- the join-code gate (`fiction.serve.gate`) when the address needs it; on
  this computer only, a check of the Host header instead, so that a web page
  from elsewhere cannot reach the app by renaming 127.0.0.1 (DNS rebinding);
- the websocket refuses pages of another origin;
- one `AppProcess` per tab, all stopped, saved and waited for when the server
  stops (Ctrl+C), in bounded time.
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
from fiction.serve.gate import ENTRY_PATH, TEMPLATES, Gate, Lookup
from fiction.serve.passes import Passes
from fiction.serve.process import AppProcess
from fiction.serve.throttle import Throttle

SHUTDOWN_TIMEOUT = 20.0
"""Seconds aiohttp waits for open requests once every app process has been stopped."""


@dataclass(frozen=True)
class ServeSettings:
    host: str
    port: int
    store_path: Path
    deck_path: Path | None = None

    @property
    def needs_code(self) -> bool:
        return address.needs_code(self.host)

    def app_argv(self, workshop: str | None = None) -> list[str]:
        """The command of one tab's app process: this Python, on the served store and deck.

        A tab that came in with a workshop's join code gets `--workshop`: its app
        shows that workshop's groups only, never the facilitator's screens.
        """
        argv = [sys.executable, "-m", "fiction.serve.session", "--store", str(self.store_path)]
        if self.deck_path is not None:
            argv += ["--deck", str(self.deck_path)]
        if workshop is not None:
            argv += ["--workshop", workshop]
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
    ) -> None:
        super().__init__(
            " ".join(settings.app_argv()), host=settings.host, port=settings.port, title="fiction"
        )
        self.settings = settings
        self.say = say
        self.sessions: set[AppProcess] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.gate: Gate | None = None
        if settings.needs_code:
            self.gate = Gate(
                lookup=lookup,
                passes=Passes(secret, clock),
                throttle=throttle or Throttle(clock),
                on_entry=lambda client, workshop: say(
                    f"Un appareil ({client}) est entré avec le code de « {workshop} »."
                ),
            )

    # --- the aiohttp application --------------------------------------------------

    async def _make_app(self) -> web.Application:
        middlewares: list[Any] = [self.guard]
        if self.gate is not None:
            middlewares.append(self.gate.middleware)
        app = web.Application(middlewares=middlewares)
        app.add_routes(
            [
                web.get("/", self.handle_index),
                web.get("/ws", self.handle_websocket),
                web.get("/download/{key}", self.handle_download),
                web.static("/static", self.statics_path),
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

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        scheme = "wss" if request.secure else "ws"
        html = TEMPLATES.get_template("app.html").render(
            static_url="/static/",
            websocket_url=f"{scheme}://{request.host}/ws",
            font_size=to_int(request.query.get("fontsize", "16"), 16),
        )
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its app process, relay both ways, stop the app when the tab goes."""
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            raise web.HTTPForbidden(text="Origine refusée.")
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        workshop = self.gate.holder(request) if self.gate is not None else None
        process = AppProcess(
            self.settings.app_argv(workshop),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.sockets.add(websocket)
        self.sessions.add(process)
        try:
            await process.start(width, height)
            self.say(
                f"Session ouverte ({request.remote}) : {_sessions(len(self.sessions))} en cours."
            )
            await self._process_messages(websocket, process)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # a malformed message ends this tab's session only
            self.say(f"Session interrompue ({type(error).__name__} : {error}).")
        finally:
            await process.stop()
            self.sessions.discard(process)
            self.sockets.discard(websocket)
            await websocket.close()
            self.say(f"Session fermée : {_sessions(len(self.sessions))} en cours.")
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Before aiohttp closes connections: every app saves and leaves (bounded)."""
        if self.sessions:
            self.say(f"Arrêt : fermeture de {_sessions(len(self.sessions))}…")
        await asyncio.gather(*(process.stop() for process in list(self.sessions)))
        for websocket in list(self.sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message="fiction s'arrête".encode())

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
            announce(runner.addresses[0][1])
            await stop.wait()
        finally:
            await runner.cleanup()


def stop_on_signals(stop: asyncio.Event) -> None:
    """Set `stop` on Ctrl+C, on `kill` and when the terminal closes."""
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)):
        with contextlib.suppress(NotImplementedError, ValueError):
            loop.add_signal_handler(number, stop.set)


async def _home(request: web.Request) -> web.StreamResponse:
    raise web.HTTPSeeOther("/")


def _sessions(count: int) -> str:
    return {0: "aucune session", 1: "1 session"}.get(count, f"{count} sessions")
