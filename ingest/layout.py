"""Page layout of extracted text: pages, footnote blocks, link debris and body lines (a pure function)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Re-exported: these names lived here before the footnote blocks and pages got their own modules.
from ingest.footnote_blocks import (  # noqa: F401
    CALL_LOOKBACK_LINES,
    DEF_RES,
    MAX_GAP,
    MONTHS,
    STRONG_FOOTNOTE,
    SUP_DIGITS,
    SUP_TO_INT,
    SUSPECT_FOOTNOTE_CHARS,
    UNITS,
    FootnoteDef,
    Scanner,
)
from ingest.letterhead import HeaderField, find_letterhead
from ingest.line_shapes import body_width, breaks_off, ends_note, lower_start, url_goes_on
from ingest.note_ends import NoteBlock, lost_note, unpaged_blocks
from ingest.note_labels import join_call_runs, join_lone_labels
from ingest.pages import PAGE_NUMBER, RawLine, split_pages

URL_LINE = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
# A footnote line ending on an abbreviation ("zie o.a.", "e.a.", "nr.") goes on, in lower case maybe.
ABBREVIATION_END_RE = re.compile(r"(?:\b[a-z]\.[a-z]\.|\b(?:nr|art|blz|vgl|zgn|resp|incl|jl|p|pp)\.)$", re.I)
BODY_WIDE = 0.85  # a body line: at least this share of the body's width (note_ends.FULL)
CARRY_LINES = 120  # body lines looked back for calls: more than a page holds (about 50 lines)


@dataclass(frozen=True)
class BodyLine:
    text: str
    page: int | None
    blank_before: bool
    page_break_before: bool


@dataclass(frozen=True)
class Layout:
    lines: tuple[BodyLine, ...]
    footnotes: tuple[FootnoteDef, ...]
    pages_known: bool
    letterhead: tuple[HeaderField, ...] = ()  # the letterhead's fields, taken out of the body
    notes: tuple[str, ...] = ()  # what the reader is unsure of, for Letter.reader_notes


def _ends_sentence(text: str) -> bool:
    core = re.sub(r"(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$", "", text.rstrip()).rstrip()
    return core.endswith((".", "!", "?", ":", ";", ")", "”", "’", '"')) or bool(URL_LINE.match(text))


def analyse(text: str) -> Layout:
    """Split extracted text into body lines and footnote definitions, tracking pages and the letterhead."""
    lines, pages_known, page_notes = split_pages(text)
    label_notes: list[str] = []
    if pages_known:
        lines, label_notes = join_lone_labels(join_call_runs(lines))
    texts = [ln.text for ln in lines]
    page_of: list[int] = []  # each line's page: as its label numbers it, else counted from page 1
    page = 1
    for idx, ln in enumerate(lines):
        if ln.starts_page and idx > 0:
            page += 1
        page = ln.page or page
        page_of.append(page)
    kept = [i for i, ln in enumerate(lines) if not ln.debris and ln.text.strip()]
    head_rows, letterhead = find_letterhead([texts[i] for i in kept], [page_of[i] for i in kept])
    column = {kept[k] for k in head_rows}
    # Without page boundaries the footnote blocks are found first, each bounded by the body's own
    # continuity (ingest/note_ends.py); with them, a page's block runs from its first footnote to its end.
    block_of: dict[int, NoteBlock] = {}
    block_notes: list[str] = []
    if not pages_known:
        for blk in unpaged_blocks(texts, *_rows_between(lines, kept, column)):
            block_of.update(dict.fromkeys(blk.rows, blk))
            block_notes.extend(blk.notes)
    zones: dict[int, int | None] = {}
    scan = Scanner()
    scan.width = body_width([len(texts[i].strip()) for i in kept if i not in column])
    body: list[BodyLine] = []
    state = "body"  # body | note | tail
    blank = False
    page_break = False
    doubts: list[str] = []
    for idx, ln in enumerate(lines):
        line, starts_page, page = ln.text, ln.starts_page, page_of[idx]
        if starts_page and idx > 0:
            page_break = True
            if state == "note":
                scan.close_block()
            state = "body"
        if ln.debris or idx in column:
            if not pages_known and state == "note":
                scan.close_block()
                state = "body"
            continue
        if not line.strip():
            blank = True
            continue
        if idx in block_of:
            blk = block_of[idx]
            if idx in blk.starts:
                scan.force_def(line, blk.style, None)
            else:
                scan.add_line(line)
            if idx == blk.rows[-1]:
                scan.close_block()
            state, blank = "note", False
            continue
        if pages_known and page not in zones:
            page_rows = [
                i
                for i in range(idx, len(lines))
                if page_of[i] == page and i not in column and not lines[i].debris
            ]
            # the previous page's last lines (a call in its last line), and its whole body: a footnote
            # that found no room on its call's page is printed at the foot of the next one
            carry = " ".join(b.text for b in body[-3:] if b.page == page - 1)
            wide = " ".join(b.text for b in body[-CARRY_LINES:] if b.page == page - 1)
            zones[page] = scan.zone_start(texts, page_rows, carry, wide)
            if zones[page] is None and (doubt := scan.doubt(texts, page_rows)):
                doubts.append(f"page {page}: {doubt}")
        zone = pages_known and zones.get(page) is not None and idx >= zones[page]
        pg = page if pages_known else None
        in_notes = state == "note" or zone
        if pages_known and in_notes and (split := scan.inline_def(line, _recent(body, page))):
            # two footnotes on one printed line ("... in de Unie. 6 Volgens de ..."): the first goes on
            # (or opens, where the line starts with its number) and the next opens where its number is
            left, right, style = split
            if not scan.try_def(left, blank or page_break, state == "note", pg, "", zone):
                scan.add_line(left)
            scan.force_def(right, style, pg)
            state, blank = "note", False
            continue
        if pages_known and scan.try_def(line, blank or page_break, state == "note", pg, "", zone):
            state = "note"
        elif (
            pages_known
            and state == "note"
            and not starts_page
            and not URL_LINE.match(line)
            and _body_resumes(scan.defs[-1]["lines"][-1], line, body, page, scan.width)
        ):
            # the tool wrote body text after the page's footnotes: it is body, out of its place
            scan.close_block()
            state = "body"
            doubts.append(f"page {page}: body text after its footnotes read as body ({line.strip()[:40]!r}…)")
            body.append(BodyLine(line.rstrip(), pg, False, False))
        elif pages_known and state == "note" and not starts_page and not URL_LINE.match(line):
            # With known pages the body resumes only on the next page: until then, it is footnote text.
            scan.add_line(line)
        elif pages_known and state == "note" and not starts_page and not blank and URL_LINE.match(line):
            scan.add_line(line)
        elif URL_LINE.match(line) and (state in ("note", "tail") or _next_starts_page(lines, idx)):
            if state == "note":
                scan.close_block()
            state = "tail"  # link targets repeated under the footnotes
        elif PAGE_NUMBER.match(line) and (starts_page or _next_starts_page(lines, idx)):
            pass  # a page number
        else:
            if state == "note":
                scan.close_block()
            state = "body"
            body.append(BodyLine(line.rstrip(), pg, blank, page_break))
            page_break = False
        blank = False
    if state == "note":
        scan.close_block()
    footnotes = tuple(
        FootnoteDef(d["number"], d["label"], d["style"], d["series"], join_lines(d["lines"]), d["page"])
        for d in scan.defs
    )
    columns = [f"page {p}: footnotes read as two columns" if p else "footnotes read as two columns"
               for p in scan.columns]  # fmt: skip
    lost = [lost_note(*x) for x in scan.lost]
    notes = (*page_notes, *label_notes, *doubts, *lost, *block_notes, *columns)
    notes += _notes(footnotes, lines, pages_known)
    return Layout(tuple(body), footnotes, pages_known, letterhead, notes)


def _rows_between(
    lines: list[RawLine], kept: list[int], column: set[int]
) -> tuple[list[int], set[int], set[int]]:
    """The content rows (no blank, debris or letterhead line), the rows a blank line stands above, and
    the rows a letterhead or page line stands above."""
    rows = [i for i in kept if i not in column]
    blank: set[int] = set()
    furniture: set[int] = set()
    prev = -1
    for r in rows:
        between = lines[prev + 1 : r]
        if any(not ln.text.strip() for ln in between):
            blank.add(r)
        if any(ln.text.strip() and (ln.debris or (prev + 1 + j) in column) for j, ln in enumerate(between)):
            furniture.add(r)
        prev = r
    return rows, blank, furniture


def _body_resumes(last: str, line: str, body: list[BodyLine], page: int | None, width: int) -> bool:
    """In a page's footnote block, is this line the page's body going on (written after the footnotes)?

    Evidence, all of it (note_ends.py reads unpaged text by the same shapes): the footnote's line
    above ended its sentence; this line starts in lower case, as no footnote's next sentence does; and
    the page's body above the block broke off mid-sentence, so its sentence goes on here; and the line
    is as wide as the body's lines (a narrow one may be a second footnote column's, read apart later)."""
    if len(line.strip()) < BODY_WIDE * width:
        return False
    if not (ends_note(last) and lower_start(line) and not url_goes_on(last, line)):
        return False
    above = body[-1] if body and body[-1].page == page else None
    return above is not None and not ends_note(above.text) and not ABBREVIATION_END_RE.search(last)


def _recent(body: list[BodyLine], page: int | None) -> str:
    """The body of this page and the one before: where the calls of this page's footnotes stand."""
    return " ".join(b.text for b in body[-CARRY_LINES:] if page is None or b.page in (page, page - 1))


