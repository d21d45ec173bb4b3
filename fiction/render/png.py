"""PDF pages as PNG pictures, with PDFium (pypdfium2 ships its own binary)."""

from __future__ import annotations

import io


def pdf_to_pngs(pdf: bytes, dpi: int) -> list[bytes]:
    """Every page of `pdf` rasterised at `dpi`, white background, as PNG bytes."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        pictures = []
        for page in document:
            bitmap = page.render(scale=dpi / 72)
            buffer = io.BytesIO()
            bitmap.to_pil().save(buffer, format="PNG", optimize=True)
            pictures.append(buffer.getvalue())
            page.close()
        return pictures
    finally:
        document.close()
