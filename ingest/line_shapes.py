"""Shapes of extracted lines: whether a line ends a sentence, plainly goes on, starts in lower case (pure)."""

from __future__ import annotations

import re

# A line "ends" a footnote's sentence with terminal punctuation, a closing bracket or quote, or a
# domain ("Rijksoverheid.nl"); a web address at a line end may break anywhere, so it ends nothing.
# A line "goes on" after a hyphen, comma, opening bracket, a joining sign, or a lower-case word without
# punctuation or digits (a footnote's text never ends on "voor" or "and"; "…/moties/deta" or
# "strategie-voor-retailbetalingen" are parts of web addresses).
ENDS_RE = re.compile(r"(?:[.!?;)\]”’\"']|(?<!/)\b[\w-]+\.[a-z]{2,4})$")
GOES_ON_RE = re.compile(r"(?:[-,(/&|–]|(?:^|\s)[a-zà-ÿ]+)$")
# A list item or bullet ("- In 2030", "• ", "1. Stel", "2: Substitutie", "a) Titel"): body structure,
# which footnotes do not print.
LIST_ITEM_RE = re.compile(
    r"^\s*(?:[•\uf0b7\uf0a7\uf0d8\uf02d\u25aa\u25cf�]|[-–](?=\s+\S)|\d{1,2}[.:]\s+[A-Z(]|[a-z]\)\s)"
)


def ends_note(text: str) -> bool:
    """Does this line end a sentence (a footnote's last line mostly does)?"""
    return bool(ENDS_RE.search(text.rstrip()))


def goes_on(text: str) -> bool:
    """Does this line plainly continue on the next line (it cannot be a text's last line)?"""
    return bool(GOES_ON_RE.search(text.rstrip()))


def lower_start(text: str) -> bool:
    s = text.lstrip()
    return bool(s) and s[0].islower()


def body_width(lengths: list[int]) -> int:
    """The printed width of the text in characters: most lines are full body lines (the 75th percentile)."""
    ordered = sorted(n for n in lengths if n)
    return max(20, ordered[int(0.75 * (len(ordered) - 1))]) if ordered else 80


def list_item(text: str) -> bool:
    return bool(LIST_ITEM_RE.match(text))


def fits(line: str, nxt: str, width: int, full: float = 0.85) -> bool:
    """Would the next line's first word have fitted on this line? Then this line ended its paragraph:
    the tool breaks a line only where the next word does not fit (`width`: the body's width)."""
    word = nxt.split()[0] if nxt.split() else ""
    return len(line.rstrip()) + 1 + len(word) <= full * width


URL_END_RE = re.compile(r"(?:https?://|www\.)\S+$")
URL_PART_RE = re.compile(r"^[\w.~%-]*[/?=&#][^\s]*(?:\s|$)")


def url_goes_on(line: str, nxt: str) -> bool:
    """A web address at this line's end goes on at the next line's start: it ends on a separator
    ("…/fiche-5-mededeling-"), or the next line starts with a part of one ("…/moties/deta" "il?id=…")."""
    last = line.split()[-1] if line.split() else ""
    if not (URL_END_RE.search(last) or "/" in last):  # a web address, or a piece of one
        return False
    return last[-1] in "-/_.=?&%" or bool(URL_PART_RE.match(nxt.lstrip()))


# Words a sentence cannot end on: a text whose line ends on one breaks off there.
JOINING_WORDS = set(
    "de het een en of van in op aan met voor door bij naar over tot uit als om te dat die der "
    "the of and to in for on with by from a an".split()
)


def breaks_off(text: str) -> bool:
    """Does this text plainly break off (a hyphen, comma, joining sign, or a word like "en", "van",
    "and" at its end)? Stronger than goes_on: a text may end on a lower-case noun, never on these."""
    s = text.rstrip()
    last = s.split()[-1] if s.split() else ""
    if URL_END_RE.match(last) and not last.endswith("-"):
        return False  # a web address may end on "/" or "="
    return s.endswith(("-", ",", "(", "&", "|", "–", "/")) or last in JOINING_WORDS
