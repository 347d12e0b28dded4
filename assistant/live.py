"""The server's engine, kept current: between requests the pointer CURRENT is read (one small file) and,
when a new snapshot became current, a new engine is opened over it and swapped in atomically.

Requests in flight keep the engine they started with (they hold a reference); the old engine is
freed when the last of them finishes. Only one request opens the new engine; the others go on with
the old one meanwhile instead of waiting. The embedding model is loaded once and shared.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from assistant.engine import Engine
from ingest.errors import BrievenError
from ingest.settings import Settings
from ingest.store import Store

log = logging.getLogger(__name__)


def open_engine_sharing(settings: Settings, old: Engine | None, llm=None) -> Engine:
    """An engine over the current snapshot, reusing the old engine's embedding model and language model."""
    from index.hybrid import open_searcher

    embedder = None
    if old is not None:
        embedder = getattr(old.searcher, "_embedder", None)  # loaded lazily; None until the first query
    searcher = open_searcher(settings, embedder=embedder)
    snapshot = searcher.snapshot
    return Engine(
        searcher,
        settings,
        chunks=snapshot.chunks,
        llm=llm if llm is not None else (old.llm if old is not None else None),
        letters=list(snapshot.letters.values()),
        mentions=snapshot.mentions,
    )


class LiveEngine:
    """Hands each request the engine over the current snapshot."""

    def __init__(
        self,
        settings: Settings,
        engine: Engine,
        watch: bool = True,
        opener: Callable[[Settings, Engine], Engine] | None = None,
    ) -> None:
        self.settings = settings
        self._engine = engine
        self._watch = watch
        self._store = Store(settings.index_dir)
        self._opener = opener or (lambda s, old: open_engine_sharing(s, old))
        self._seen = self._pointer() if watch else None
        self._reloading = threading.Lock()
        self.reloads = 0
        self.last_error: str | None = None

    def _pointer(self) -> str | None:
        try:
            return self._store.pointer()
        except BrievenError:
            return None

    @property
    def snapshot_name(self) -> str | None:
        return self._seen

    def get(self) -> Engine:
        """The engine to answer this request with; reloads first when the pointer moved."""
        if self._watch:
            name = self._pointer()
            if name is not None and name != self._seen and self._reloading.acquire(blocking=False):
                try:
                    if name != self._seen:
                        self._reload(name)
                finally:
                    self._reloading.release()
        return self._engine

    def _reload(self, name: str) -> None:
        try:
            engine = self._opener(self.settings, self._engine)
        except BrievenError as exc:
            # e.g. a damaged snapshot: keep answering from the engine we have, and do not retry on
            # every request; the next pointer move (a new ingest, `brieven doctor`) tries again
            self._seen = name
            self.last_error = str(exc)
            log.warning("brieven: keeping the current index: %s", exc)
            return
        self._swap(engine, name)

    def _swap(self, engine: Engine, name: str | None) -> None:
        self._engine = engine  # one reference swap: atomic for the requests that read it next
        snapshot = getattr(engine.searcher, "snapshot", None)
        self._seen = snapshot.dir.name if snapshot is not None else name
        self.reloads += 1
        self.last_error = None

    def refresh(self) -> Engine:
        """The engine over the current snapshot, reopened now (after letters were added from the page).

        Unlike a reload between requests, a failure here is raised: the user who just added letters
        must hear that they are not searchable yet."""
        with self._reloading:
            self._swap(self._opener(self.settings, self._engine), self._pointer())
        return self._engine
