"""A letter's text typeset line by line in two columns, footnotes at each column's foot (own layout).

WeasyPrint places CSS footnotes across the whole page; policy papers set in two columns put each
column's footnotes at that column's foot, and a footnote that does not fit goes on at the foot of
the next column (or page). This module breaks the lines itself (DejaVu metrics through Pillow),
fills the columns, places each footnote's first line in the column of its call, carries the rest
over, and writes every line as an absolutely positioned box that WeasyPrint prints. It returns
the PDF and the truth: every call (number, the words before it, its footnote's whole text) and
the body sentences.
"""

from __future__ import annotations

import html
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingest.model import Letter

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
FONTS = {
    ("DejaVu Sans", False): "DejaVuSans.ttf",
    ("DejaVu Sans", True): "DejaVuSans-Bold.ttf",
    ("DejaVu Serif", False): "DejaVuSerif.ttf",
    ("DejaVu Serif", True): "DejaVuSerif-Bold.ttf",
}
PAGE_W, PAGE_H = 595.0, 842.0


@dataclass(frozen=True)
class Style:
    """How a two-column paper is set; every length in points."""

    font: str = "DejaVu Sans"
    size: float = 9.0
    leading: float = 12.0
    fn_size: float = 7.0
    fn_leading: float = 8.6
    call_size: float = 5.5
    call_rise: float = 3.2
    margin_x: float = 50.0
    margin_top: float = 70.0
    margin_bottom: float = 60.0
    gap: float = 18.0  # between the columns
    justify: bool = False
    label: str = "super"  # footnote label at the foot: "super" (raised) or "plain" ("12" and a tab)
    rule: bool = True  # a short rule above each column's footnotes
    running: str = "Internationale strategie | Ministerie van Buitenlandse Zaken"
    first_top: float = 150.0  # the first page's columns start under the title


@dataclass(frozen=True)
class Call:
    number: int
    note: str  # the footnote's whole text


@dataclass
class Para:
    kind: str  # "heading" | "para" | "bullet" | "caption" (small print in the body: a figure's source)
    tokens: list[str | Call]


@dataclass
class Truth:
    calls: list[dict] = field(default_factory=list)  # {"number", "before", "footnote"}
    footnotes: dict[int, str] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)  # body sentences (no calls)
    over_column: set[int] = field(default_factory=set)  # footnotes continued at the next column's foot
    over_page: set[int] = field(default_factory=set)  # ... at the next page's


@lru_cache(maxsize=32)
def _font(family: str, bold: bool, size: float):
    from PIL import ImageFont

    return ImageFont.truetype(FONT_DIR + FONTS[(family, bold)], size=int(size * 20))


def width(text: str, family: str, size: float, bold: bool = False) -> float:
    return _font(family, bold, size).getlength(text) / 20.0


# --- the source: a parsed letter's body, its calls renumbered through, more calls added -----------

EXTRA_NOTES = [
    "Kamerstukken II 2022/23, 31 793, nr. {n}.",
    "Zie https://www.rijksoverheid.nl/documenten/rapporten/2022/10/{n}/voortgangsrapportage-klimaat.",
    "Het gaat hier om de afspraken die in het kader van de Overeenkomst van Parijs zijn gemaakt over "
    "de financiering van adaptatie in ontwikkelingslanden, waaronder de toezeggingen uit bijlage {n} "
    "van het akkoord en de nadere uitwerking daarvan door de partijen in de jaren daarna.",
    "OESO (2021), Climate Finance Provided and Mobilised by Developed Countries, tabel {n}.",
    "Dit betreft zowel publieke als private middelen; de methodiek wordt toegelicht in paragraaf {n} "
    "van de bijlage bij deze strategie. Voor de private middelen geldt de rekenwijze van de OESO, "
    "die per land en per instrument vaststelt welk deel aan Nederland wordt toegerekend. Die "
    "toerekening wordt jaarlijks herzien en in de verantwoording aan de Kamer toegelicht.",
    "Motie van het lid Boucke c.s. over het klimaatbeleid (Kamerstuk 35 925 XVII, nr. {n}).",
    "IPCC, Sixth Assessment Report, Working Group II, hoofdstuk {n}.",
    "De cijfers over {n} landen zijn ontleend aan de jaarlijkse rapportage van het secretariaat van het "
    "klimaatverdrag. Waar een land geen rapportage heeft ingediend, is uitgegaan van de laatst "
    "beschikbare gegevens, aangevuld met schattingen van het Planbureau voor de Leefomgeving. De "
    "onzekerheidsmarge van die schattingen bedraagt volgens het planbureau ongeveer vijftien procent, "
    "wat voor de conclusies in deze paragraaf geen verschil maakt.",
]


