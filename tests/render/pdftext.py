"""Reading printed text back from a PDF, the way a test can compare it to what was typed."""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def comparable(text: str) -> str:
    """Text with layout undone: no spaces or line breaks, no hyphens, one case, no ligatures.

    Hyphenation splits words at line ends, spacing turns spaces into no-break
    ones and labels are set in capitals: comparing what is left still proves
    that every letter of a text reached the page, in order.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\u00a0\u00ad\-‐]", "", text)


def page_texts(pdf: bytes) -> list[str]:
    return [comparable(page.extract_text() or "") for page in reader(pdf).pages]
