"""The deck of cards: its model, its YAML files, their checks and their JSON Schema.

`kinds` names the kinds of card; `model` holds one frozen dataclass per kind
and the `Deck` they make; `loader` reads a deck folder (with `yamlread`,
`build` and `checks`) into a validated `Deck` or a `DeckError` listing every
problem; `locate` says which deck to open for a command or a workshop;
`serialize`, `schema` and `scaffold` write a deck back out, describe its
format and start a new one. Domain code only: no UI import.
"""