def _notes(footnotes: tuple[FootnoteDef, ...], lines: list[RawLine], pages_known: bool) -> tuple[str, ...]:
    out = []
    for fn in footnotes:
        if len(fn.text) > SUSPECT_FOOTNOTE_CHARS:
            where = f" (page {fn.page})" if fn.page else ""
            out.append(f"footnote {fn.label}{where}: {len(fn.text):,} characters, probably body text")
        elif breaks_off(fn.text):
            # a footnote continued on the next page: its rest stands above that page's footnotes, where
            # nothing but its font tells it from the body (read as body, said so here)
            where = f" (page {fn.page})" if fn.page else ""
            tail = " ".join(fn.text.split()[-3:])[-30:]
            out.append(
                f"footnote {fn.label}{where} breaks off ('…{tail}'): its rest may stand on the next page, "
                "read as body text"
            )
    filled = [ln for ln in lines if ln.text.strip()]
    if not pages_known and len(filled) >= 40 and len(filled) > 0.95 * len(lines):
        out.append(
            "no page boundaries found (no form feeds, page labels or blank lines): "
            "footnotes inside the text may be read as body text"
        )
    return tuple(out)


def _next_starts_page(lines: list[RawLine], idx: int) -> bool:
    for ln in lines[idx + 1 :]:
        if ln.text.strip() and not ln.debris:
            return ln.starts_page
    return True


