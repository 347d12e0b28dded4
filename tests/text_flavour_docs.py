"""Development documents in the other tool's text flavour, made from PDFs whose truth is known.

The shared text flavour is close to what pypdfium2's text layer gives: one line per printed line, no
blank lines, raised calls inline ("grondstoffen1."), each page's footnotes at its end, the letterhead
column interleaved, pages joined line after line. So a PDF read by pypdfium2 and written so is one
more text-flavour document, and where the PDF was typeset here its truth is known exactly:
- the demo letters with footnote gold, typeset by tests/pdf_typeset.py (gold: the text version's);
- made-up letters typeset here with what real letters vary in (long footnotes continued on the next
  page, footnotes opening with a URL glued to their number, two-digit calls, calls after punctuation
  and after a closing quote, a page without footnotes, numbers that are no calls);
- the development real PDFs (their gold: tests/gold/real/*.json of the development part).
Nothing shared is copied: every document is made when asked for.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import DEMO, ROOT, SHARED

GOLD = ROOT / "tests" / "gold"


def flavour_text(pdf: bytes | Path) -> str:
    """A PDF's text as the shared text flavour writes it (pypdfium2's text layer, per page).

    pypdfium2 breaks the line after a raised call when the call ends its printed line's run and
    starts the rest with a space ("gepubliceerd3\\n (als"), and sets each call of a run apart
    ("Instituut.32\\n,\\n33"): the flavour prints calls inline, so such lines are joined to the one
    before. Its hyphen mark U+FFFE is the printed hyphen. Blank lines and trailing spaces go: the
    flavour has none."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    lines: list[str] = []
    for i in range(len(doc)):
        page = doc[i].get_textpage().get_text_range()
        for line in page.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-").split("\n"):
            if not line.strip():
                continue
            prev = lines[-1] if lines else ""
            # the rest of a line after a raised call, or a run of raised calls ("32" / "," / "33")
            run = (re.search(r"\d$", prev) and line.strip() == ",") or (
                prev.endswith(",") and re.fullmatch(r"\s*\d{1,3}", line)
            )
            if run or (re.search(r"\d$", prev) and line.startswith(" ")):
                lines[-1] += line.rstrip()
            else:
                lines.append(line.rstrip())
    doc.close()
    return "\n".join(lines) + "\n"


@dataclass
class Doc:
    """One development text-flavour document and its truth."""

    name: str
    text: str
    calls: list[dict]  # {"number", "before", "footnote"}, as tests/gold/real/*.json; footnote None: no text
    probes: list[str]  # body text never inside a footnote
    metadata: dict = field(default_factory=dict)  # Letter field -> expected value (compared as is)
    gold_metadata: dict | None = None  # a real gold's metadata block (scored by eval.reader_gold)
    not_calls: list[str] = field(default_factory=list)


# --- the demo letters ---------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    """Body sentences of 50+ characters (their first 80), markers ("[3]", glued digits) left out."""
    out = []
    for para in text.split("\n\n"):
        for s in re.split(r"(?<=[.!?])\s+", para):
            s = re.sub(r"\[\d{1,3}\]|(?<=[^\W\d_])\d{1,3}\b", "", s)
            if len(s) >= 50 and not re.match(r"\d", s):
                out.append(s[:80])
    return out


