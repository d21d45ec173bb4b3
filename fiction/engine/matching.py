"""Give each group one card of a kind so the round stays balanced: slots and matching.

Balance first decides the *slots* of a round: which cards may be dealt how many
more times so that no card is dealt twice while another is not dealt at all
("water filling"). Some slots must be used, the others may be. Groups are then
matched to slots (Kuhn's augmenting paths) under each group's own constraints
(a card it already holds, a figure it already met), must-use slots first so
that a group's constraints never break the balance when a matching exists.
Sizes are a dozen groups at most, so the simple algorithm is the fast one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

Edge = Callable[[int, str], bool]


def water_fill(
    usage: dict[str, int], items: Sequence[str], count: int
) -> tuple[list[str], list[str]]:
    """Slots for `count` more cards among `items`, keeping usage counts as even as possible.

    Returns (must, optional): every `must` slot has to be used; exactly
    `count - len(must)` of the `optional` ones (one per item) are used too.
    """
    if not items or count <= 0:
        return [], []
    level = min(usage.get(item, 0) for item in items)
    while sum(max(0, level + 1 - usage.get(item, 0)) for item in items) <= count:
        level += 1
    must = [item for item in items for _ in range(max(0, level - usage.get(item, 0)))]
    optional = [item for item in items if usage.get(item, 0) <= level]
    if len(must) == count:
        optional = []
    return must, optional


class SlotMatcher:
    """Groups matched to slots, one slot each, grown phase by phase.

    A phase never unmatches what an earlier one matched (augmenting paths only
    re-route), so matching must-use slots first guarantees they stay used.
    """

    def __init__(self, groups: Sequence[int], slots: Sequence[str], must_count: int) -> None:
        self.groups = list(groups)
        self.slots = list(slots)
        self.must_count = must_count
        self.slot_of: dict[int, int] = {}
        self.owner: list[int | None] = [None] * len(self.slots)
        self._slots_of: dict[str, list[int]] = {}
        for index, item in enumerate(self.slots):
            self._slots_of.setdefault(item, []).append(index)

    def holders(self, item: str) -> list[int]:
        """The groups currently matched to a slot of `item`."""
        owners = (self.owner[index] for index in self._slots_of.get(item, ()))
        return [group for group in owners if group is not None]

    def match_must(self, edge: Edge) -> None:
        """Give every must-use slot a group, where `edge` allows."""
        for index in range(self.must_count):
            if self.owner[index] is None:
                self._augment_slot(index, edge, set())

    def match_groups(
        self, edge: Edge, order: Callable[[int], list[int]], free_first: bool = False
    ) -> None:
        """Give every unmatched group a slot, trying slots in `order(group)`.

        `free_first` takes any free slot before re-routing another group, so a
        looser phase does not undo the matches a stricter one chose on purpose.
        """
        for group in self.groups:
            if group in self.slot_of:
                continue
            if free_first:
                free = [i for i in order(group) if self.owner[i] is None]
                if any(edge(group, self.slots[i]) for i in free):
                    self._take(group, next(i for i in free if edge(group, self.slots[i])))
                    continue
            self._augment_group(group, edge, order, set())

    def result(self) -> dict[int, str]:
        return {group: self.slots[index] for group, index in self.slot_of.items()}

    def _take(self, group: int, index: int) -> None:
        self.owner[index] = group
        self.slot_of[group] = index

    def _augment_slot(self, index: int, edge: Edge, seen: set[int]) -> bool:
        item = self.slots[index]
        for group in self.groups:
            if group in seen or not edge(group, item):
                continue
            seen.add(group)
            current = self.slot_of.get(group)
            if current is None or self._augment_slot(current, edge, seen):
                self._take(group, index)
                return True
        return False

    def _augment_group(
        self, group: int, edge: Edge, order: Callable[[int], list[int]], seen: set[int]
    ) -> bool:
        for index in order(group):
            if index in seen or not edge(group, self.slots[index]):
                continue
            seen.add(index)
            holder = self.owner[index]
            if holder is None or self._augment_group(holder, edge, order, seen):
                self._take(group, index)
                return True
        return False
