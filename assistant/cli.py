"""The `brieven` console command: parses arguments, builds Settings, turns library errors into messages."""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module

from ingest.errors import BrievenError
from ingest.settings import Settings, default_index_dir, settings_from_env

# Subcommands, each a module in assistant.commands with register(subparsers) and run(args, settings).
COMMANDS = ("ingest", "export", "search", "ask", "chat", "serve", "commitments", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brieven",
        description="Ask questions about Dutch letters to parliament (Kamerbrieven), offline.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--index",
        metavar="DIR",
        default=None,
        help="where the ingested corpus and its indexes live "
        f"(env BRIEVEN_INDEX; default {default_index_dir()})",
    )
    common.add_argument(
        "--model", default=None, help="embedding model name or local path (env BRIEVEN_MODEL)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        import_module(f"assistant.commands.{name}").register(sub, common)
    return parser


def settings_for(args: argparse.Namespace) -> Settings:
    overrides = {"index_dir": args.index, "embedding_model": args.model}
    return settings_from_env(os.environ, **overrides)


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args, settings_for(args)) or 0)
    except BrievenError as exc:
        print(f"brieven: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