LONG_NOTES = [n for n in EXTRA_NOTES if len(n) > 200]


CAPTION = (
    "Figuur {n}: uitstoot van broeikasgassen per sector in Nederland tussen 1990 en 2021, in megaton "
    "CO2-equivalenten (bron: Planbureau voor de Leefomgeving, Klimaat- en Energieverkenning)."
)


def paper_from_letter(
    letter: Letter, extra_every: int = 5, seed: int = 7, captions_every: int = 0
) -> tuple[list[Para], Truth]:
    """The letter's body as paragraphs with its calls (renumbered 1, 2, … in order) and a call added
    after every extra_every-th sentence (footnotes of several lengths, some long enough to run over)."""
    rng = random.Random(seed)
    by_id = {fn.id: fn for fn in letter.footnotes}
    heads = {s.span[0] for s in letter.sections if s.heading}
    paras: list[Para] = []
    pos = 0
    number = 0
    sentence = 0
    for chunk in letter.text.split("\n\n"):
        start, end = pos, pos + len(chunk)
        pos = end + 2
        if not chunk.strip():
            continue
        tokens: list[str | Call] = []
        cursor = start
        marks = [m for m in letter.markers if start <= m.span[0] < end]
        pieces: list[tuple[str, object]] = []
        for m in marks:
            pieces.append(("text", letter.text[cursor : m.span[0]]))
            fn = by_id.get(m.footnote_id) if m.footnote_id else None
            pieces.append(("call", fn.text if fn else None))
            cursor = m.span[1]
        pieces.append(("text", letter.text[cursor:end]))
        kind = "heading" if start in heads else ("bullet" if chunk.startswith("• ") else "para")
        for what, value in pieces:
            if what == "call":
                if value:
                    number += 1
                    tokens.append(Call(number, " ".join(str(value).split())))
                continue
            words = str(value).split()
            for word in words:
                tokens.append(word)
                if kind == "para" and re.search(r"[a-z]\.$", word) and len(tokens) > 3:
                    sentence += 1
                    if sentence % extra_every == 0:
                        number += 1
                        # the long notes twice as often: they are the ones that run over
                        note = rng.choice(EXTRA_NOTES + LONG_NOTES).format(n=number + 100)
                        tokens.append(Call(number, note))
        if tokens:
            paras.append(Para(kind, tokens))
            if captions_every and kind == "para" and len(paras) % captions_every == 0:
                paras.append(Para("caption", CAPTION.format(n=len(paras)).split()))
    return paras, _truth(paras)


def _truth(paras: list[Para]) -> Truth:
    truth = Truth()
    for para in paras:
        words: list[str] = []
        for tok in para.tokens:
            if isinstance(tok, Call):
                truth.calls.append(
                    {"number": tok.number, "before": " ".join(words[-6:]), "footnote": tok.note}
                )
                truth.footnotes[tok.number] = tok.note
            else:
                words.append(tok)
        if para.kind in ("para", "caption"):
            text = " ".join(words)
            truth.sentences += [s for s in re.split(r"(?<=[a-z]\.)\s+(?=[A-Z])", text) if len(s) > 60]
    return truth


# --- line breaking ------------------------------------------------------------------------------