def demo_pdfs() -> list[tuple[str, bytes, list[dict], list[str], dict]]:
    """(name, PDF, gold calls, body probes, metadata) of the demo letters with footnote gold, typeset
    (tests/pdf_demo.py); the truth is the text version's."""
    from ingest.loaders import load_document
    from ingest.parse import parse_letter
    from tests.pdf_demo import HEADER_PARAGRAPHS, letterhead_for
    from tests.pdf_typeset import typeset

    out = []
    for name in sorted(HEADER_PARAGRAPHS):
        letter = parse_letter(load_document(DEMO / name))
        pdf = typeset(letter, letterhead_for(name, letter), HEADER_PARAGRAPHS[name])
        gold = json.loads((GOLD / f"footnotes_{name[:3]}.json").read_text(encoding="utf-8"))
        calls = []
        for label, context, fn_text in gold["markers"]:
            # a neighbour call at the context's end ("Instituut.32,") is a marker, left out of "before"
            before = re.sub(r"(?:\[\d{1,3}\]|(?<=\D)\d{1,3}),\s*$", "", context.strip())
            # footnote None: the text version lost that footnote's text; its call is a marker without one
            calls.append({"number": int(label.strip("[]")), "before": before, "footnote": fn_text})
        body = letter.text
        probes = [s for s in _sentences(body) if not any(s[:40] in fn.text for fn in letter.footnotes)]
        fields = ("title", "date", "addressee", "kamerstuk")
        meta = {f: getattr(letter, f) for f in fields}
        out.append((f"demo-{name[:3]}", pdf, calls, probes, meta))
    return out


def demo_docs() -> list[Doc]:
    """The demo letters with footnote gold, typeset (tests/pdf_demo.py) and read as the text flavour."""
    return [
        Doc(name, flavour_text(pdf), calls, probes, meta) for name, pdf, calls, probes, meta in demo_pdfs()
    ]


# --- made-up letters with what real letters vary in ----------------------------------------------

SIDE = [
    "Ministerie van Economische Zaken",
    "Bezoekadres",
    "Bezuidenhoutseweg 73",
    "2594 AC Den Haag",
    "Postbus 20401",
    "2500 EK Den Haag",
    "T 070 379 8911",
    "Kenmerk",
    "EZ/2026/12345678",
    "Bijlage(n)",
    "2",
]
ADDRESSEE = ["De Voorzitter van de Tweede Kamer", "der Staten-Generaal", "Postbus 20018", "2500 EA DEN HAAG"]

FILL = [
    "Het kabinet wil dat ondernemers in het hele land de ruimte krijgen om te vernieuwen en te groeien.",
    "Daarvoor is een stabiel klimaat nodig, met regels die helder zijn en lang genoeg meegaan.",
    "Gemeenten en provincies werken daarbij nauw samen met het rijk en met de kennisinstellingen.",
    "In de regio's zijn de eerste resultaten zichtbaar, al verschillen die sterk per sector.",
    "Ik zal uw Kamer in het voorjaar opnieuw informeren over de voortgang van deze aanpak.",
    "De uitvoering ligt bij de Rijksdienst, die de regeling dit jaar voor het eerst openstelt.",
]

# footnote texts: short, a Kamerstuk, a long one, URLs (some glued to their number by the tool)
LONG_NOTE = (
    "Zie het rapport van de Algemene Rekenkamer over de uitvoering van de regeling, waarin de kamer "
    "vaststelt dat de doelen van de regeling voor een groot deel zijn gehaald, maar dat de "
    "verantwoording over de besteding van de middelen op onderdelen beter kan, in het bijzonder waar "
    "het gaat om de subsidies die via de provincies zijn verstrekt aan kleine ondernemingen in de "
    "maakindustrie en de bouw, en om de evaluatie van de effecten op de langere termijn, die volgens "
    "het rapport pas in 2028 goed te meten zijn."
)


def _note_texts(n: int) -> list[tuple[str, bool]]:
    """n footnote texts and whether each is glued to its number (a URL the tool prints as "5https")."""
    base = [
        ("Kamerstuk 33009, nr. 120.", False),
        ("https://www.rijksoverheid.nl/documenten/rapporten/2025/05/12/voortgangsrapportage-innovatie", True),
        (LONG_NOTE, False),
        ("Handelingen II 2024/25, nr. 45, item 12.", False),
        ("Kamerstukken II 2024/25, 21 501-30, nr. 612.", False),
        ("https://www.cbs.nl/nl-nl/cijfers/detail/85420NED", True),
        ("Motie van het lid Kathmann c.s. over digitale autonomie (Kamerstuk 26643, nr. 1125).", False),
        ("Zie de bijlage bij deze brief.", False),
    ]
    return [base[i % len(base)] for i in range(n)]


