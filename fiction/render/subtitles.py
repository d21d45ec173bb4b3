"""Subtitle files from a script's cues: SubRip (.srt) and WebVTT (.vtt).

SRT is what every video editor imports; WebVTT is what a browser plays, and
carries who speaks as a voice span (`<v Voix off>`), which a player can show
or style. Both are UTF-8 text with the cues numbered in script order.
"""

from __future__ import annotations

from fiction.report.subtitles import Cue, Subtitles

SUBTITLE_FORMATS = ("srt", "vtt")


def subtitle_text(subtitles: Subtitles, chosen: str) -> str:
    return srt_text(subtitles) if chosen == "srt" else vtt_text(subtitles)


def srt_text(subtitles: Subtitles) -> str:
    blocks = [
        f"{number}\n{_stamp(cue.start_ms, ',')} --> {_stamp(cue.end_ms, ',')}\n{cue.text}\n"
        for number, cue in enumerate(subtitles.cues, start=1)
    ]
    return "\n".join(blocks)


def vtt_text(subtitles: Subtitles) -> str:
    blocks = ["WEBVTT\n"]
    for number, cue in enumerate(subtitles.cues, start=1):
        stamps = f"{_stamp(cue.start_ms, '.')} --> {_stamp(cue.end_ms, '.')}"
        blocks.append(f"{number}\n{stamps}\n{_vtt_payload(cue)}\n")
    return "\n".join(blocks)


def _vtt_payload(cue: Cue) -> str:
    text = _escape(cue.text)
    if not cue.voice:
        return text
    # A voice annotation ends at the first « > » and may not break a line.
    voice = " ".join(_escape(cue.voice).split())
    return f"<v {voice}>{text}</v>"


def _escape(text: str) -> str:
    """WebVTT cue text: « & », « < » and « > » as character references (no « --> »)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _stamp(ms: int, separator: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"