def join_lines(parts: list[str], context: str = "") -> str:
    """Join wrapped lines, undoing hyphenation only where the word was split by the line break."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        out = join_two(out, part, context) if out else part
    return out


VOWELS = set("aeiouyáéíóúëïöü")


def join_two(left: str, right: str, context: str = "") -> str:
    """Join two wrapped line fragments; see join_lines."""
    last_token = left.split()[-1] if left.split() else ""
    if re.search(r"(https?://|www\.)\S*[-/_.=?&]$", last_token) or (
        last_token.startswith(("http", "<http")) and not left.endswith((" ", ">"))
    ):
        return left + right  # a URL broken across lines
    if left.endswith(" -"):
        return left + right  # "AI-innovatie en -toepassing"
    if left.endswith("-") and len(left) > 1:
        if re.search(r"\w-$", left) and re.match(r"(?:en|of|tot|noch)\s", right):
            return f"{left} {right}"  # a suspended hyphen: "inlichtingen- en veiligheidsdiensten"
        before = re.search(r"(\w+)-$", left)
        after = re.match(r"(\w+)", right)
        if before and after:
            b, a = before.group(1), after.group(1)
            keep = (
                len(b) == 1  # e-mail
                or not b[-1].islower()  # AI-verordening, LAA-systemen
                or not a[0].islower()  # niet-Europese
                or (b[-1] in VOWELS and a[0] in VOWELS)  # actie-agenda: Dutch keeps the hyphen
                or f"{b}-{a}" in context  # the hyphenated form occurs elsewhere
            )
            if not keep and f"{b}{a}" not in context and f"{b}-{a}".lower() in context.lower():
                keep = True
            return left + right if keep else left[:-1] + right
        return left + right
    return left + " " + right
