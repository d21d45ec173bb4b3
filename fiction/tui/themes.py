"""The app's three themes: light, dark, and a high-contrast one for projectors.

Workshops run in bright rooms on old screens and on projectors, so the
high-contrast theme keeps text pure black on white with saturated accents.
"""

from __future__ import annotations

from textual.theme import Theme

LIGHT = Theme(
    name="fiction-clair",
    primary="#1f5f8b",
    secondary="#9b2242",
    accent="#c0571b",
    warning="#b36200",
    error="#b00020",
    success="#2e7d4f",
    foreground="#1b1b1b",
    background="#f6f4ef",
    surface="#ffffff",
    panel="#e6e1d6",
    dark=False,
)

DARK = Theme(
    name="fiction-sombre",
    primary="#5fa8d3",
    secondary="#e0697f",
    accent="#f0a35e",
    warning="#ffb74d",
    error="#ff6e6e",
    success="#66bb6a",
    foreground="#ececec",
    background="#161a1d",
    surface="#20262b",
    panel="#2b3238",
    dark=True,
)

HIGH_CONTRAST = Theme(
    name="fiction-contraste",
    primary="#0000c8",
    secondary="#8b0000",
    accent="#000000",
    warning="#a04000",
    error="#c00000",
    success="#006400",
    foreground="#000000",
    background="#ffffff",
    surface="#ffffff",
    panel="#d0d0d0",
    boost="#000000",
    dark=False,
    luminosity_spread=0.05,
    text_alpha=1.0,
)

THEMES = (LIGHT, DARK, HIGH_CONTRAST)
THEME_LABELS = {
    LIGHT.name: "Thème clair",
    DARK.name: "Thème sombre",
    HIGH_CONTRAST.name: "Contraste élevé",
}
DEFAULT_THEME = LIGHT.name
