"""Hand-made letters and a term-overlap searcher for the assistant's fast tests (no parser, no index)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from assistant import terms
from ingest.model import Chunk, Footnote, Hit, Letter, SearchFilter

MITID_TEXT = (
    "2.2.1 Onderzoeken MitID en vergelijkbare technologieën20 \n"
    "In het debat over een digitaliserende overheid op 24 april jl. heeft \n"
    "het lid Kathmann gewezen op MitID, het Deense inlogmiddel. Zij \n"
    "wees erop dat dit middel gebruiksvriendelijker zou zijn dan DigiD en \n"
    "heeft gevraagd of DigiD in Nederland net zo zou kunnen werken als \n"
    "MitID. Tijdens het debat heeft mijn voorganger toegezegd om MitID \n"
    "en vergelijkbare technologieën te onderzoeken, en te bezien of en \n"
    "hoe hergebruik van uitgifte – en inlogmogelijkheden in Nederland \n"
    "mogelijk is. Met onderstaande informatie doe ik deze toezegging af. \n"
)
DIGID_TEXT = (
    "Wanneer de MitID processen worden vergeleken met DigiD voor \n"
    "dezelfde betrouwbaarheidsniveaus, dan wordt DigiD op een andere \n"
    "manier geactiveerd en gebruikt. Op dit moment kunnen gebruikers \n"
    "van DigiD via een eenmalige handeling ophogen naar niveau \n"
    "“substantieel” middels het uitvoeren van een ID-check met een \n"
    "fysiek ID-document in de DigiD-app op een smartphone door middel \n"
    "van een NFC-lezer.\n"
)
AI_TEXT = (
    "AI-verordening en de Raad van Europa\n"
    "Binnen de Europese Unie is er in de Raad een definitief akkoord bereikt over de AI-verordening. De \n"
    "verordening is na plenaire stemming in het Europees Parlement op 13 maart jl. goedgekeurd. De \n"
    "AI-verordening stelt eisen aan de ontwikkeling van risicovolle AI-systemen.\n"
)
MONEY_TEXT = (
    "Online Kinderrechten\n"
    "Tijdens het debat van 19 december 2024 over online kinderrechten heb ik met uw \n"
    "Kamer afgesproken de middelen voor kinderrechten in kaart te brengen. \n"
    "Voor beleid en regelgeving is €752.000,- beschikbaar voor online kinderrechten.\n"
)

DEMO = Path(__file__).resolve().parents[1] / "demo" / "letters"

FN20 = Footnote(
    id="fn20", number=20, label="20", style="plain", text="TZ202504-147", toezeggingen=("TZ202504-147",)
)


def _letter(letter_id: str, text: str, **meta) -> Letter:
    return Letter(id=letter_id, source=f"{letter_id}.txt", format="text", digest="0" * 64, text=text, **meta)


def corpus() -> tuple[list[Letter], list[Chunk]]:
    """Three letters, four passages; the MitID letter is the one of 11 July 2025 (26643 nr. 1371)."""
    ict_text = MITID_TEXT + "\n" + DIGID_TEXT
    ict = _letter(
        "kst-26643-1371",
        ict_text,
        title="Brief van de staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties",
        date=date(2025, 7, 11),
        kamerstuk="26643 nr. 1371",
        footnotes=(FN20,),
    )
    ai = _letter("ai-brief", AI_TEXT, title="Voortgang moties en toezeggingen AI", date=date(2024, 6, 1))
    kids = _letter("kinderrechten", MONEY_TEXT, title="Verzamelbrief digitalisering", date=date(2025, 3, 28))
    path = (
        "2.2 (Digitale) Identiteit en Basisregistratie Personen",
        "2.2.1 Onderzoeken MitID en vergelijkbare technologieën",
    )
    chunks = [
        _chunk(ict, "#0", 0, len(MITID_TEXT), path, page=12, footnotes=(FN20,)),
        _chunk(ict, "#1", len(MITID_TEXT) + 1, len(ict_text), path, page=12),
        _chunk(ai, "#0", 0, len(AI_TEXT), ("AI-verordening en de Raad van Europa",), page=1),
        _chunk(kids, "#0", 0, len(MONEY_TEXT), ("Online Kinderrechten",), page=9),
    ]
    return [ict, ai, kids], chunks


def _chunk(letter: Letter, suffix: str, a: int, b: int, path, page=None, footnotes=()) -> Chunk:
    text = letter.text[a:b]
    return Chunk(
        id=letter.id + suffix,
        letter_id=letter.id,
        text=text,
        clean_text=text,
        section_path=tuple(path),
        span=(a, b),
        page=page,
        footnotes=tuple(footnotes),
    )


class TermSearcher:
    """Ranks passages by shared stems with the query: enough to feed the engine in unit tests."""

    def __init__(self, letters: list[Letter], chunks: list[Chunk]) -> None:
        self.letters = {x.id: x for x in letters}
        self.chunks = chunks
        self.calls: list[str] = []

    def search(
        self, query: str, k: int = 5, filters: SearchFilter | None = None, mode: str = "hybrid"
    ) -> list[Hit]:
        self.calls.append(query)
        wanted = set(terms.content_stems(query))
        scored = []
        for chunk in self.chunks:
            letter = self.letters[chunk.letter_id]
            if filters and not filters.admits(letter):
                continue
            have = set(terms.content_stems(chunk.text + " " + " ".join(chunk.section_path)))
            scored.append((len(wanted & have), chunk, letter))
        scored.sort(key=lambda s: -s[0])
        return [
            Hit(chunk=c, letter=x, score=float(s), rank=i + 1, found_by=("bm25",))
            for i, (s, c, x) in enumerate(scored[:k])
        ]


def engine(llm=None):
    from assistant.engine import Engine
    from ingest.settings import Settings

    letters, chunks = corpus()
    return Engine(TermSearcher(letters, chunks), Settings(), chunks=chunks, llm=llm, letters=letters)


def demo_index(tmp_path_factory) -> Path:
    """The demo letters ingested once per test session with the real offline model (slow tests)."""
    from index.pipeline import ingest_paths
    from ingest.settings import Settings

    folder = tmp_path_factory.getbasetemp() / "assistant-demo-index"
    if not (folder / "CURRENT").exists():
        report = ingest_paths([DEMO], Settings(index_dir=folder))
        assert not getattr(report, "errors", None), report
    return folder


@contextmanager
def serving(settings, engine, tries: int = 600):
    """The chat page and its HTTP API on a free localhost port, in a thread; yields the base URL."""
    import uvicorn

    from assistant.app import create_server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_server(settings, engine), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(tries):
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def post_json(url: str, payload: dict) -> tuple[int, dict]:
    """POST a JSON body; the status and the decoded JSON reply (error replies too)."""
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())
