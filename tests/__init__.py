"""The test suite; each package mirrors one package of `fiction` (tests/cards, tests/cli…)."""
