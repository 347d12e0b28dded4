"""'Who sent parliament the programme?': the letter's sender from its metadata, cited to its signature."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant import frame
from assistant.evidence import topic_coverage
from assistant.query import Query
from assistant.sentences import one_line, split_spans
from ingest.model import Answer, Chunk, Citation, Hit

_SENDER_ASK = re.compile(
    r"\b(?:who|wie)\b.*\b(?:sent|send|sends|stuurde|stuurt|verstuurd|gestuurd|verzonden|signed|ondertekend|"
    r"ondertekende|wrote|schreef|geschreven|afzender|sender)\b|\bfrom whom\b|\bvan wie\b",
    re.I,
)
ChunksOf = Callable[[str], Sequence[Chunk]]


# "Who will send that to parliament?" asks who sends a document to come (a sentence says: "van mijn
# collega, de staatssecretaris ..."), not who signed the letter at hand (development: it was answered
# with the letter's signatory).
_TO_COME = re.compile(r"\b(?:will|shall|going\s+to|zal|zullen|gaat|gaan)\b", re.I)


def asks_sender(question: str) -> bool:
    return bool(_SENDER_ASK.search(question)) and not _TO_COME.search(question)


def _surname(sender: str) -> str | None:
    """'drs. V.L.W.A. Heijnen (staatssecretaris van ...)' -> 'Heijnen'; the first signer of several."""
    person = re.split(r"[;(]", sender)[0].strip()
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", person) if w[0].isupper()]
    return words[-1] if words else None


def sender_answer(query: Query, hits: Sequence[Hit], chunks_of: ChunksOf) -> Answer | None:
    """The sender of the letter the question is about (the best passage's), cited where it is signed."""
    for hit in sorted(hits[:3], key=lambda h: -topic_coverage(h, query)):  # the letter the question is about
        letter = hit.letter
        surname = _surname(letter.sender or "")
        if not surname or letter.kind == "motie":
            continue
        signed = [c for c in chunks_of(letter.id) if re.search(rf"\b{re.escape(surname)}\b", c.text)]
        if not signed:
            continue
        chunk = signed[-1]  # the signature closes the letter
        # The signature is set on lines of its own: the line with the name, else the sentence.
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", chunk.text)]
        short = [s for s in lines if len(chunk.text[s[0] : s[1]].split()) <= 6]
        spans = [*reversed(short), *reversed(split_spans(chunk.text))]
        span = next((s for s in spans if surname in chunk.text[s[0] : s[1]]), None)
        if span is not None:
            a, b = span
            while a < b and chunk.text[a].isspace():
                a += 1
            while b > a and chunk.text[b - 1].isspace():
                b -= 1
            span = (a, b)
        if span is None:
            continue
        label = frame.LABELS["who"][query.language]
        signer = one_line(chunk.text[span[0] : span[1]])  # the name as the letter prints it
        short = f"{label}: {signer if len(signer) <= 80 else surname} [1]."
        lines = [short]
        if query.language == "en":
            lines.append(frame.QUOTED_IN_DUTCH["en"])
        lines.append(f"- “{one_line(chunk.text[span[0] : span[1]])}” [1]")
        quote = chunk.text[span[0] : span[1]]
        return Answer(
            question=query.analysis.question,
            text="\n".join(lines),
            abstained=False,
            citations=(Citation(1, chunk, letter, quote, span, "answer"),),
            language=query.language,
            short=short,
            analysis=query.analysis,
        )
    return None
