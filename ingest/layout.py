"""Page layout of extracted text: pages, footnote blocks, link debris and body lines (a pure function)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ingest.letterhead import HeaderField, find_letterhead, squeeze
from ingest.model import BRACKETED, PLAIN, SUPERSCRIPT

SUP_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUP_TO_INT = {c: i for i, c in enumerate(SUP_DIGITS)}
MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december "
    "jan feb mrt apr jun jul aug sep okt nov dec"
).split()
# A number at the start of a line followed by one of these is body text, not a footnote.
UNITS = set(MONTHS) | set(
    "miljoen miljard procent euro fte jaar jaren dagen weken maanden uur minuten keer leden "
    "organisaties locaties deelnemers apparaten toestellen labs documenten %".split()
)
DEF_RES = {
    # "5https://..." : the other extraction tool glues a footnote's number to a URL that opens it
    PLAIN: re.compile(r"^\s{0,3}(\d{1,3})(?:\s+|(?=https?://|www\.))(\S.*)$"),
    BRACKETED: re.compile(r"^\s{0,3}\[(\d{1,3})\]\s+(\S.*)$"),
    SUPERSCRIPT: re.compile(rf"^\s{{0,3}}([{SUP_DIGITS}]{{1,3}})\s+(\S.*)$"),
}
STRONG_FOOTNOTE = re.compile(r"Kamerstuk|Handelingen|TZ\d{6}|\bT\d{5}\b|https?://|\bnr\.", re.I)
URL_LINE = re.compile(r"^\s*<?(https?://|www\.)\S+>?\s*$")
PAGE_NUMBER = re.compile(r"^\s*(?:pagina\s+)?\d{1,3}(?:\s*(?:/|van)\s*\d{1,3})?\s*$", re.I)
MAX_GAP = 3  # footnote texts lost in extraction: a definition may skip at most this many numbers
# A footnote this long is probably body text read as footnote: the reader says so in its notes.
# (The demo letters' longest footnote holds 499 characters, the real letters' about 400.)
SUSPECT_FOOTNOTE_CHARS = 1000
# Where a footnote block at a page end would make one footnote this long, it is not a footnote block.
MAX_FOOTNOTE_CHARS = 2 * SUSPECT_FOOTNOTE_CHARS
CALL_LOOKBACK_LINES = 80  # without page boundaries: a footnote's call stands within this many lines above


@dataclass(frozen=True)
class FootnoteDef:
    """A footnote definition found at a page bottom."""

    number: int
    label: str
    style: str
    series: int  # 0, or 1.. when the numbering restarts
    text: str
    page: int | None


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


@dataclass(frozen=True)
class _Line:
    text: str
    starts_page: bool
    debris: bool = False  # a page label ("Pagina 2 van 7"): dropped
    page: int | None = None  # the page number its label gives, where labels give one


def _split_pages(text: str) -> tuple[list[_Line], bool, list[str]]:
    """Lines with a flag 'starts a page'.

    Evidence, strongest first: form feeds (exact); page labels in sequence ("Pagina 2 van 7", or a bare
    page number alone on its line, 1, 2, 3 ...), which the other extraction tool prints at each page
    end; else the artefacts pdftotext leaves between pages (heuristic)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        out: list[_Line] = []
        pages = _strip_running_lines([p.split("\n") for p in text.split("\f")])
        for page in pages:
            for i, line in enumerate(page):
                out.append(_Line(line, i == 0, _page_label(line) is not None and not PAGE_NUMBER.match(line)))
        return out, True, []
    lines = text.split("\n")
    labelled = _labelled_pages(lines)
    if labelled is not None:
        return labelled[0], True, labelled[1]
    out = []
    found = False
    for i, line in enumerate(lines):
        start = i == 0
        if line.strip() and i >= 1:
            prev = lines[i - 1]
            # a page that begins with one leading space right after a non-blank line
            if re.match(r"^ \S", line) and prev.strip():
                start = True
            # blank, blank, space, blank, space: the gap pdftotext leaves between pages
            j = i - 1
            gap = []
            while j >= 0 and not lines[j].strip():
                gap.append(lines[j])
                j -= 1
            gap.reverse()
            if len(gap) >= 5 and gap[0] == "" and gap[1] == "" and sum(1 for g in gap if g == " ") >= 2:
                start = True
        found |= start and i > 0
        out.append(_Line(line, start))
    return out, found, []


