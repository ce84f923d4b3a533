import pytest

from civility.learning import thresholds, versions


@pytest.fixture(autouse=True)
def _fresh_levels():
    """Tuned flag levels and the model in use are kept in memory per process: no test sees another's."""
    thresholds.cache_clear()
    versions.cache_clear()
    yield
    thresholds.cache_clear()
    versions.cache_clear()