def _paragraph(i: int, words: int) -> str:
    text = " ".join(FILL[(i + k) % len(FILL)] for k in range(words))
    return html.escape(text)


# The column's lines that every page repeats (a fixed element: WeasyPrint prints it on each page).
RUNNING = (
    '<div class="run"><p><b>Ministerie van Economische Zaken</b></p>'
    "<p><b>Kenmerk</b><br>EZ/2026/12345678</p></div>"
)

VARIED_CSS = """
@page { size: A4; margin: 28mm 62mm 25mm 25mm;
  @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font: 6.5pt "DejaVu Sans"; }
  @footnote { border-top: 0.5pt solid black; margin-top: 3mm; padding-top: 1mm; } }
@page :first { margin-top: 60mm; }
p.small { font-size: 6.5pt; margin-bottom: 4pt; }
body { font: 9pt/12.5pt "DejaVu Sans"; margin: 0; }
p { margin: 0 0 12.5pt 0; }
h2 { font-size: 9pt; font-weight: bold; margin: 0 0 4pt 0; }
.fn { float: footnote; font: 7pt/9pt "DejaVu Sans"; }
.fn::footnote-call { content: attr(data-n); vertical-align: super; font-size: 5.5pt; line-height: 0; }
.fn::footnote-marker { content: attr(data-n) " "; vertical-align: super; font-size: 5pt; }
.fn.glued::footnote-marker { content: attr(data-n); }
.side { position: absolute; top: -32mm; left: 137mm; width: 40mm; font: 6.5pt/9pt "DejaVu Sans"; }
.side p { margin: 0 0 4pt 0; }
.run { position: fixed; top: 0; left: 137mm; width: 40mm; font: 6.5pt/9pt "DejaVu Sans"; }
.run p { margin: 0 0 4pt 0; }
"""

SUBJECT = "Voortgang van de innovatieregeling en de reactie op het rapport van de Rekenkamer"

# How a call follows its word: (html before the call, "before" words in the gold, html after).
CALL_FORMS = [
    ("zoals toegezegd in het debat van 12 maart jl.", "toegezegd in het debat van 12 maart jl.", " Verder"),
    ("zoals gemeld in de brief over de regeling,", "gemeld in de brief over de regeling,", " en"),
    ("naar het rapport “Samen verder vernieuwen”", "naar het rapport “Samen verder vernieuwen”", ". De"),
    ("naar de strategie “Vernieuwen in de regio", "naar de strategie “Vernieuwen in de regio", "”. Ook"),
    ("blijkt uit de rapportage van het planbureau", "blijkt uit de rapportage van het planbureau", "."),
    ("dat de Kamer heeft aangenomen (de motie-Kathmann)", "heeft aangenomen (de motie-Kathmann)", "."),
]

# Numbers that are never calls, in body sentences (gold not_calls).
TRAPS = [
    ("Postbus 20401", "De aanvragen gaan naar Postbus 20401 2500 EK Den Haag, of digitaal."),
    ("1 januari 2026", "De regeling gaat open op 1 januari 2026 voor alle ondernemers."),
    ("€ 12 miljoen", "Voor de regeling is € 12 miljoen beschikbaar, verdeeld over 12 provincies."),
    ("artikel 12", "Dit volgt uit artikel 12 van de Kaderwet subsidies, dat de minister de ruimte geeft."),
    ("2025 bleek", "In 2025 bleek dat de helft van de aanvragen uit het midden- en kleinbedrijf kwam."),
]


