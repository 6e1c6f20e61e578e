"""The tuning part of the reading corpus: the accuracy reached stays, and nothing wrong is
stored (the held-out part is only ever scored by `python bench/reading.py`)."""

from bench.reading import score

REACHED = 1.0  # share of tuning cases read right in every field
MARGIN = 0.02
WRONG_STORED = 0


def test_tuning_accuracy_and_nothing_wrong_stored() -> None:
    result = score("tuning")
    assert result.right["cases"] / result.total["cases"] >= REACHED - MARGIN
    assert sum(result.wrong.values()) <= WRONG_STORED
