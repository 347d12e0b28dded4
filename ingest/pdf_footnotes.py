"""Footnotes in a PDF's layout: small-font blocks at a page's foot, raised calls in the body (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.footnote_blocks import SUP_TO_INT
from ingest.layout import join_two
from ingest.model import BRACKETED, PDF, Footnote
from ingest.pdf_columns import column_of
from ingest.pdf_page import Line

MAX_SKIP = 3  # a footnote label may skip this many numbers (footnotes on a page the file lacks)
_BRACKET_LABEL_RE = re.compile(r"^\[(\d{1,3})\]\s*")
_PLAIN_LABEL_RE = re.compile(r"^(\d{1,3})(?:[.)]\s*|\s+)(?=\S)")
_SUP_LABEL_RE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*")
_CALL_RE = re.compile(r"^\d{1,3}(?:\s*,\s*\d{1,3})*$")
_UNIT_BEFORE_RE = re.compile(r"\b(?:[kcdm]?m|CO)$")  # m², km², CO²: no calls


@dataclass(frozen=True)
class _Label:
    number: int
    printed: str  # "3", "[3]"
    style: str
    rest: str  # the line's text after the label
    strong: bool  # raised or bracketed: a label by its form, not only by its number


def _label(line: Line) -> _Label | None:
    text = line.text
    if line.raised and line.raised[0][0] == 0:
        a, b = line.raised[0]
        digits = text[a:b].strip()
        if digits.isdigit():
            return _Label(int(digits), digits, PDF, text[b:].strip(), True)
    if m := _BRACKET_LABEL_RE.match(text):
        return _Label(int(m.group(1)), f"[{m.group(1)}]", BRACKETED, text[m.end() :].strip(), True)
    if m := _SUP_LABEL_RE.match(text):
        n = int("".join(str(SUP_TO_INT[c]) for c in m.group(1)))
        return _Label(n, m.group(1), PDF, text[m.end() :].strip(), True)
    if m := _PLAIN_LABEL_RE.match(text):
        return _Label(int(m.group(1)), m.group(1), PDF, text[m.end() :].strip(), False)
    return None


def footnote_zone(lines: list[Line], body_size: float, gutters: list[float] = ()) -> list[Line]:
    """The lines at the foot of a page set smaller than the body: below every body-size line (of
    their column, where the page has several). In reading order, the left column's foot first."""

    def side(ln: Line) -> int:
        return column_of(ln, list(gutters))  # -1: across the columns

    body = [ln for ln in lines if ln.size > body_size * 0.95]
    columns = {side(ln) for ln in lines} | {-1}
    # a column's foot lies below its own body lines and below those across every column
    lowest = {k: max((b.top for b in body if side(b) in (k, -1) or k == -1), default=-1.0) for k in columns}
    zone = [ln for ln in lines if ln.size <= body_size * 0.95 and ln.top > lowest[side(ln)]]
    return sorted(zone, key=lambda ln: (side(ln), ln.top))


@dataclass
class _Open:
    label: _Label
    parts: list[str]
    page: int


