"""The corpus: an embedded SQLite store of articles and every annotation layer.

In Python::

    from rawi.store import ingest, open_store, search, claims
    ingest(["news.jsonl.gz"], "rawi.db")
    with open_store("rawi.db") as store:
        hits = search(store, "الفرات", date_from="2017-09-01")
        said = claims(store, speaker="Russia", modality="hedged")

The schema is documented in ``docs/store.md``.
"""

from rawi.store.db import DEFAULT_DB, Store, StoreError, open_store
from rawi.store.export import export, iter_docs
from rawi.store.ingest import IngestReport, ingest
from rawi.store.queries import UnknownActor, claims, pairs, stats, timeline, top_actors
from rawi.store.search import Hit, QueryError, search

__all__ = [
    "DEFAULT_DB", "Hit", "IngestReport", "QueryError", "Store", "StoreError", "UnknownActor",
    "claims", "export", "ingest", "iter_docs", "open_store", "pairs", "search", "stats",
    "timeline", "top_actors",
]
