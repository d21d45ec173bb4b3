"""One group's news-report script as a Markdown table (IMAGE | SON), with timings.

For pasting into a shared document; the PDF (`script.html`) is the version
printed for the filming.
"""

from __future__ import annotations

from fiction.render.booklet import Booklet, Chapter
from fiction.render.markdown import escape_html


def script_markdown(booklet: Booklet, chapter: Chapter) -> str:
    heading = (
        f"# Journal télévisé — groupe {chapter.number} — {chapter.pseudonym}\n\n"
        f"{booklet.heading} · {chapter.title}"
    )
    if not chapter.script.rows:
        return escape_html(f"{heading}\n\n_Ce groupe n'a pas encore écrit son journal télévisé._\n")
    lines = ["| Segment | Image | Son |", "|---|---|---|"]
    for row in chapter.script.rows:
        segment = f"{row.number}. **{row.kind}**"
        if row.speakers:
            segment += f" — {', '.join(row.speakers)}"
        segment += f" ({row.start} · {row.duration})"
        sound = row.sound.strip()
        if row.cue:
            sound += f" _(dernière phrase : {row.cue.strip()})_"
        lines.append(f"| {_cell(segment)} | {_cell(' / '.join(row.image))} | {_cell(sound)} |")
    total = (
        f"Durée estimée : {chapter.script.total} "
        f"(lecture à {chapter.script.words_per_minute} mots par minute)."
    )
    return escape_html(f"{heading}\n\n" + "\n".join(lines) + f"\n\n{total}\n")


def _cell(text: str) -> str:
    """A table cell on one line: line breaks become spaces, pipes are escaped."""
    return " ".join(text.split()).replace("|", "\\|")