def varied_html(n_notes: int = 14, empty_page: bool = True) -> tuple[str, list[dict], list[str], list[str]]:
    """A made-up ministry letter (html) with n_notes footnotes, and its gold calls, probes and traps."""
    notes = _note_texts(n_notes)
    calls: list[dict] = []
    probes: list[str] = []
    body: list[str] = []
    for i, (text, glued) in enumerate(notes, start=1):
        lead, before, after = CALL_FORMS[i % len(CALL_FORMS)]
        cls = "fn glued" if glued else "fn"
        para = _paragraph(i, 3 if i % 3 else 5)
        probes.append(html.unescape(para)[:80])
        trap = TRAPS[i % len(TRAPS)][1] if i % 2 else ""
        call = f'<span class="{cls}" data-n="{i}">{html.escape(text)}</span>'
        body.append(
            f"<p>{para} {html.escape(trap)} Dit is {html.escape(lead)}{call}{html.escape(after)} "
            f"{_paragraph(i + 2, 2)}</p>"
        )
        calls.append({"number": i, "before": before, "footnote": " ".join(text.split()[:8])})
        if i % 5 == 0:
            body.append(f"<h2>Onderdeel {i // 5}</h2>")
        if empty_page and i == n_notes // 2:
            # more than a page of body text: a page without footnotes
            body += [f"<p>{_paragraph(k, 4)}</p>" for k in range(14)]
    body.append("<p>Hoogachtend,</p><p>DE MINISTER VAN ECONOMISCHE ZAKEN,</p><p>mr. drs. J.A. de Vries</p>")
    side = "".join(f"<p>{html.escape(s)}</p>" for s in SIDE[:7]) + "".join(
        f"<p><b>{html.escape(a)}</b><br>{html.escape(b)}</p>"
        for a, b in zip(SIDE[7::2], SIDE[8::2], strict=True)
    )
    # the return address and the addressee block in the flow, as a word processor writes them first;
    # the column at the right placed apart, so it comes out among the body lines
    head = (
        f'<div class="side">{side}</div>{RUNNING}'
        '<p class="small">&gt; Retouradres Postbus 20401 2500 EK Den Haag</p>'
        "<p>" + "<br>".join(html.escape(a) for a in ADDRESSEE) + "</p>"
        f"<p>Datum 14 april 2026<br>Betreft {html.escape(SUBJECT)}</p><p>Geachte voorzitter,</p>"
    )
    page = (
        f"<html><head><meta charset='utf-8'><style>{VARIED_CSS}</style></head>"
        f"<body>{head}{''.join(body)}</body></html>"
    )
    return page, calls, probes, [t for t, _ in TRAPS]


LABEL_RE = re.compile(r"^Pagina \d+ van \d+$")
NOTE_RE = re.compile(r"^(\d{1,2})(?= |https?://)")


def continued(text: str, number: int, keep: int = 2) -> str:
    """The text with footnote `number` continued on the next page, as Word breaks a long footnote: its
    lines after the first `keep` printed at the foot of the next page, above that page's own
    footnotes (or above its page label where it has none)."""
    lines = text.rstrip("\n").split("\n")
    first = next(i for i, ln in enumerate(lines) if (m := NOTE_RE.match(ln)) and int(m.group(1)) == number)
    end = first + 1
    while not NOTE_RE.match(lines[end]) and not LABEL_RE.match(lines[end]):
        end += 1
    rest = lines[first + keep : end]
    del lines[first + keep : end]
    label = next(i for i in range(first, len(lines)) if LABEL_RE.match(lines[i]))
    nxt = next(i for i in range(label + 1, len(lines)) if LABEL_RE.match(lines[i]))
    opens = [i for i in range(label + 1, nxt) if re.match(rf"{number + 1}(?= |https?://)", lines[i])]
    at = opens[0] if opens else nxt
    return "\n".join(lines[:at] + rest + lines[at:]) + "\n"


