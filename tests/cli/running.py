"""Running the `fiction` command in a test as a user runs it."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest

from fiction import cli


def run_fiction(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    arguments: Sequence[str],
    answer: str = "",
) -> tuple[int, str, str]:
    """`fiction ARGUMENTS` through the real entry point, `answer` typed on its
    standard input: (exit code, standard output, standard error)."""
    monkeypatch.setattr("sys.stdin", io.StringIO(answer))
    with pytest.raises(SystemExit) as exit_info:
        cli.main(list(arguments))
    captured = capsys.readouterr()
    return exit_info.value.code, captured.out, captured.err
