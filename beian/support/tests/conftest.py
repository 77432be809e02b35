import pytest

from beian.support.services import articles_load


@pytest.fixture
def articles(db):
    """The seed articles and courses of beian/support/data, loaded as `load_reference` does."""
    return articles_load()
