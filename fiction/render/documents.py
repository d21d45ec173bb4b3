"""The booklet and a group's news-report script, as HTML and as PDF.

Each is one template (`booklet.html`, `script.html`) filled with the values
of `booklet`; the PDF is that same HTML laid out by WeasyPrint, so the HTML
output (`--format html`) is exactly what the PDF shows.
"""

from __future__ import annotations

from fiction.errors import FictionError
from fiction.render import templating
from fiction.render.booklet import Booklet, Chapter
from fiction.render.templating import TemplateFolders


def booklet_html(folders: TemplateFolders, booklet: Booklet) -> str:
    return templating.render(folders, "booklet.html", b=booklet)


def script_html(folders: TemplateFolders, booklet: Booklet, group: int) -> str:
    return templating.render(folders, "script.html", b=booklet, chapter=chapter_of(booklet, group))


def chapter_of(booklet: Booklet, group: int) -> Chapter:
    for chapter in booklet.chapters:
        if chapter.number == group:
            return chapter
    raise FictionError(
        f"L'atelier « {booklet.name} » n'a pas de groupe {group} "
        f"(groupes 1 à {len(booklet.chapters)})."
    )
