"""The tablet prompter of `fiction serve`: `/prompteur`, then a group.

A plain HTML page (`templates/prompteur.html`: its style and script inline,
nothing loaded from elsewhere, no app process) that scrolls the group's SON
column at the group's reading speed, with mirror mode for a beam-splitter
rig, text size, speed, pause, an eye-line marker and a way back to the
previous segment. It asks the server for the text every few seconds
(`…/texte`, JSON) and follows the edits made in the app meanwhile; a new
speed is saved as the group's (`…/vitesse`), so timings, subtitles and the
prompter agree.

Behind the same gate as the rest: with a join code, a device sees only the
workshop its pass names.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from typing import Any
from urllib.parse import quote, urlsplit

from aiohttp import web

from fiction.errors import FictionError
from fiction.serve.gate import TEMPLATES
from fiction.serve.pages import Holder, allowed, html, visible_workshops
from fiction.store.location import StoreLocation

PREFIX = "/prompteur"
AUTHOR = "prompteur"
"""Who the history says changed a group's speed from the prompter."""


class Prompter:
    """The prompter's pages, reading (and saving the speed in) the served store."""

    def __init__(self, store_path: StoreLocation, holder: Holder | None = None) -> None:
        self.store_path = store_path
        self.holder = holder
        """The workshop a request's pass opens, when the server has a gate."""

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get(PREFIX, self.index),
            web.get(PREFIX + "/{workshop}/{group:\\d+}", self.page),
            web.get(PREFIX + "/{workshop}/{group:\\d+}/texte", self.text),
            web.post(PREFIX + "/{workshop}/{group:\\d+}/vitesse", self.speed),
        ]

    async def index(self, request: web.Request) -> web.Response:
        only = self.holder(request) if self.holder is not None else None
        workshops = await asyncio.to_thread(visible_workshops, self.store_path, only)
        page = TEMPLATES.get_template("prompteur-liste.html").render(
            workshops=workshops, link=_link
        )
        return html(page)

    async def page(self, request: web.Request) -> web.Response:
        name, number = self._allowed(request)
        group = await asyncio.to_thread(self._group, name, number)
        page = TEMPLATES.get_template("prompteur.html").render(
            workshop=name,
            group=group,
            text_url=_link(name, number) + "/texte",
            speed_url=_link(name, number) + "/vitesse",
        )
        return html(page)

    async def text(self, request: web.Request) -> web.Response:
        name, number = self._allowed(request)
        group = await asyncio.to_thread(self._group, name, number)
        return web.json_response(script_data(group), headers={"Cache-Control": "no-store"})

    async def speed(self, request: web.Request) -> web.Response:
        name, number = self._allowed(request)
        origin = request.headers.get("Origin")
        if origin is None or urlsplit(origin).netloc.lower() != request.host.lower():
            raise web.HTTPForbidden(text="Origine refusée.")
        try:
            speed = float((await request.json())["speed"])
        except (ValueError, KeyError, TypeError) as error:
            raise web.HTTPBadRequest(text='Vitesse attendue : {"speed": 2.5}.') from error
        try:
            await asyncio.to_thread(self._save_speed, name, number, speed)
        except FictionError as error:
            raise web.HTTPBadRequest(text=error.message) from error
        return web.json_response({"speed": speed})

    # --- the store, read and written in a thread ------------------------------------------

    def _group(self, name: str, number: int) -> Any:
        from fiction.store.store import Store

        try:
            with Store.for_reading(self.store_path) as store:
                workshop = store.load(name)
        except FictionError as error:
            raise web.HTTPNotFound(text=error.message) from error
        for group in workshop.groups:
            if group.number == number:
                return group
        raise web.HTTPNotFound(text=f"L'atelier « {name} » n'a pas de groupe {number}.")

    def _save_speed(self, name: str, number: int, speed: float) -> None:
        from fiction.store.store import Store

        with Store(self.store_path) as store:
            store.set_field(name, number, "reading_speed", round(speed, 2), AUTHOR)

    def _allowed(self, request: web.Request) -> tuple[str, int]:
        return allowed(self.holder, request), int(request.match_info["group"])


def script_data(group: Any) -> dict[str, Any]:
    """What the page shows: each segment's words to read, the speed, and a version to
    notice an edit by."""
    from fiction.report.timing import WORD, is_caption, read_aloud
    from fiction.store.model import SEGMENT_LABELS

    segments = []
    for segment in group.segments:
        lines = [
            line.strip()
            for line in read_aloud(segment.sound).splitlines()
            if line.strip() and not is_caption(line) and WORD.search(line)
        ]
        segments.append(
            {
                "label": SEGMENT_LABELS.get(segment.kind, segment.kind),
                "speakers": [name for name in segment.speakers if name.strip()],
                "lines": lines,
                "words": sum(len(WORD.findall(line)) for line in lines),
            }
        )
    data = {
        "pseudonym": group.pseudonym,
        "number": group.number,
        "speed": group.reading_speed,
        "segments": segments,
    }
    version = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
    return data | {"version": version}


def _link(name: str, number: int) -> str:
    return f"{PREFIX}/{quote(name, safe='')}/{number}"
