"""Anonymous group names, "Animal Adjectif", as in the ACTAS working lab.

Groups write about their own service and users; a pseudonym keeps names of
people and teams out of the booklet. The adjective agrees with the animal's
grammatical gender ("Panda Curieux", "Loutre Curieuse"). Every group of a
workshop gets a different animal, drawn with the workshop's own seeded
generator, so a replayed deal gives the same names.
"""

from __future__ import annotations

import random

from fiction.errors import FictionError

# (animal, grammatical gender: "m" or "f")
ANIMALS: tuple[tuple[str, str], ...] = (
    ("Panda", "m"), ("Loutre", "f"), ("Renard", "m"), ("Chouette", "f"), ("Hérisson", "m"),
    ("Tortue", "f"), ("Lynx", "m"), ("Baleine", "f"), ("Castor", "m"), ("Abeille", "f"),
    ("Blaireau", "m"), ("Fourmi", "f"), ("Colibri", "m"), ("Gazelle", "f"), ("Pingouin", "m"),
    ("Girafe", "f"), ("Koala", "m"), ("Mouette", "f"), ("Écureuil", "m"), ("Libellule", "f"),
    ("Bison", "m"), ("Grue", "f"), ("Dauphin", "m"), ("Marmotte", "f"), ("Hibou", "m"),
    ("Cigogne", "f"), ("Lapin", "m"), ("Hirondelle", "f"), ("Ours", "m"), ("Salamandre", "f"),
    ("Phoque", "m"), ("Coccinelle", "f"),
)  # fmt: skip

# (masculine, feminine)
ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("Zen", "Zen"), ("Curieux", "Curieuse"), ("Joyeux", "Joyeuse"), ("Malin", "Maligne"),
    ("Rêveur", "Rêveuse"), ("Audacieux", "Audacieuse"), ("Serein", "Sereine"),
    ("Agile", "Agile"), ("Patient", "Patiente"), ("Bavard", "Bavarde"), ("Tenace", "Tenace"),
    ("Espiègle", "Espiègle"), ("Attentif", "Attentive"), ("Généreux", "Généreuse"),
    ("Vif", "Vive"), ("Inventif", "Inventive"), ("Solidaire", "Solidaire"), ("Têtu", "Têtue"),
    ("Calme", "Calme"), ("Discret", "Discrète"), ("Rusé", "Rusée"), ("Pétillant", "Pétillante"),
    ("Créatif", "Créative"), ("Paisible", "Paisible"), ("Intrépide", "Intrépide"),
    ("Lumineux", "Lumineuse"), ("Fier", "Fière"), ("Enjoué", "Enjouée"),
)  # fmt: skip


def pseudonyms(count: int, rng: random.Random) -> tuple[str, ...]:
    """`count` different pseudonyms, each with its own animal."""
    if not 0 <= count <= len(ANIMALS):
        raise FictionError(
            f"Impossible de nommer {count} groupes : {len(ANIMALS)} groupes au plus."
        )
    names = []
    for animal, gender in rng.sample(ANIMALS, count):
        masculine, feminine = rng.choice(ADJECTIVES)
        names.append(f"{animal} {masculine if gender == 'm' else feminine}")
    return tuple(names)
