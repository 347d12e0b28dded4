"""A LangChain retriever over the Searcher: Documents carrying each chunk's provenance."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.hybrid import Searcher
from ingest.model import Hit, SearchFilter


def hit_metadata(hit: Hit) -> dict[str, Any]:
    """Provenance of a hit as plain JSON-ready values."""
    chunk, letter = hit.chunk, hit.letter
    return {
        "chunk_id": chunk.id,
        "letter_id": letter.id,
        "title": letter.title,
        "date": letter.date.isoformat() if letter.date else None,
        "section_path": list(chunk.section_path),
        "page": chunk.page,
        "footnotes": [{"number": f.number, "text": f.text} for f in chunk.footnotes],
        "score": hit.score,
        "rank": hit.rank,
        "found_by": list(hit.found_by),
        "source": letter.source,
    }


def hit_to_document(hit: Hit) -> Document:
    return Document(page_content=hit.chunk.text, metadata=hit_metadata(hit), id=hit.chunk.id)


class BrievenRetriever(BaseRetriever):
    """`retriever.invoke("question")` → the k best passages as Documents, in rank order."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    searcher: Searcher
    k: int = 5
    mode: str = "hybrid"
    filters: SearchFilter | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = self.searcher.search(query, k=self.k, filters=self.filters, mode=self.mode)
        return [hit_to_document(h) for h in hits]
