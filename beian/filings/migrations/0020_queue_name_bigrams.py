"""PostgreSQL only: a two-character name search in the review queue reads the queue's own pieces.

The queue's search used to AND the name pieces of every order (order_subject_name_bigrams) with a
bitmap of every order awaiting review, whose cost grows with the queue (8 ms at 110,000 orders
awaiting, for 5 matches). This index holds the pieces of the orders awaiting review only. Both
piece indexes keep 10,000 most common pieces in their statistics (1,000 by default), so that a
rare piece is estimated as rare and found through its index, and a common word still walks the
queue in order (bench/review_queue.py)."""

from django.db import migrations

AWAITING_REVIEW = ["PENDING_PROVIDER_REVIEW", "PROVIDER_RESUBMITTED"]  # as order_queue_due's condition (0016)

QUEUE_INDEX = "order_queue_name_bigrams"
PIECE_INDEXES = ("order_subject_name_bigrams", QUEUE_INDEX)
PIECE_STATISTICS = 1000  # the statistics target: arrays keep 10 x as many most common elements


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    statuses = ", ".join(f"'{status}'" for status in AWAITING_REVIEW)
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {QUEUE_INDEX} ON filings_order "
        f"USING gin (order_name_bigrams(submitted_subject_name)) WHERE status IN ({statuses})"
    )
    for index in PIECE_INDEXES:
        schema_editor.execute(f"ALTER INDEX {index} ALTER COLUMN 1 SET STATISTICS {PIECE_STATISTICS}")
    schema_editor.execute("ANALYZE filings_order")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {QUEUE_INDEX}")
    schema_editor.execute("ALTER INDEX order_subject_name_bigrams ALTER COLUMN 1 SET STATISTICS -1")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY: orders stay writable while it builds

    dependencies = [("filings", "0019_submitted_domain")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
