"""Footnote numbers and calls a tool printed on lines of their own, joined back where they belong (pure).

pdftotext writes a raised footnote number in its own font as a line of its own, the footnote's text
on the next line (after a blank line in its default mode, indented in -layout mode):
``"1" / "" / "Kamerstukken II 2024/2025, 36 600 VII, nr. 62."``. The reader's footnote rules expect
``"1 Kamerstukken ..."``, so such a number is joined to its text where the structure says it is a
footnote label: the pages are known (form feeds or page labels), the number is the next one of the
letter's footnote numbering (or skips at most MAX_GAP lost ones, or is one skipped earlier and
printed later), some line above it on its page or the two before calls it, and text follows it on
the same page. A number that ends its page is a page number, unless a short text set off by a blank
line stands above it or above the page's other footnotes: pdftotext sometimes writes a footnote's
number after its text, and the reader then says so. Neither a body sentence nor a letterhead value
("Bijlage(n)" / "4") is joined: its number is out of sequence or nothing above calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.footnote_blocks import MAX_GAP
from ingest.footnotes import call_candidates
from ingest.pages import RawLine

LONE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
INLINE_LABEL = re.compile(r"^\s{0,3}(\d{1,3})\s+\S")  # a footnote whose number the tool kept on its line
# A lone number's text: a line that does not itself stand alone as a number.
TEXT_START = re.compile(r"^\s*(?!\d{1,3}\s*$)\S")
CALL_END = re.compile(r"(?:[^\W\d_]|[.,;:)”’])\d{1,3}$")  # a line that ends on a glued call
# After such a line: the rest of a call run (", " / ", 33") or the rest of the line (" (als").
CALL_REST = re.compile(r"^\s*,\s*(?:\d{1,3}\s*)?$|^ [^\s\d]")
ORPHAN_LINES = 8  # a footnote's text written above its number: a few lines at most
LOOK_BACK = 160  # lines above a label searched for its call (within the page and the two before)


def join_call_runs(lines: list[RawLine]) -> list[RawLine]:
    """Calls set on lines of their own joined back to the line they belong to.

    pypdfium2 breaks the line after a raised call that ends a run of text: the rest follows with one
    space ("gepubliceerd3" / " (als"), and a run of calls is split at its comma ("Instituut.32" /
    ", " / "33"; pdftotext -raw: ", 33"). Left apart, "33" opens a footnote made of body text."""
    out: list[RawLine] = []
    for ln in lines:
        prev = out[-1].text.rstrip() if out and not ln.starts_page and not out[-1].debris else ""
        glue = bool(prev) and bool(
            (CALL_END.search(prev) and CALL_REST.match(ln.text))
            or (prev.endswith(",") and CALL_END.search(prev[:-1].rstrip()) and LONE_NUMBER.match(ln.text))
        )
        if glue:
            out[-1] = replace(out[-1], text=prev + ln.text.rstrip())
        else:
            out.append(ln)
    return out


@dataclass
class _Numbering:
    """The letter's footnote numbering as the labels are met."""

    expected: int = 1
    seen: set[int] = field(default_factory=set)

    def fits(self, n: int) -> bool:
        """Next in sequence (a few lost ones skipped), or one skipped earlier and printed later (a
        footnote with no room on its call's page)."""
        later = self.expected - MAX_GAP <= n < self.expected and n not in self.seen
        return self.expected <= n <= self.expected + MAX_GAP or later

    def take(self, n: int) -> None:
        self.expected = max(self.expected, n + 1)
        self.seen.add(n)


def _called(lines: list[RawLine], upto: int, low: int, n: int) -> bool:
    """Some line in lines[low:upto] holds a call candidate numbered n."""
    text = " ".join(ln.text for ln in lines[max(low, upto - LOOK_BACK) : upto] if not ln.debris)
    return any(num == n for _, num, _ in call_candidates(text))


def _skipped_later(out: list[RawLine], rest: list[int], low: int, n: int) -> bool:
    """Do a label numbered low .. n-1 and then one numbered n again stand further on the page? Then
    this n is no label ("Bijlage(n)" / "2" above "1 Kamerstuk ..." / "2 https://...")."""
    lower = False
    for i in rest:
        m = LONE_NUMBER.match(out[i].text) or INLINE_LABEL.match(out[i].text)
        k = int(m.group(1)) if m else 0
        lower = lower or low <= k < n
        if lower and k == n:
            return True
    return False


def _ends_page(out: list[RawLine], content: list[int], k: int) -> bool:
    """content[k] is its page's last line, or the last but a page number."""
    rest = content[k + 1 :]
    return not rest or (len(rest) == 1 and bool(LONE_NUMBER.match(out[rest[0]].text)))


def _text_above(out: list[RawLine], anchor: int, page_start: int) -> list[int]:
    """The lines right above anchor, set off from the body above them by a blank line; [] if none."""
    rows = []
    j = anchor - 1
    while j > page_start and out[j].text.strip() and not out[j].debris:
        rows.append(j)
        j -= 1
    if j <= page_start or out[j].text.strip() or not rows or len(rows) > ORPHAN_LINES:
        return []
    return rows[::-1]


def join_lone_labels(lines: list[RawLine]) -> tuple[list[RawLine], list[str]]:
    """The lines with each lone footnote number joined to its text, and notes where that was a guess."""
    out = list(lines)
    drop: set[int] = set()
    numbering = _Numbering()
    notes: list[str] = []
    starts = [i for i, ln in enumerate(lines) if ln.starts_page or i == 0]
    spans = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    for p, (start, end) in enumerate(spans):
        low = spans[max(0, p - 2)][0]  # the call stands on this page or one of the two before
        content = [i for i in range(start, end) if out[i].text.strip() and not out[i].debris]
        first_label: int | None = None  # the page's first footnote line, once one is found
        for k, i in enumerate(content[1:], start=1):  # a page's first line is no label
            m = LONE_NUMBER.match(out[i].text) or INLINE_LABEL.match(out[i].text)
            n = int(m.group(1)) if m else 0
            if not m or i in drop or not numbering.fits(n) or not _called(out, i, low, n):
                continue
            if n > numbering.expected and _skipped_later(out, content[k + 1 :], numbering.expected, n):
                continue  # its own label is still to come on this page, after a lower one
            nxt = content[k + 1] if k + 1 < len(content) else None
            if m.re is INLINE_LABEL:
                if n < numbering.expected:
                    continue  # only the numbering's next footnotes, already on one line, go on
                target = i
            elif nxt is not None and TEXT_START.match(out[nxt].text):
                target = nxt
                drop.update(range(i, nxt))
            elif _ends_page(out, content, k) and (rows := _text_above(out, first_label or i, start)):
                if first_label is not None and n > numbering.expected:
                    continue
                # the number ends its page and its text stands above the page's other footnotes, or
                # right above it: pdftotext wrote the footnote's number after its text
                target = rows[0]
                drop.add(i)
                notes.append(f"page {p + 1}: footnote {n}'s number stands after its text; read as its text")
            else:
                continue  # a page number, or a number alone in the body
            if target != i:
                out[target] = replace(out[target], text=f"{n} {out[target].text.strip()}")
            first_label = target if first_label is None else first_label
            numbering.take(n)
    return [ln for i, ln in enumerate(out) if i not in drop], notes