@dataclass
class Line:
    kind: str  # "body" | "heading" | "note"
    pieces: list[tuple[str, bool]]  # (text, raised) in order; words joined by single spaces
    last: bool  # a paragraph's last line (not justified)
    indent: float = 0.0
    calls: list[Call] = field(default_factory=list)
    gap_before: float = 0.0
    number: int | None = None  # a footnote line's footnote


def _tok_width(tok: str | Call, style: Style, bold: bool, size: float) -> float:
    if isinstance(tok, Call):
        return width(str(tok.number), style.font, style.call_size)
    return width(tok, style.font, size, bold)


def break_para(para: Para, col_w: float, style: Style) -> list[Line]:
    bold = para.kind == "heading"
    size = style.fn_size if para.kind == "caption" else style.size
    space = width(" ", style.font, size, bold)
    indent = 10.0 if para.kind == "bullet" else 0.0
    lines: list[Line] = []
    cur: list[str | Call] = []
    cur_w = 0.0

    def flush(last: bool) -> None:
        pieces: list[tuple[str, bool]] = []
        calls = [t for t in cur if isinstance(t, Call)]
        for tok in cur:
            if isinstance(tok, Call):
                if pieces and pieces[-1][1]:  # calls side by side: "⁶⁵,⁶⁶"
                    pieces[-1] = (pieces[-1][0] + ",", True)
                pieces.append((str(tok.number), True))
            elif pieces and not pieces[-1][1]:
                pieces[-1] = (pieces[-1][0] + " " + tok, False)
            else:
                glued = pieces and re.match(r"^[,.;:)]", tok)  # "Pleio¹³, een": no space after a call
                pieces.append(((" " if pieces and not glued else "") + tok, False))
        kind = "heading" if bold else ("caption" if para.kind == "caption" else "body")
        lines.append(Line(kind, pieces, last, indent if lines else 0.0, calls))

    for tok in para.tokens:
        w = _tok_width(tok, style, bold, size)
        if isinstance(tok, Call):
            cur.append(tok)  # a call sticks to its word
            cur_w += w
            continue
        room = col_w - (indent if lines else 0.0)
        if cur and cur_w + space + w > room:
            # the last word (with the calls glued to it) moves to the next line
            tail: list[str | Call] = []
            while cur and isinstance(cur[-1], Call):
                tail.insert(0, cur.pop())
            if tail:
                tail.insert(0, cur.pop())
            if cur:
                flush(False)
                cur = tail
            else:
                cur = tail
            cur_w = sum(_tok_width(t, style, bold, size) for t in cur) + space * sum(
                1 for t in cur if not isinstance(t, Call)
            )
        cur_w += (space if cur else 0.0) + w
        cur.append(tok)
    if cur:
        flush(True)
    return lines


def _break_url(word: str, limit: float, style: Style) -> list[str]:
    parts: list[str] = []
    while width(word, style.font, style.fn_size) > limit:
        cuts = [i for i in range(1, len(word)) if word[i - 1] == "/"]
        fits = [i for i in cuts if width(word[:i], style.font, style.fn_size) <= limit]
        if not fits:
            break
        parts.append(word[: fits[-1]])
        word = word[fits[-1] :]
    return [*parts, word]


def break_note(call: Call, col_w: float, style: Style) -> list[Line]:
    """A footnote's lines: its label, then its text with a hanging indent."""
    hang = 12.0 if style.label == "plain" else 9.0  # room for a two-digit label set full size
    words = call.note.split()
    lines: list[Line] = []
    cur: list[str] = []
    space = width(" ", style.font, style.fn_size)
    limit = col_w - hang - space
    pieces: list[str] = []
    for word in words:
        # a URL longer than the column breaks after a slash, as typesetters break it
        parts = _break_url(word, limit, style)
        pieces += [part + "\x00" for part in parts[:-1]]
        word = parts[-1]
        pieces.append(word)
    for word in pieces:
        glue = word.endswith("\x00")
        word = word.rstrip("\x00")
        trial = " ".join([*cur, word])
        if cur and width(trial, style.font, style.fn_size) > limit:
            lines.append(Line("note", [(" ".join(cur), False)], False, hang))
            cur = [word]
        else:
            cur.append(word)
        if glue:  # the rest of a broken URL starts the next line
            lines.append(Line("note", [(" ".join(cur), False)], False, hang))
            cur = []
    if cur:
        lines.append(Line("note", [(" ".join(cur), False)], True, hang))
    label = (str(call.number), style.label == "super")
    lines[0].pieces.insert(0, label)
    for line in lines:
        line.number = call.number
    return lines


