"""Dense, BM25 and hybrid indexes over the ingested chunks."""
