"""The wall screen of `fiction serve` in browsers: `/salle`, for the projector.

A plain HTML page (`templates/salle.html`: style and script inline, nothing
loaded from elsewhere, no app process) readable from the back of the room:
the current phase and a big countdown, the next phases with clock times, the
join code and its QR code, each group's progress. It follows the store
through server-sent events (`…/flux`), each reading being the wall view the
terminal's wall shows too (`fiction.report.wall`), as JSON.

What one viewer costs is bounded: every viewer of a workshop shares one
`Feed`, a single task that polls the store (the cheap `revision` each second,
the whole workshop only when it changed) and hands the same reading to every
viewer, each getting the time left as of its delivery (a viewer that comes
late gets no stale countdown); the feed stops with its last viewer. On a
PostgreSQL store the feed waits for the workshop's edits to be announced
(LISTEN/NOTIFY, `Store.wait_for_change`) instead of sleeping: an edit made
through another `fiction serve` reaches the walls within a fraction of a
second. Past `MAX_VIEWERS` open walls, a new one is refused in French.

Behind the same gate as the rest: with a join code, a device sees only the
workshop its pass names.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web

from fiction.errors import FictionError
from fiction.report.wall import wall_view
from fiction.serve import address
from fiction.serve.gate import TEMPLATES
from fiction.serve.pages import Holder, allowed, html, visible_workshops
from fiction.store.location import ServerURL, StoreLocation

if TYPE_CHECKING:
    from fiction.store.model import Workshop
    from fiction.store.store import Store

PREFIX = "/salle"
MAX_VIEWERS = 60
"""Open wall screens over all workshops: a projector or two per room, a few laptops."""
POLL_SECONDS = 1.0
KEEPALIVE_SECONDS = 15.0
"""A comment line this often, so that a proxy or the browser never drops a quiet stream."""
LEFT_CHECK_SECONDS = 1.0
"""How soon a viewer that left frees its seat."""


class Feed:
    """One workshop's readings, polled once for all its viewers."""

    def __init__(self, store_path: StoreLocation, name: str, poll: float) -> None:
        self.store_path = store_path
        self.name = name
        self.poll = poll
        self.viewers: set[asyncio.Queue[Workshop | str | None]] = set()
        """Each viewer's queue: readings, ready events (an error, the end), None to close."""
        self.reading: Workshop | str | None = None
        """The last reading, or the event saying why there is none (a new viewer gets it)."""
        self.reads = 0
        """Whole readings of the workshop so far (for the tests and the benchmark)."""
        self._revision = -1
        self._task: asyncio.Task[None] | None = None
        self._listening: Store | None = None
        """The store the feed waits on when it announces its edits (PostgreSQL)."""

    def join(self) -> asyncio.Queue[Workshop | str | None]:
        queue: asyncio.Queue[Workshop | str | None] = asyncio.Queue(maxsize=4)
        if self.reading is not None:
            queue.put_nowait(self.reading)
        self.viewers.add(queue)
        if self._task is None:
            self._task = asyncio.create_task(self._run())
        return queue

    def leave(self, queue: asyncio.Queue[Workshop | str | None]) -> None:
        self.viewers.discard(queue)
        if not self.viewers and self._task is not None:
            self._task.cancel()
            self._task = None

    def end(self) -> None:
        """The server stops: every viewer's stream says so and closes."""
        for queue in list(self.viewers):
            _offer(queue, _event("fin", {}))
            _offer(queue, None)
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        try:
            await self._follow()
        finally:
            self._stop_listening()

    async def _follow(self) -> None:
        while True:
            try:
                reading: Workshop | str | None = await asyncio.to_thread(self._read)
            except Exception as error:  # the walls say why, and the poll goes on
                self._revision = -1  # read it all again once the store answers
                problem = error.message if isinstance(error, FictionError) else str(error)
                reading = _event("erreur", {"message": problem})
            if reading is not None and reading != self.reading:
                self.reading = reading
                for queue in list(self.viewers):
                    _offer(queue, reading)
            await self._pause()

    async def _pause(self) -> None:
        """Until the next reading: `poll` seconds, or on a store that announces its
        edits, until this workshop's next one (`poll` seconds at most)."""
        if not isinstance(self.store_path, ServerURL):
            await asyncio.sleep(self.poll)
            return
        try:
            await asyncio.to_thread(self._wait)
        except Exception:  # the next reading says what is wrong
            self._stop_listening()
            await asyncio.sleep(self.poll)

    def _wait(self) -> None:
        from fiction.store.store import Store

        if self._listening is None:
            self._listening = Store.for_reading(self.store_path)
        self._listening.wait_for_change(self.name, self._revision, self.poll)

    def _stop_listening(self) -> None:
        if self._listening is not None:
            self._listening.close()
            self._listening = None

    def _read(self) -> Workshop | None:
        """The workshop when it changed since the last reading, else None (through the
        store the feed listens on, if any: never at the same time as `_wait`)."""
        from fiction.store.store import Store

        if self._listening is not None:
            return self._read_from(self._listening)
        with Store.for_reading(self.store_path) as store:
            return self._read_from(store)

    def _read_from(self, store: Store) -> Workshop | None:
        revision = store.revision(self.name)
        if revision == self._revision and self.reading is not None:
            return None
        workshop = store.load(self.name)
        self._revision = revision
        self.reads += 1
        return workshop


