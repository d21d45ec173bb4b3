"""How long the light commands take to start, beside bare Click in the same run.

`fiction --help`, `fiction deck check` and `fiction deal` must import nothing
heavy (deal needs Jinja2 for its prompts, nothing more); this prints their
start-up next to `python -c "import click"` (the CLI framework alone) and
`python -c pass` (the interpreter alone).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import print_rows, sized, time_command

REPEAT = sized(15, 1)


def main() -> None:
    python = sys.executable
    fiction = [python, "-m", "fiction"]
    rows = [
        ("python -c pass (interpréteur seul)", time_command([python, "-c", "pass"], REPEAT)),
        ('python -c "import click" (base)', time_command([python, "-c", "import click"], REPEAT)),
        ("fiction --help", time_command([*fiction, "--help"], REPEAT)),
        ("fiction deck check (jeu intégré)", time_command([*fiction, "deck", "check"], REPEAT)),
        (
            "fiction deal --groups 7 --json (avec Jinja2)",
            time_command([*fiction, "deal", "--groups", "7", "--seed", "1", "--json"], REPEAT),
        ),
    ]
    if shutil.which("fiction"):
        rows.append(
            ("fiction --help (script installé)", time_command(["fiction", "--help"], REPEAT))
        )
    print_rows("Démarrage des commandes", rows, baseline='python -c "import click" (base)')


if __name__ == "__main__":
    main()
