"""The on-screen captions of a group's script (« bandeaux », « synthés »).

Every caption line of the IMAGE column (« Bandeau : Le Mans, 2050 ») is text
to lay over the picture at the edit. What follows the colon is shown; a
caption naming a person in the usual way, « Marie Dupont — hôte de
convivialité », shows the name on the main line and what follows the dash
below it, smaller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fiction.report.timing import is_caption
from fiction.store.model import SEGMENT_LABELS, Segment

_DETAIL = re.compile(r"\s+[—–]\s+")


@dataclass(frozen=True)
class Caption:
    """One caption: where it is in the script (« 2.1 »), its main line and its detail."""

    number: str
    segment: str
    main: str
    detail: str = ""


def on_screen_captions(segments: Iterable[Segment]) -> tuple[Caption, ...]:
    """Every caption of the script, in script order, numbered by segment."""
    found = []
    for number, segment in enumerate(segments, start=1):
        index = 0
        for line in segment.image.splitlines():
            if not is_caption(line):
                continue
            text = line.split(":", 1)[1].strip()
            if not text:
                continue
            index += 1
            main, _, detail = (part.strip() for part in _partition(text))
            label = SEGMENT_LABELS.get(segment.kind, segment.kind)
            found.append(Caption(f"{number}.{index}", label, main, detail))
    return tuple(found)


def _partition(text: str) -> tuple[str, str, str]:
    parts = _DETAIL.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0] and parts[1]:
        return parts[0], "—", parts[1]
    return text, "", ""
