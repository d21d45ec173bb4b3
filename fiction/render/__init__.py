"""Output for people to read: print-ready PDFs, HTML, Markdown, PNG and terminal tables.

Renderers take domain objects (a deck, a workshop, a timed script) and never
change them. Plain values first (`faces`, `card_pages`, `sheet`, `booklet`),
then their layout through the Jinja2 templates (`templating`, `documents`,
`cards`) and WeasyPrint (`pdf`, `fit`, `fetcher`); `markdown` and
`script_markdown` write the same content as text, `deck_tables` as Rich
tables for `fiction deck show`. Never imports the app (`fiction.tui`).
"""
