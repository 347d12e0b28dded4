"""The `brieven` console command: parses arguments, builds Settings, turns library errors into messages.

Everything it prints passes through `clean`: letter text, file names and questions are data, so the
control and escape characters in them (ESC sequences that retitle the window or clear the screen,
carriage returns, C1 controls, bidirectional overrides) are shown as visible escapes, never obeyed.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import TextIO

from ingest.errors import BrievenError
from ingest.settings import Settings, default_index_dir, settings_from_env

# Subcommands, each a module in assistant.commands with register(subparsers) and run(args, settings).
COMMANDS = ("ingest", "export", "search", "ask", "chat", "serve", "commitments", "doctor")
# More subcommands come from the layers above (eval/ scores the assistant, so the assistant must not
# import it): modules with the same register/run, named in pyproject.toml under this entry-point group.
PLUGIN_GROUP = "brieven.commands"

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, lone surrogates.
# A carriage return before a newline stays: it moves nothing (CSV ends its rows with it).
_UNSAFE = re.compile("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_AS_SPACE = {"\r": " ", "\x0b": " ", "\x0c": " "}


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    # "\u001b" inside a JSON string is the same character again, so JSON output stays exact
    return _AS_SPACE.get(ch) or f"\\u{ord(ch):04x}"


def clean(text: str) -> str:
    """Text safe to write to a terminal: control and escape characters made visible and inert."""
    return _UNSAFE.sub(_escape, text)


class SafeStream(io.TextIOBase):
    """A text stream that cleans everything written to it before passing it on."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(clean(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", "utf-8")


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a SafeStream (for a progress bar, which redraws with carriage returns)."""
    return stream.raw if isinstance(stream, SafeStream) else stream


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
    for plugin in sorted(entry_points(group=PLUGIN_GROUP), key=lambda e: e.name):
        try:
            module = plugin.load()
        except ImportError as exc:  # a broken plugin must not take the other commands with it
            print(f"brieven: subcommand {plugin.name} ({plugin.value}) not available: {exc}", file=sys.stderr)
            continue
        module.register(sub, common)
    return parser


def settings_for(args: argparse.Namespace) -> Settings:
    overrides = {"index_dir": Path(args.index) if args.index else None, "embedding_model": args.model}
    return settings_from_env(os.environ, **overrides)


def _check_question(args: argparse.Namespace, settings: Settings) -> None:
    """A question given on the command line is checked before any index or model is opened."""
    from ingest.limits import check_question

    question = getattr(args, "question", None)
    if isinstance(question, str) and question != "-":
        check_question(question, settings)


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a model hub
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    reconfigure = getattr(sys.stdin, "reconfigure", None)
    if reconfigure is not None:  # undecodable input becomes surrogates, which the question check names
        reconfigure(errors="surrogateescape")
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        settings = settings_for(args)
        _check_question(args, settings)
        return int(args.run(args, settings) or 0)
    except BrievenError as exc:
        print(f"brieven: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = saved


if __name__ == "__main__":
    sys.exit(main())
