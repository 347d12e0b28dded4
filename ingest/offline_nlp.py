"""Keeps `unstructured` offline: no telemetry pings and a local Dutch spaCy pipeline instead of a download."""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from ingest.errors import ModelLoadError

# unstructured pings its telemetry endpoint when it is imported and on every partition call unless
# one of these is set to a non-empty value; its usage notice is switched off the same way.
_OPT_OUT = {"SCARF_NO_ANALYTICS": "true", "DO_NOT_TRACK": "true", "UNSTRUCTURED_DISABLE_NOTICE": "1"}


def opt_out_of_telemetry() -> None:
    """Set unstructured's opt-out variables; cheap, and must run before unstructured is imported."""
    for name, value in _OPT_OUT.items():
        if not os.environ.get(name, "").strip():
            os.environ[name] = value


@cache
def dutch_pipeline() -> Any:
    """A blank Dutch spaCy pipeline with a rule-based sentencizer: tokens and sentences, no weights."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("sentencizer")
    return nlp


def _load_local_model(*_args: Any, **_kwargs: Any) -> Any:
    return dutch_pipeline()


def _refuse_download(*_args: Any, **_kwargs: Any) -> None:
    raise ModelLoadError("brieven runs offline: unstructured tried to download a spaCy model")


@cache
def ensure_offline() -> None:
    """Set the telemetry opt-outs, then point unstructured's spaCy loader at the local pipeline.

    Idempotent. Imports spaCy (seconds: it pulls in torch through thinc), so the readers that use
    unstructured's partitioners call it just before importing them; ingest.loaders itself only
    calls opt_out_of_telemetry() at import, before anything imports unstructured.
    """
    opt_out_of_telemetry()
    from unstructured.nlp import tokenize

    # unstructured.nlp.tokenize loads "en_core_web_sm" through _load_spacy_model and, when the
    # package is missing, downloads and installs its wheel. Its text-type heuristics (narrative
    # text vs title) need only tokens and sentence boundaries, which a blank pipeline gives.
    tokenize._load_spacy_model = _load_local_model
    tokenize._install_spacy_model = _refuse_download
    tokenize._get_nlp.cache_clear()
    for cached in ("_process_cached", "word_tokenize", "pos_tag", "_tokenize_for_cache"):
        getattr(tokenize, cached).cache_clear()
