"""The full-text index of the articles' segmented words, per database: on PostgreSQL a stored
generated column `search_vector` = to_tsvector('simple', search_text) with a GIN index (the model
does not declare it: the database fills it on every insert and update); an FTS5 table on SQLite when the SQLite build has
FTS5 (beian.support.search keeps it current and falls back to matching in Python otherwise)."""

from django.db import OperationalError, migrations

PG_INDEX = "support_article_search_gin"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE support_article ADD COLUMN search_vector tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {PG_INDEX} ON support_article USING gin (search_vector)")
    elif connection.vendor == "sqlite":
        try:
            schema_editor.execute("CREATE VIRTUAL TABLE support_article_fts USING fts5(search_text)")
        except OperationalError:  # an SQLite built without FTS5: search matches in Python
            pass


def backwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")
        schema_editor.execute("ALTER TABLE support_article DROP COLUMN IF EXISTS search_vector")
    elif connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS support_article_fts")


class Migration(migrations.Migration):
    dependencies = [("support", "0001_help_articles")]
    operations = [migrations.RunPython(forwards, backwards)]
