"""Reflow body lines into paragraphs: join wrapped lines, normalise bullets, keep words verbatim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.layout import BodyLine, join_two

# Bullet glyphs seen in extracted letters: •, Symbol-font private-use bullets, the replacement char.
BULLET_RE = re.compile(r"^\s*(?:[•\uf0b7\uf0a7\uf0d8\uf02d\u25aa\u25cf\u2022�]|[-–o](?=\s+\S))\s+")
NUMBERED_HEADING_RE = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+\S|^\s*\d+\.\s+(?:[A-Z(]|T\d{5})")
# "a) Titel voorstel": the lettered items of a form (a BNC-fiche) start their own paragraph.
LETTERED_RE = re.compile(r"^\s*[a-z]\)\s+\S")
# Lines that stand alone, whatever the line lengths say: the closing formula, a signer's function in
# capitals ("DE STAATSSECRETARIS VAN INFRASTRUCTUUR EN WATERSTAAT,"), and a table row in text, whose
# cells the extraction separated with "|" (a table is split by row, never reflowed into one paragraph).
CLOSING_RE = re.compile(
    r"^\s*(?:Hoogachtend|Met (?:vriendelijke|hartelijke) groet(?:en)?|Met (?:de meeste )?hoogachting)"
    r"[,.]?\s*$",
    re.I,
)
ROLE_CAPS_RE = re.compile(r"^\s*(?:DE\s+)?(?:MINISTER|STAATSSECRETARIS|MINISTER-PRESIDENT)\b[^a-z]*$")
ROLE_LINE_RE = re.compile(
    r"^\s*(?:De\s+)?(?:minister|staatssecretaris|minister-president)\b.{0,90},\s*$", re.I
)
NAME_LINE_RE = re.compile(
    r"^(?i:(?:drs|dr|mr|ir|ing|prof)\.\s*)*(?:[A-Z]\.\s?)*[A-ZÀ-Ý][\w’'.-]*(?:\s+[\w’'.-]+){0,4}$"
)
TABLE_ROW_RE = re.compile(r"^\s*\|.*\||^[^|]*\S\s*\|\s*\S[^|]*\|\s*\S")
KEYWORD_START_RE = re.compile(r"^\s*(?:Motie|Moties|Toezegging|Toezeggingen|T\d{5}:)\b")
TRAILING_MARKER_RE = re.compile(
    r"(?:\s?\[\d{1,3}\](?:,\s?\[\d{1,3}\])*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:,[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*|\d{1,3}(?:,\s?\d{1,3})*)$"
)
TERMINAL = (".", "!", "?", ";", ":", ".”", "?”", "!”", '."', ".’", ")”")
# Function words: a line ending in one of these continues on the next line, whatever its case.
# Capitalised words that open a sentence: after a heading line they start the body, not the heading.
SENTENCE_STARTERS = set(
    "In De Het Een Uw Op Tijdens Zoals Met Ik Naar Mijn Sinds Er Dit Deze Om Bij Voor Als Ook Wel "
    "Hierbij Daarnaast Tot Wij We Zij Het Eerder Vanuit Onlangs Verder Graag Conform Binnen".split()
)
GLUED_END_RE = re.compile(r"(?:[^\W\d_)]|[).])(?:\d{1,3}(?:,\s?\d{1,3})*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*$")
FUNCTION_WORDS = set(
    "de het een en of van in op aan met voor door bij naar over tot uit als om te dat die dit deze "
    "is zijn wordt worden heeft hebben zal kan moet ook nog niet wel maar dan zodat waarbij waarin "
    "the of and to in for on with".split()
)


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int | None
    bullet: bool
    # (offset in text, page) where a later page starts inside the paragraph: text without blank lines
    # may run one paragraph over pages, and a call's page is that of its own line
    breaks: tuple[tuple[int, int], ...] = ()


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence, ignoring a footnote marker glued to its end."""
    stripped = text.rstrip()
    core = TRAILING_MARKER_RE.sub("", stripped).rstrip() or stripped
    return core.endswith(TERMINAL)


def _line_width(lines: tuple[BodyLine, ...]) -> int:
    lengths = sorted(len(ln.text.strip()) for ln in lines if ln.text.strip())
    if not lengths:
        return 80
    return max(20, lengths[int(0.9 * (len(lengths) - 1))])


