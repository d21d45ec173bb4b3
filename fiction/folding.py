"""French words compared the way people mean them: case, accents and little words aside.

The météo's word cloud counts « Élan » and « élan » as one word, and the
library finds « Été » when « ete » is typed: both fold words here, and both
leave out the same little words (articles, pronouns, prepositions,
conjunctions, the commonest forms of « être » and « avoir »).
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """`text` in one case, without accents or ligatures (« Œuvre Été » → « oeuvre ete »)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.replace("œ", "oe").replace("æ", "ae")


_STOP_WORDS_TEXT = """
    a ai au aux avec c ca ce ces cet cette d dans de des du elle elles en et est etre
    eux il ils j je l la le les leur leurs lui m ma mais me mes moi mon n ne ni nos notre
    nous on ou par pas pour qu que qui s sa se ses si son sur t ta te tes toi ton tu un
    une vos votre vous y"""

STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
"""Words left out of counts and searches, in their folded form."""
