"""`brieven serve` on an index, in its own process, for the load tests (python -m tests.serve_index).

Usage: python -m tests.serve_index --index DIR --port PORT [--fake]
With --fake the hashing embedder stands in for the model (tests where the model is not the point).
"""

from __future__ import annotations

import argparse
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", required=True)
    parser.add_argument("--port", required=True)
    parser.add_argument("--fake", action="store_true")
    args = parser.parse_args()
    extra = []
    if args.fake:
        import index.embeddings
        import index.hybrid
        from index.fake import FakeEmbedder

        def fake(settings):
            return FakeEmbedder(name="fake-hash")

        index.embeddings.load_embedder = index.hybrid.load_embedder = fake
        extra = ["--model", "fake-hash"]
    from assistant.cli import main as brieven

    return brieven(["serve", "--index", args.index, "--port", args.port, *extra])


if __name__ == "__main__":
    sys.exit(main())
