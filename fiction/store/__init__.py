"""The workshop store: every workshop in one SQLite file, every edit saved at once.

`Store` (in `store`) opens or creates the file and makes each change one
durable transaction with its history entry; `model` holds the frozen
snapshots it gives back, `Workshop` and its parts. Around them:

- `schema`: the tables, their migrations, the checks before touching a file;
- `rows`: whole workshops in and out of the tables; `plans` and `access`:
  what each edit reads, decides and writes; `hands`: locks and redraws;
- `paths`, `values` and `labels`: what an edit can change, the check each
  value gets, and the French name of each field for the messages;
- `creation`: a new workshop from a deck and a deal, with `pseudonyms`;
- `exchange` and `plain`: JSON and YAML export files, and the plain data
  they hold;
- `phase`: the shared countdown; `join_codes`: what a browser types to reach
  a workshop served by `fiction serve`; `changes`: each edit announced to
  the processes following the workshop (PostgreSQL's LISTEN/NOTIFY);
  `presence`: which screens have a group open; `drafts`: typed text the
  store refused, kept beside it until the group reopens.

Each piece is imported from its own module (`fiction.store.store`,
`fiction.store.model`…), never from here: naming a store location
(`fiction.store.location`) at start-up must load neither the database code
nor the model.

Domain code only: the Markdown account of a workshop is in
`fiction.render.markdown`.
"""
