"""Example counts that follow the Hypothesis profile tests/conftest.py loads.

`ci` (the default) runs every property with the count written beside it; `dev`
a tenth of it. A property that needs its own count writes
`max_examples=examples(120)`: a bare `max_examples=120` would override any profile.
"""

from __future__ import annotations

from hypothesis import settings

CI_EXAMPLES = 100


def examples(count: int) -> int:
    """`count` under the `ci` profile, scaled like the default count under the loaded one."""
    return max(1, count * settings.default.max_examples // CI_EXAMPLES)