def _page_label(line: str) -> int | None:
    """The page number of a page label: 'Pagina 2 van 7', 'P agina 2 van 7' (letter-spaced), '2 van 7'."""
    m = re.fullmatch(r"(?:pagina)?(\d{1,3})van\d{1,3}|pagina(\d{1,3})", squeeze(line))
    return int(m.group(1) or m.group(2)) if m else None


def _chain(cands: list[tuple[int, int]], lines: list[str], gap: int = 0) -> list[tuple[int, int]]:
    """The longest run of labels numbered 1, 2, 3 ... (or from 2: page 1 may carry none), in text order,
    each after a page's worth of text (three lines at least); `gap` labels may be missing in between."""
    best: list[tuple[int, int]] = []
    for k, (_, first) in enumerate(cands):
        if first not in (1, 2):
            continue
        run = [cands[k]]
        for idx, n in cands[k + 1 :]:
            filled = sum(1 for ln in lines[run[-1][0] + 1 : idx] if ln.strip())
            if run[-1][1] < n <= run[-1][1] + 1 + gap and filled >= 3:
                run.append((idx, n))
        if len(run) > len(best):
            best = run
    return best


def _labelled_pages(lines: list[str]) -> tuple[list[_Line], list[str]] | None:
    """Pages from page labels in sequence, with notes on labels missing; None where there are none.

    "Pagina n van m" labels may miss one in between (a page whose label the tool lost); bare numbers,
    weaker evidence, must follow each other exactly."""
    labels = [(i, n) for i, ln in enumerate(lines) if (n := _page_label(ln)) is not None]
    chain = _chain(labels, lines, gap=1)
    if len(chain) < 2:
        bare = [(i, int(ln)) for i, ln in enumerate(lines) if re.fullmatch(r"\s*\d{1,3}\s*", ln)]
        chain = _chain(bare, lines)
        if len(chain) < 2:
            return None
    before = sum(1 for ln in lines[: chain[0][0]] if ln.strip())
    after = sum(1 for ln in lines[chain[-1][0] + 1 :] if ln.strip())
    footer = after <= before  # labels close their page (the other tool) or open it (a running header)
    at = dict(chain)
    out: list[_Line] = []
    # a footer label numbers the page it closes, a header label the page it opens; where a label was
    # lost, two pages read as one, numbered as the label that closes (or opens) them
    closing = iter(chain)
    label_at, number = next(closing)
    page = max(1, chain[0][1] - 1)
    for i, ln in enumerate(lines):
        if footer:
            while label_at is not None and i > label_at:
                label_at, number = next(closing, (None, number + 1))
            page = number
        elif i in at:
            page = at[i]
        out.append(_Line(ln, i == 0 or (footer and i - 1 in at) or (not footer and i in at), i in at, page))
    numbers = [n for _, n in chain]
    missing = [n for n in range(numbers[0], numbers[-1]) if n not in numbers]
    notes = [f"no page label for page {n}: its footnotes may be read as body text" for n in missing]
    total = re.search(r"van(\d{1,3})$", squeeze(lines[chain[-1][0]]))
    if total and int(total.group(1)) > numbers[-1] + (0 if footer else 1):
        notes.append(f"page labels end at page {numbers[-1]} of {total.group(1)}")
    return out, notes


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop running headers/footers and page numbers that repeat at page edges."""
    if len(pages) < 3:
        return pages

    def norm(s: str) -> str:
        return re.sub(r"\d+", "#", s.strip())

    edges = Counter()
    for page in pages:
        content = [ln for ln in page if ln.strip()]
        edges.update({norm(ln) for ln in content[:3] + content[-3:]})
    running = {k for k, n in edges.items() if n >= max(3, len(pages) // 2)}
    return [[ln for ln in page if not (ln.strip() and norm(ln) in running)] for page in pages]


def _def_match(line: str, style: str) -> tuple[int, str, str] | None:
    m = DEF_RES[style].match(line)
    if not m:
        return None
    label, rest = m.group(1), m.group(2)
    number = int("".join(str(SUP_TO_INT[c]) for c in label)) if style == SUPERSCRIPT else int(label)
    first = rest.split()[0].lower().strip(".,:;")
    if first in UNITS or rest.startswith(("%", "€")):
        return None
    return number, label if style != BRACKETED else f"[{label}]", rest


def _called(above: str, number: int, style: str) -> bool:
    """Does the body above carry a call of this footnote number (glued to a word or to punctuation)?"""
    if style == SUPERSCRIPT:
        return "".join(SUP_DIGITS[int(c)] for c in str(number)) in above
    if style == BRACKETED:
        return f"[{number}]" in above
    return bool(re.search(rf"(?:[^\W\d_]|[).,;:’”'\"]) ?{number}(?![\d\w])", above))


class _Scanner:
    """Walks the lines once, separating footnote definitions and link debris from the body."""

    def __init__(self) -> None:
        self.expected = {PLAIN: 1, BRACKETED: 1, SUPERSCRIPT: 1}
        self.series = {PLAIN: 0, BRACKETED: 0, SUPERSCRIPT: 0}
        self.defs: list[dict] = []

    def try_def(
        self,
        line: str,
        after_blank: bool,
        in_block: bool,
        page: int | None,
        recent: str = "",
        zone: bool = False,
    ) -> bool:
        """Take line as a footnote definition where the evidence allows: a blank line or a page's footnote
        block above it (`zone`), the definition before it, or the expected number with a footnote-like
        text or a call of that number in the body just above (`recent`)."""
        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            hit = _def_match(line, style)
            if not hit:
                continue
            number, label, rest = hit
            exp = self.expected[style]
            called = number == exp and bool(recent) and _called(recent, number, style)
            if not (
                after_blank or in_block or zone or called or (number == exp and STRONG_FOOTNOTE.search(rest))
            ):
                continue
            restart = number == 1 and exp > 1 and after_blank and STRONG_FOOTNOTE.search(rest)
            # a text that starts mid-letter: its first footnote may carry any number
            first = exp == 1 and self.series[style] == 0 and after_blank and STRONG_FOOTNOTE.search(rest)
            if not (exp <= number <= exp + MAX_GAP or restart or first):
                continue
            if restart:
                self.series[style] += 1
            self.expected[style] = number + 1
            self.defs.append(
                {
                    "number": number,
                    "label": label,
                    "style": style,
                    "series": self.series[style],
                    "lines": [rest],
                    "page": page,
                }
            )
            return True
        return False

    def zone_start(self, texts: list[str], content: list[int]) -> int | None:
        """Where a page's footnote block starts (an index into texts), or None.

        Evidence: footnotes are the last lines of their page; they continue the letter's numbering;
        the body above calls the first of them (or its text looks like a footnote); none of them holds
        pages of text. The latest line that starts with the expected number is taken, so a body line
        higher up that happens to start with that number stays body."""
        rows = [i for i in content if texts[i].strip()]
        for style in (SUPERSCRIPT, BRACKETED, PLAIN):
            exp = self.expected[style]
            for n in range(exp, exp + MAX_GAP + 1):
                cands = [k for k, i in enumerate(rows) if (d := _def_match(texts[i], style)) and d[0] == n]
                for k in reversed(cands):
                    rest = _def_match(texts[rows[k]], style)[2]
                    above = " ".join(texts[i] for i in rows[:k])
                    if not (STRONG_FOOTNOTE.search(rest) or _called(above, n, style)):
                        continue
                    if _block_fits(texts, rows[k:], style, n):
                        return rows[k]
        return None


def _block_fits(texts: list[str], rows: list[int], style: str, first: int) -> bool:
    """A footnote block from rows[0] to the page end: no footnote in it over MAX_FOOTNOTE_CHARS."""
    last, size = first, 0
    for i in rows[1:]:
        hit = _def_match(texts[i], style)
        if hit and last < hit[0] <= last + 1 + MAX_GAP:
            last, size = hit[0], 0
            continue
        size += len(texts[i].strip()) + 1
        if size > MAX_FOOTNOTE_CHARS:
            return False
    return True


def _ends_sentence(text: str) -> bool:
    core = re.sub(r"(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$", "", text.rstrip()).rstrip()
    return core.endswith((".", "!", "?", ":", ";", ")", "”", "’", '"')) or bool(URL_LINE.match(text))


def analyse(text: str) -> Layout:
    """Split extracted text into body lines and footnote definitions, tracking pages and the letterhead."""
    lines, pages_known, page_notes = _split_pages(text)
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
    zones: dict[int, int | None] = {}
    scan = _Scanner()
    body: list[BodyLine] = []
    state = "body"  # body | note | tail
    blank = False
    page_break = False
    recent: list[str] = []  # body lines since the last footnote: where the calls stand
    for idx, (line, starts_page) in enumerate((ln.text, ln.starts_page) for ln in lines):
        page = page_of[idx]
        if starts_page and idx > 0:
            page_break = True
            state = "body"
        if lines[idx].debris or idx in column:
            if not pages_known and state == "note":
                state = "body"  # without page labels, the letterhead column ends a footnote block
            continue
        if not line.strip():
            blank = True
            continue
        if pages_known and page not in zones:
            zones[page] = scan.zone_start(
                texts,
                [
                    i
                    for i in range(idx, len(lines))
                    if page_of[i] == page and i not in column and not lines[i].debris
                ],
            )
        zone = pages_known and zones.get(page) is not None and idx >= zones[page]
        pg = page if pages_known else None
        if scan.try_def(line, blank or page_break, state == "note", pg, _recent(recent, pages_known), zone):
            state = "note"
            recent = []
        elif (
            state == "note"
            and not starts_page
            and (not blank or pages_known)
            and not URL_LINE.match(line)
            and not (not pages_known and _body_resumes(body, scan.defs[-1]["lines"], line))
        ):
            # With known pages the body resumes only on the next page: until then, it is footnote text.
            scan.defs[-1]["lines"].append(line.strip())
        elif state == "note" and not starts_page and not blank and URL_LINE.match(line):
            scan.defs[-1]["lines"].append(line.strip())
        elif URL_LINE.match(line) and (state in ("note", "tail") or _next_starts_page(lines, idx)):
            state = "tail"  # link targets repeated under the footnotes
        elif PAGE_NUMBER.match(line) and (starts_page or _next_starts_page(lines, idx)):
            pass  # a page number
        else:
            state = "body"
            body.append(BodyLine(line.rstrip(), pg, blank, page_break))
            recent.append(line)
            page_break = False
        blank = False
    footnotes = tuple(
        FootnoteDef(d["number"], d["label"], d["style"], d["series"], join_lines(d["lines"]), d["page"])
        for d in scan.defs
    )
    notes = tuple(page_notes) + _notes(footnotes, lines, pages_known)
    return Layout(tuple(body), footnotes, pages_known, letterhead, notes)


def _recent(recent: list[str], pages_known: bool) -> str:
    # With known pages a footnote needs a blank line or its page's block as evidence; without them, the
    # call in the body just above is the evidence left (dense text has no blank lines).
    return "" if pages_known else " ".join(recent[-CALL_LOOKBACK_LINES:])


def _body_resumes(body: list[BodyLine], note_lines: list[str], line: str) -> bool:
    """Without page boundaries: the body resumes after a footnote when the body above broke off
    mid-sentence, the footnote has ended its sentence and the line goes on in lower case (the rest of
    the body's sentence on the next page)."""
    s = line.strip()
    return (
        bool(body)
        and s[:1].islower()
        and not _ends_sentence(body[-1].text)
        and _ends_sentence(note_lines[-1])
    )


def _notes(footnotes: tuple[FootnoteDef, ...], lines: list[_Line], pages_known: bool) -> tuple[str, ...]:
    out = []
    for fn in footnotes:
        if len(fn.text) > SUSPECT_FOOTNOTE_CHARS:
            where = f" (page {fn.page})" if fn.page else ""
            out.append(f"footnote {fn.label}{where}: {len(fn.text):,} characters, probably body text")
    filled = [ln for ln in lines if ln.text.strip()]
    if not pages_known and len(filled) >= 40 and len(filled) > 0.95 * len(lines):
        out.append(
            "no page boundaries found (no form feeds, page labels or blank lines): "
            "footnotes inside the text may be read as body text"
        )
    return tuple(out)


def _next_starts_page(lines: list[_Line], idx: int) -> bool:
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
