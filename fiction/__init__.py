"""fiction — design-fiction scenarios and workshop kit for French social-action centres."""

from __future__ import annotations

__version__ = "0.1.0"
