"""A LangChain retriever over the Searcher: Documents carrying each chunk's provenance."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.hybrid import Searcher
from ingest.model import Hit, SearchFilter
from ingest.serialize import passage_json


def hit_metadata(hit: Hit) -> dict[str, Any]:
    """Provenance of a hit as plain JSON-ready values."""
    return {
        **passage_json(hit.chunk, hit.letter),
        "score": hit.score,
        "rank": hit.rank,
        "found_by": list(hit.found_by),
        "source": hit.letter.source,
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
