"""A separate process writing to a store, for the durability and concurrency tests.

It prints one line per edit *after* the store acknowledged it (the commit is
done), so whatever the test reads was promised to be saved:
`seq <TAB> group <TAB> path <TAB> value as JSON`.

    writer_process.py stream STORE WORKSHOP          edits without end, until killed
    writer_process.py writer STORE WORKSHOP N EDITS  waits for a line on stdin, then writes
"""

from __future__ import annotations

import json
import sys

from fiction.store.store import Store


def acknowledge(edit) -> None:
    print(edit.seq, edit.group, edit.path, json.dumps(edit.new), sep="\t", flush=True)


def stream(store: Store, workshop: str) -> None:
    fields = ("title", "narrative", "question", "purpose")
    number = 0
    while True:
        number += 1
        group = number % 3 + 1
        field = fields[number % len(fields)]
        acknowledge(store.set_field(workshop, group, field, f"édition {number}", "flux"))


def writer(store: Store, workshop: str, number: int, edits: int) -> None:
    author = f"écrivain {number}"
    print("prêt", flush=True)
    sys.stdin.readline()
    for index in range(edits):
        value = f"{number}-{index}"
        acknowledge(store.set_field(workshop, 1, "narrative", value, author))
        acknowledge(store.add_segment(workshop, 2, "report", author, sound=value))
        if index < 5:
            acknowledge(store.extend_phase(workshop, 1, author))


def main() -> None:
    mode, path, workshop, *numbers = sys.argv[1:]
    with Store(path) as store:
        if mode == "stream":
            stream(store, workshop)
        else:
            writer(store, workshop, *(int(n) for n in numbers))


if __name__ == "__main__":
    main()