def _offer(queue: asyncio.Queue[Workshop | str | None], item: Workshop | str | None) -> None:
    """Queue an item; a viewer too slow to keep up skips to the newest one."""
    while queue.full():
        queue.get_nowait()
    queue.put_nowait(item)


def _event(kind: str, data: dict[str, Any]) -> str:
    return f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


class Wall:
    """The wall screen's pages and streams, over the served store."""

    def __init__(
        self,
        store_path: StoreLocation,
        holder: Holder | None = None,
        *,
        max_viewers: int = MAX_VIEWERS,
        poll: float = POLL_SECONDS,
        room_links: Callable[[], list[str]] = list,
    ) -> None:
        self.store_path = store_path
        self.holder = holder
        self.max_viewers = max_viewers
        self.poll = poll
        self.room_links = room_links
        """The addresses the room's devices open (empty when served on this computer only)."""
        self.feeds: dict[str, Feed] = {}
        self.viewers = 0

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get(PREFIX, self.index),
            web.get(PREFIX + "/{workshop}", self.page),
            web.get(PREFIX + "/{workshop}/flux", self.stream),
        ]

    async def index(self, request: web.Request) -> web.Response:
        only = self.holder(request) if self.holder is not None else None
        workshops = await asyncio.to_thread(visible_workshops, self.store_path, only)
        if len(workshops) == 1:
            raise web.HTTPSeeOther(link(workshops[0].name))
        page = TEMPLATES.get_template("salle-liste.html").render(workshops=workshops, link=link)
        return html(page)

    async def page(self, request: web.Request) -> web.Response:
        name = allowed(self.holder, request)
        workshop = await asyncio.to_thread(self._load, name)
        join_url = self._join_url(request)
        page = TEMPLATES.get_template("salle.html").render(
            workshop=workshop,
            stream_url=link(name) + "/flux",
            join_url=join_url,
            qr_svg=qr_svg(join_url) if join_url else "",
        )
        return html(page)

    async def stream(self, request: web.Request) -> web.StreamResponse:
        name = allowed(self.holder, request)
        if self.viewers >= self.max_viewers:
            raise web.HTTPServiceUnavailable(
                text=f"Trop d'écrans de salle ouverts ({self.max_viewers}) : "
                "fermez-en un, puis rechargez la page."
            )
        self.viewers += 1  # before any await: walls opened together are counted one by one
        try:
            await asyncio.to_thread(self._load, name)  # 404 for a workshop that does not exist
        except BaseException:
            self.viewers -= 1
            raise
        feed = self.feeds.get(name)
        if feed is None:
            feed = self.feeds[name] = Feed(self.store_path, name, self.poll)
        queue = feed.join()
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store"}
        )
        try:
            await response.prepare(request)
            quiet = 0.0
            while True:
                try:
                    item = await asyncio.wait_for(queue.get(), LEFT_CHECK_SECONDS)
                except TimeoutError:
                    # aiohttp does not cancel a handler whose client left: look for ourselves.
                    if request.transport is None or request.transport.is_closing():
                        break
                    quiet += LEFT_CHECK_SECONDS
                    if quiet < KEEPALIVE_SECONDS:
                        continue
                    item = ": toujours là\n\n"
                if item is None:
                    break
                quiet = 0.0
                if not isinstance(item, str):
                    item = _event("atelier", wall_view(item, time.time()).to_data())
                await response.write(item.encode())
        except ConnectionError:
            pass  # the viewer left: an ordinary end
        finally:
            self.viewers -= 1
            feed.leave(queue)
            if not feed.viewers:
                self.feeds.pop(name, None)
        with contextlib.suppress(ConnectionError):
            await response.write_eof()
        return response

    def end(self) -> None:
        """The server stops: every open wall is told so."""
        for feed in list(self.feeds.values()):
            feed.end()

    def _load(self, name: str) -> Any:
        from fiction.store.store import Store

        try:
            with Store.for_reading(self.store_path) as store:
                return store.load(name)
        except FictionError as error:
            raise web.HTTPNotFound(text=error.message) from error

    def _join_url(self, request: web.Request) -> str:
        """What a phone of the room opens: the address this page came by, unless that is
        this computer's own, served without a code (then the server's room address, if any)."""
        if address.needs_code(request.url.host or ""):
            return f"{request.scheme}://{request.host}/"
        links = self.room_links()
        return links[0] if links else ""


def qr_svg(url: str) -> str:
    """`url` as an inline SVG QR code (dark on white, for a phone's camera)."""
    import segno

    return str(
        segno.make(url, error="m").svg_inline(border=2, dark="#000", light="#fff", omitsize=True)
    )


def link(name: str) -> str:
    return f"{PREFIX}/{quote(name, safe='')}"
