"""`brieven serve`: the chat page and the HTTP API on one local port, with no network beyond it."""

from __future__ import annotations

import argparse
import os

from ingest.settings import Settings


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "serve",
        parents=[common],
        help="start the chat page and the HTTP API (POST /api/ask)",
        description="Serve the chat page at http://HOST:PORT/ and the HTTP API at POST /api/ask.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.add_argument("--no-upload", action="store_true", help="do not let the page add letters to the index")
    p.add_argument("--llm", default=None, metavar="PROVIDER:MODEL", help="language model (env BRIEVEN_LLM)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    # No telemetry, no update checks: the page runs offline.
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import uvicorn

    from assistant.app import create_server
    from assistant.engine import open_engine

    if args.llm:
        settings = settings.with_(llm_model=args.llm)
    engine = open_engine(settings)
    engine.warm_up()
    # new snapshots are picked up between requests
    app = create_server(settings, engine, watch=True, upload=not args.no_upload)
    print(f"brieven: serving on http://{args.host}:{args.port}/ (API: POST /api/ask)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
