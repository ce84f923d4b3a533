import pytest

from civility.learning.thresholds import cache_clear


@pytest.fixture(autouse=True)
def _fresh_levels():
    """Tuned flag levels are kept in memory per process: no test sees another's."""
    cache_clear()
    yield
    cache_clear()