def reflow(lines: tuple[BodyLine, ...], context: str = "") -> list[Paragraph]:
    """Group body lines into paragraphs; context is the raw text, used to decide hyphenation."""
    width = _line_width(lines)
    paras: list[Paragraph] = []
    cur: list[str] = []  # raw lines of the current paragraph
    cur_text = ""
    cur_page: int | None = None
    cur_bullet = False
    cur_breaks: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal cur, cur_text, cur_breaks
        if cur_text.strip():
            paras.append(Paragraph(cur_text.strip(), cur_page, cur_bullet, tuple(cur_breaks)))
        cur, cur_text, cur_breaks = [], "", []

    alone = False  # the previous line stood alone: this one starts a paragraph
    for i, ln in enumerate(lines):
        raw = ln.text.strip()
        bullet = bool(BULLET_RE.match(ln.text)) and not NUMBERED_HEADING_RE.match(ln.text)
        text = BULLET_RE.sub("", ln.text).strip() if bullet else raw
        stands_alone = bool(
            CLOSING_RE.match(raw)
            or ROLE_CAPS_RE.match(raw)
            or TABLE_ROW_RE.match(raw)
            or _title_line(lines, i, width)
            or _signer_line(lines, i)
        )
        if (
            not cur
            or alone
            or stands_alone
            or bullet
            or NUMBERED_HEADING_RE.match(raw)
            or LETTERED_RE.match(raw)
            or _starts_heading(raw, cur_text)
        ):
            new = True
        else:
            new = _breaks(cur[-1], cur_text, text, ln, width)
            if not new and _is_heading_start(cur[0]):
                first_word = text.split()[0] if text.split() else ""
                new = bool(GLUED_END_RE.search(cur[-1])) or first_word in SENTENCE_STARTERS
        if new:
            flush()
            cur_page, cur_bullet = ln.page, bullet
            cur_text = ("• " + text) if bullet else text
        else:
            cur_text = join_two(cur_text, text, context)  # ends with text as it was
            last = cur_breaks[-1][1] if cur_breaks else cur_page
            if ln.page is not None and last is not None and ln.page > last:
                cur_breaks.append((len(cur_text) - len(text), ln.page))
        cur.append(raw)
        alone = stands_alone or (bool(cur) and ROLE_CAPS_RE.match(cur[0]) is not None)
    flush()
    return paras


def _signer_line(lines: tuple[BodyLine, ...], i: int) -> bool:
    """A signer's function over the name: "De minister van Economische Zaken en Klimaat," then
    "M.A.M. Adriaansens". Evidence: the function ends in a comma after a finished sentence (or the
    closing formula) and a short line that is a name follows."""
    if not ROLE_LINE_RE.match(lines[i].text) or i + 1 >= len(lines):
        return False
    prev = lines[i - 1].text.strip() if i else ""
    nxt = lines[i + 1].text.strip()
    return (not prev or ends_sentence(prev) or bool(CLOSING_RE.match(prev))) and (
        len(nxt) <= 40 and bool(NAME_LINE_RE.match(nxt))
    )


def _title_line(lines: tuple[BodyLine, ...], i: int, width: int) -> bool:
    """A heading on its own line in text without blank lines (one line per printed line).

    Evidence: the line is clearly shorter than a full line yet ends no sentence, no clause and no name,
    the line before ended a sentence and the line after starts with a capital. A wrapped body line is
    full width or ends its paragraph with a stop. Where blank lines exist they mark headings themselves."""
    ln = lines[i]
    if i == 0 or i + 1 >= len(lines) or ln.blank_before or lines[i + 1].blank_before:
        return False
    s, prev, nxt = ln.text.strip(), lines[i - 1].text.strip(), lines[i + 1].text.strip()
    words = s.split()
    return (
        len(s) <= 0.8 * width
        and 1 <= len(words) <= 14
        and s[:1].isupper()
        and not ends_sentence(s)
        and not s.endswith((",", "-", ":", "–"))
        and words[-1].lower() not in FUNCTION_WORDS
        and not (
            words[-1][:1].isupper() and len(words) > 1
        )  # a name going on: "de Algemene / Bestuursdienst"
        and not BULLET_RE.match(ln.text)
        and ends_sentence(prev)
        and nxt[:1].isupper()
    )


def _is_heading_start(line: str) -> bool:
    return bool(NUMBERED_HEADING_RE.match(line) or KEYWORD_START_RE.match(line))


def _starts_heading(line: str, cur_text: str) -> bool:
    return bool(KEYWORD_START_RE.match(line)) and (
        not cur_text or ends_sentence(cur_text) or _is_short_title(cur_text)
    )


def _is_short_title(text: str) -> bool:
    return len(text) < 60 and not ends_sentence(text)


def _breaks(prev_line: str, cur_text: str, text: str, ln: BodyLine, width: int) -> bool:
    """Does this line start a new paragraph?"""
    first = text[:1]
    last_word = cur_text.rstrip().split()[-1].lower() if cur_text.strip() else ""
    continues = cur_text.rstrip().endswith((",", "-")) or last_word in FUNCTION_WORDS
    if re.fullmatch(r"Geachte [^,]{1,40},", cur_text.strip()):
        return True  # the salutation stands alone
    if ln.blank_before or ln.page_break_before:
        if ends_sentence(cur_text):
            return True
        if len(prev_line) >= 0.8 * width and not prev_line.endswith(")"):
            return False  # the previous line was full: the sentence wraps across the gap
        if first.islower() or first in "(€%" or first.isdigit() or continues:
            return False
        return not (ln.page_break_before and not ends_sentence(cur_text) and continues)
    short = len(prev_line) < 0.7 * width
    if (
        short
        and not prev_line.endswith("-")
        and not continues
        and (first.isupper() or ends_sentence(prev_line))
    ):
        return True
    return False