def read_footnotes(zones: list[list[Line]]) -> tuple[list[Footnote], set[Line], list[str]]:
    """Footnotes from each page's foot zone, in order; a footnote running over a page is continued
    by the unlabelled lines at the top of the next page's zone. Returns the footnotes, the lines
    they took (the rest of a zone stays body text) and notes on what was unsure."""
    done: list[tuple[_Label, str, int]] = []
    used: set[Line] = set()
    current: _Open | None = None  # stays open over a page break: it may go on at the next foot
    expected: int | None = None
    last_page = 0
    for zone in zones:
        page = zone[0].page if zone else None
        if current is not None and (page is None or page != last_page + 1 or _finished(current, used)):
            done.append((current.label, join_parts(current.parts), current.page))
            current = None  # a footnote goes on only at the very next page's foot
        if page is not None:
            last_page = page
        labelled = False
        pending: list[Line] = []  # unlabelled lines above this page's first label
        for line in zone:
            label = _label(line)
            fits = label is not None and (
                label.strong
                or (expected is not None and expected <= label.number <= expected + MAX_SKIP)
                or (expected is None and label.number == 1)
            )
            if label is not None and fits:
                if not labelled and pending and current is not None and _continues(pending):
                    current.parts.extend(p.text for p in pending)
                    used.update(pending)
                if current is not None:
                    done.append((current.label, join_parts(current.parts), current.page))
                current = _Open(label, [label.rest] if label.rest else [], line.page)
                used.add(line)
                expected = label.number + 1
                labelled = True
            elif labelled and current is not None:
                current.parts.append(line.text)
                used.add(line)
            else:
                pending.append(line)
        if not labelled and pending and current is not None and _continues(pending):
            current.parts.extend(p.text for p in pending)  # a whole page's foot continues a footnote
            used.update(pending)
    if current is not None:
        done.append((current.label, join_parts(current.parts), current.page))
    footnotes = _numbered(done)
    notes = [
        f"footnote {fn.label}: {len(fn.text):,} characters, probably body text"
        for fn in footnotes
        if len(fn.text) > 2000
    ]
    return footnotes, used, notes


def _finished(current: _Open, used: set[Line]) -> bool:
    """A footnote whose last line ends a sentence before the line's end does not run over a page;
    small print at the next page's foot (a table's source line) is then body text, not its rest."""
    text = current.parts[-1].rstrip() if current.parts else ""
    return text.endswith((".", "!", "?", ".)", ".”")) and len(text) < 60


def _continues(lines: list[Line]) -> bool:
    # body text set small (a table, a caption) is not a footnote's continuation: it would be
    # labelled; a continuation starts at the zone's left edge like the footnotes themselves
    return bool(lines) and len(lines) <= 12


def join_parts(parts: list[str], context: str = "") -> str:
    """Printed lines as one text: Dutch line-end hyphenation undone (ingest/layout.join_two), a
    spaced dash at a line end kept spaced before a capital ("wetten.nl - Regeling")."""
    text = ""
    for part in parts:
        part = " ".join(part.split())
        if not part:
            continue
        if text.endswith((" -", " –")) and (part[0].isupper() or part[0].isdigit()):
            text = f"{text} {part}"
        else:
            text = join_two(text, part, context) if text else part
    return text


def _numbered(done: list[tuple[_Label, str, int]]) -> list[Footnote]:
    out: list[Footnote] = []
    seen: dict[tuple[str, int], int] = {}
    for label, text, page in done:
        key = (label.style, label.number)
        seen[key] = seen.get(key, 0) + 1
        prefix = "fnb" if label.style == BRACKETED else "fn"
        fid = f"{prefix}{label.number}" + (f".{seen[key]}" if seen[key] > 1 else "")
        out.append(
            Footnote(
                id=fid, number=label.number, label=label.printed, style=label.style, text=text, page=page
            )
        )
    return out


def with_calls(line: Line) -> str:
    """The line's text with each raised number run ("1", "1,2") written as footnote calls "[1][2]"."""
    text = line.text
    out: list[str] = []
    pos = 0
    for a, b in line.raised:
        run = text[a:b].strip()
        before = text[:a].rstrip()
        if not _CALL_RE.match(run) or _UNIT_BEFORE_RE.search(before):
            continue  # an ordinal ("1e", raised letters), a unit ("m²")
        # after a digit too: "december 2023¹⁴" is a call; an exponent ("10³") is rare in letters
        out.append(text[pos:a].rstrip())  # "ESPR ²" and "ESPR²" are one call
        out.append("".join(f"[{int(n)}]" for n in re.findall(r"\d+", run)))
        pos = b
    out.append(text[pos:])
    return "".join(out)


def call_numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d{1,3})\]", text)]