# --- filling the columns --------------------------------------------------------------------------


@dataclass
class Placed:
    page: int
    x: float
    y: float  # baseline from the page top
    line: Line
    col_w: float


def layout(paras: list[Para], style: Style, title: str) -> list[Placed]:
    col_w = (PAGE_W - 2 * style.margin_x - style.gap) / 2
    bottom = PAGE_H - style.margin_bottom
    body: list[Line] = []
    for para in paras:
        lines = break_para(para, col_w, style)
        if lines:
            lines[0].gap_before = 0.5 * style.leading if body else 0.0
            if para.kind == "heading":
                lines[0].gap_before = style.leading
        body += lines
    placed: list[Placed] = []
    page, col = 1, 0
    top = style.first_top
    y = top
    carry: list[Line] = []  # footnote lines continued from the column before
    notes: list[Line] = []  # this column's footnote lines
    x_of = [style.margin_x, style.margin_x + col_w + style.gap]

    def foot_height(n: int) -> float:
        return (n * style.fn_leading + 6.0) if n else 0.0

    def close_column(body_end: float) -> list[Line]:
        """Place the column's footnote lines at its foot; what does not fit goes to the next."""
        lines = carry + notes
        room = int((bottom - body_end - 6.0) // style.fn_leading)
        fit, rest = lines[: max(room, 0)], lines[max(room, 0) :]
        if fit:
            y0 = bottom - len(fit) * style.fn_leading + style.fn_size
            if style.rule:
                placed.append(Placed(page, x_of[col], y0 - style.fn_leading - 1, Line("rule", [], True), 60))
            for i, ln in enumerate(fit):
                placed.append(Placed(page, x_of[col], y0 + i * style.fn_leading, ln, col_w))
        return rest

    body_end = y
    i = 0
    while i < len(body):
        line = body[i]
        new: list[Line] = [nl for c in line.calls for nl in break_note(c, col_w, style)]
        gap = line.gap_before if y > top else 0.0
        needed = y + gap + style.leading
        # the line and at least the first line of each of its footnotes must fit in this column
        first_lines = len(line.calls)
        if needed + foot_height(len(carry) + len(notes) + first_lines) > bottom and y > top:
            carry = close_column(body_end)
            notes = []
            col += 1
            if col == 2:
                page, col = page + 1, 0
                top = style.margin_top
            y = top
            body_end = y
            continue
        y = needed
        placed.append(Placed(page, x_of[col], y - style.leading + style.size, line, col_w))
        body_end = y
        notes += new
        i += 1
    carry = close_column(body_end)
    while carry:  # footnotes that run past the last body line: an extra column foot
        notes = []
        col += 1
        if col == 2:
            page, col = page + 1, 0
        carry = close_column(style.margin_top)
    placed.insert(0, Placed(1, style.margin_x, 100.0, Line("title", [(title, False)], True), PAGE_W))
    return placed


# --- the PDF ------------------------------------------------------------------------------------


def _line_html(p: Placed, style: Style) -> str:
    ln = p.line
    if ln.kind == "rule":
        return (
            f'<div style="position:absolute;left:{p.x:.1f}pt;top:{p.y:.1f}pt;width:60pt;'
            f'border-top:0.5pt solid black"></div>'
        )
    size = {"note": style.fn_size, "caption": style.fn_size, "title": 16.0}.get(ln.kind, style.size)
    bold = ln.kind in ("heading", "title")
    raised_size = style.call_size if ln.kind != "note" else style.fn_size * 0.72
    rise = style.call_rise if ln.kind != "note" else style.fn_size * 0.4
    spans = []
    plain = "".join(t for t, r in ln.pieces if not r)
    gaps = plain.count(" ")
    word_spacing = 0.0
    if style.justify and ln.kind == "body" and not ln.last and gaps:
        natural = sum(width(t, style.font, raised_size if r else size, bold and not r) for t, r in ln.pieces)
        word_spacing = max(0.0, (p.col_w - ln.indent - natural) / gaps)
        if word_spacing > 0.9 * size:
            word_spacing = 0.0  # a typesetter would hyphenate here; the line stays ragged
    x = p.x + ln.indent
    for j, (text, raised) in enumerate(ln.pieces):
        if raised:
            # raised by a relative offset: vertical-align would grow the line box and move the baseline
            spans.append(
                f'<span style="font-size:{raised_size}pt;position:relative;top:-{rise:.1f}pt">{text}</span>'
            )
        elif ln.kind == "note" and j == 1 and not ln.pieces[0][1]:
            spans.append(html.escape(text))
        else:
            spans.append(html.escape(text))
    if ln.kind == "note":
        label, *rest = ln.pieces
        if label[1] or label[0].isdigit():
            # the label at the column's edge, the text after a hanging indent
            lab_html = spans[0] if label[1] else html.escape(label[0])
            body_html = "".join(spans[1:])
            return (
                f'<div style="position:absolute;left:{p.x:.1f}pt;top:{p.y - size:.1f}pt;'
                f"font:{size}pt/{size * 1.2:.1f}pt '{style.font}';white-space:pre\">{lab_html}</div>"
                f'<div style="position:absolute;left:{x:.1f}pt;top:{p.y - size:.1f}pt;'
                f"font:{size}pt/{size * 1.2:.1f}pt '{style.font}';white-space:pre\">{body_html}</div>"
            )
    weight = "bold" if bold else ("italic" if ln.kind == "caption" else "normal")
    return (
        f'<div style="position:absolute;left:{x:.1f}pt;top:{p.y - size:.1f}pt;white-space:pre;'
        f"font:{weight} {size}pt/{size * 1.2:.1f}pt '{style.font}';word-spacing:{word_spacing:.2f}pt\">"
        f"{''.join(spans)}</div>"
    )


def typeset_paper(
    letter: Letter, style: Style, title: str, extra_every: int = 5, captions_every: int = 0
) -> tuple[bytes, Truth]:
    """The letter as a two-column paper: the PDF and its truth (which footnotes run over)."""
    paras, truth = paper_from_letter(letter, extra_every, captions_every=captions_every)
    placed = layout(paras, style, title)
    feet: dict[int, set[tuple[int, float]]] = {}
    for p in placed:
        if p.line.number is not None:
            feet.setdefault(p.line.number, set()).add((p.page, p.x))
    truth.over_column = {n for n, where in feet.items() if len(where) > 1}
    truth.over_page = {n for n, where in feet.items() if len({page for page, _ in where}) > 1}
    return paper_pdf(placed, style), truth


def paper_pdf(placed: list[Placed], style: Style) -> bytes:
    """The paper as PDF bytes: two columns, footnotes per column, a running header, page numbers."""
    from weasyprint import HTML

    pages = max(p.page for p in placed)
    out = []
    for n in range(1, pages + 1):
        boxes = [_line_html(p, style) for p in placed if p.page == n]
        if n > 1:
            boxes.append(
                f'<div style="position:absolute;left:{style.margin_x}pt;top:30pt;'
                f"font:6.5pt '{style.font}'\">{html.escape(style.running)}</div>"
            )
        boxes.append(
            f'<div style="position:absolute;left:290pt;top:{PAGE_H - 35}pt;'
            f"font:7pt '{style.font}'\">{n}</div>"
        )
        out.append(f'<div class="page">{"".join(boxes)}</div>')
    css = (
        "@page { size: 595pt 842pt; margin: 0 } body { margin: 0 } "
        ".page { position: relative; width: 595pt; height: 842pt; overflow: hidden } "
        ".page + .page { break-before: page }"
    )
    doc = f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>{''.join(out)}</body></html>"
    return HTML(string=doc).write_pdf()