def body_after_notes(text: str, page: int, n: int = 2) -> tuple[str, str]:
    """The text with page `page`'s last n body lines written after its footnotes (as a tool that reads a
    text frame out of order writes them), and those lines joined (a probe: they are body text). The
    page's body ends where its repeated column starts ("Ministerie van Economische")."""
    lines = text.rstrip("\n").split("\n")
    labels = [i for i, ln in enumerate(lines) if LABEL_RE.match(ln)]
    start, label = labels[page - 2] + 1, labels[page - 1]
    column = next(i for i in range(start, label) if lines[i].startswith("Ministerie van Economische"))
    moved = lines[column - n : column]
    out = lines[: column - n] + lines[column:label] + moved + lines[label:]
    return "\n".join(out) + "\n", " ".join(moved)


def varied_docs() -> list[Doc]:
    from weasyprint import HTML

    out = []
    for name, n in (("varied-14", 14), ("varied-24", 24)):
        page, calls, probes, traps = varied_html(n)
        text = flavour_text(HTML(string=page).write_pdf())
        meta = {"title": SUBJECT, "addressee": "Tweede Kamer", "kenmerk": "EZ/2026/12345678"}
        out.append(Doc(name, text, calls, probes, meta, not_calls=traps))
        if n == 14:
            # the long footnote 3 broken over two pages
            out.append(Doc(f"{name}-continued", continued(text, 3), calls, probes, meta, not_calls=traps))
            # page 2's last body lines written after its footnotes
            after, moved = body_after_notes(text, 2)
            out.append(Doc(f"{name}-body-after", after, calls, [*probes, moved], meta, not_calls=traps))
    return out


# --- the development real PDFs --------------------------------------------------------------------


def real_docs() -> list[Doc]:
    """The development real letters' PDFs (and -page1 PDFs) read by pypdfium2, with their gold."""
    from eval.splits import part_of

    out = []
    for path in sorted((GOLD / "real").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["part"] != "development" or part_of("kamerbrieven-pdf", Path(gold["file"]).name) != (
            "development"
        ):
            continue
        reads = [(gold["file"], None)] + ([(gold["page1_file"], 1)] if gold.get("page1_file") else [])
        for rel, page in reads:
            calls = [c for c in gold["calls"] if page is None or c["page"] == page]
            probes = [p["text"] for p in gold["body_probes"] if page is None or p["page"] == page]
            text = flavour_text(SHARED / "corpus" / rel)
            doc = Doc(
                Path(rel).stem,
                text,
                calls,
                probes,
                gold_metadata=gold["metadata"],
                not_calls=gold["not_calls"],
            )
            if page:  # no signature on page 1: the sender is not scored there
                doc.metadata = {"_fields": ("date", "subject", "addressee", "kenmerk", "kamerstuk")}
            out.append(doc)
    return out


MOTIE_PDF = "real/moties-docx-pdf/d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf"  # development part
MOTIE_FIELDS = ("kamerstuk", "kamerstuk_id", "title", "date", "sender", "kind", "addressee")


def motie_docs() -> list[Doc]:
    """The development motie PDF read by pypdfium2; truth: what the PDF's own reader gives (the
    development gold of tests/test_pdf_real.py asserts those values)."""
    from eval.splits import part_of
    from ingest.loaders import load_document
    from ingest.parse import parse_letter

    if part_of("moties-docx-pdf", Path(MOTIE_PDF).name) != "development":
        return []
    path = SHARED / "corpus" / MOTIE_PDF
    pdf = parse_letter(load_document(path))
    meta = {f: getattr(pdf, f) for f in MOTIE_FIELDS}
    probes = [s for s in _sentences(pdf.text) if "orde van de dag" not in s]
    return [Doc(path.stem[:8] + "-motie", flavour_text(path), [], probes, meta)]


def decision_lists() -> list[tuple[str, str, dict]]:
    """(name, text, gold) of the development decision lists read by pypdfium2."""
    out = []
    for path in sorted((GOLD / "besluitenlijsten").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if gold["part"] == "development":
            out.append((Path(gold["file"]).stem, flavour_text(SHARED / "corpus" / gold["file"]), gold))
    return out
