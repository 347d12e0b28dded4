"""Score a parsed Letter against the reader's hand gold: links, metadata, probes, traps, moties, decisions.

Pure functions over ``ingest.model.Letter`` and the gold dicts of ``tests/gold/real/*.json``,
``tests/gold/moties_xml_sample.json`` and ``tests/gold/besluitenlijsten/*.json`` (their own ``note``
fields say how each was written). Nothing here reads files or parses documents:
``eval.reader_report`` does that and prints the figures.

Text is compared after ``norm``: NFKC, casefolded, only letters and digits kept. So line breaks,
hyphenation at a line end, spacing, quotes and punctuation never decide a match, and a call written
``[3]`` by a structured reader reads the same as a raised ``3`` or a ``3`` glued to the word.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ingest.model import Letter, Marker
from ingest.months import MONTHS_NL

# How much Letter.text before a marker is compared with a gold call's "before" words: ten words
# of Dutch with some room for debris the reader should have removed but did not.
BEFORE_WINDOW = 400

MONTHS = MONTHS_NL
FULL_DATE_RE = re.compile(r"\b\d{1,2} (?:" + "|".join(MONTHS) + r") \d{4}\b")


def norm(text: str) -> str:
    """Letters and digits only, casefolded after NFKC: the one comparison form of every score here."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


def _norm_with_offsets(text: str) -> tuple[str, list[int]]:
    """norm(text) and, for each of its characters, the offset in text it came from."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        for out in unicodedata.normalize("NFKC", ch).casefold():
            if out.isalnum():
                chars.append(out)
                offsets.append(i)
    return "".join(chars), offsets


def _without_spans(text: str, spans: Iterable[tuple[int, int]], offset: int = 0) -> str:
    """text (which starts at offset in the letter) with the given letter spans cut out."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start, end = max(start - offset, 0), min(end - offset, len(text))
        if end <= pos or start >= len(text):
            continue
        out.append(text[pos:start])
        pos = max(pos, end)
    out.append(text[pos:])
    return "".join(out)


def _ratio(num: int, den: int, empty: float) -> float:
    return num / den if den else empty


# --- footnote links -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkScore:
    """Footnote links of one letter against its gold calls."""

    predicted: int  # markers the reader found (with or without a footnote)
    gold: int  # gold calls scored
    correct: int  # markers matched to a gold call (each gold call at most once)
    problems: tuple[str, ...] = ()

    @property
    def precision(self) -> float:
        """correct / predicted; 1.0 when nothing was predicted and nothing was expected, else 0.0 then."""
        return _ratio(self.correct, self.predicted, 1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        """correct / gold; 1.0 when the gold has no call (a page without footnotes)."""
        return _ratio(self.correct, self.gold, 1.0)


def marker_context(letter: Letter, marker: Marker, window: int = BEFORE_WINDOW) -> str:
    """norm of the Letter.text right before a marker, the labels of the other markers cut out."""
    start = max(0, marker.span[0] - window)
    others = [
        m.span for m in letter.markers if m is not marker and m.span[1] > start and m.span[0] < marker.span[0]
    ]
    return norm(_without_spans(letter.text[start : marker.span[0]], others, start))


def score_links(letter: Letter, calls: Sequence[dict]) -> LinkScore:
    """Precision and recall of the letter's markers against gold calls.

    A predicted link is a Marker with the Footnote it points to. It matches a gold call when the
    numbers are equal, the Letter.text before the marker (other markers' labels left out) ends with
    the gold "before" words, and the footnote's text starts with the gold "footnote" words, all
    under ``norm``. Gold calls are taken in order and each is matched at most once. A marker
    without a footnote, or with a wrong one, counts as predicted and never as correct — except for a
    gold call whose "footnote" is None (its text is lost in the document itself), which a marker
    with no footnote matches.
    """
    by_id = {fn.id: fn for fn in letter.footnotes}
    wanted = [
        (c["number"], norm(c["before"]), None if c["footnote"] is None else norm(c["footnote"]))
        for c in calls
    ]
    matched: set[int] = set()
    problems: list[str] = []
    for marker in letter.markers:
        before = marker_context(letter, marker)
        fn = by_id.get(marker.footnote_id) if marker.footnote_id else None
        fn_text = norm(fn.text) if fn else None
        hit = next(
            (
                i
                for i, (number, g_before, g_fn) in enumerate(wanted)
                if i not in matched
                and number == marker.number
                and before.endswith(g_before)
                and (fn_text is None if g_fn is None else fn_text is not None and fn_text.startswith(g_fn))
            ),
            None,
        )
        if hit is None:
            shown = fn.text[:60] if fn else None
            problems.append(f"wrong or extra: marker {marker.label} after '…{before[-40:]}' -> {shown!r}")
        else:
            matched.add(hit)
    for i, c in enumerate(calls):
        if i not in matched:
            problems.append(
                f"missed: call {c['number']} after '…{c['before']}' ({(c['footnote'] or '')[:40]}…)"
            )
    return LinkScore(len(letter.markers), len(calls), len(matched), tuple(problems))


# --- metadata -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldResult:
    """One metadata field: right or not, what the gold expects and what the reader gave."""

    name: str
    ok: bool
    expected: object
    got: object
    detail: str = ""


def _date_ok(got: date | None, expected: str | None) -> bool:
    if expected is None:
        return got is None
    if got is None:
        return False
    if len(expected) == 7:  # "YYYY-MM": only a month is printed; any day of it is right
        return got.strftime("%Y-%m") == expected
    return got.isoformat() == expected


def _relation(got: str, expected: str) -> str:
    g, e = norm(got), norm(expected)
    if g == e:
        return "equal"
    if e and e in g:
        return "title contains the subject (and more)"
    if g and g in e:
        return "title is part of the subject"
    return "different"


def score_metadata(letter: Letter, meta: dict, fields: Sequence[str] | None = None) -> list[FieldResult]:
    """Each metadata field of the gold against the letter, normalised.

    date: ISO date equal ("YYYY-MM" gold: any day of that month); null gold: the letter has none.
    subject: Letter.title normalised EQUAL to the subject or one of ``subject_variants`` (equality,
    not containment: a title that swallowed the letterhead still contains the subject and is wrong).
    sender: every signer's surname inside Letter.sender; with no signer printed, Letter.sender is
    None or part of the printed ``issuer``. addressee, kenmerk (or one of ``kenmerk_variants``),
    kamerstuk: normalised equality, null gold expects None. ``fields`` limits the fields scored.
    """
    results: list[FieldResult] = []
    wanted = fields or ("date", "subject", "sender", "addressee", "kenmerk", "kamerstuk")
    if "date" in wanted:
        expected = meta.get("date")
        results.append(FieldResult("date", _date_ok(letter.date, expected), expected, letter.date))
    if "subject" in wanted:
        options = [meta["subject"], *meta.get("subject_variants", [])]
        ok = letter.title is not None and norm(letter.title) in {norm(o) for o in options}
        detail = _relation(letter.title, meta["subject"]) if letter.title else "no title"
        results.append(FieldResult("subject", ok, meta["subject"], letter.title, detail))
    if "sender" in wanted:
        signers = meta.get("sender") or []
        got = letter.sender
        if signers:
            ok = got is not None and all(norm(s["surname"]) in norm(got) for s in signers)
            expected: object = [s["surname"] for s in signers]
        else:
            issuer = meta.get("issuer") or ""
            ok = got is None or (bool(norm(got)) and norm(got) in norm(issuer))
            expected = None
        results.append(FieldResult("sender", ok, expected, got))
    for name, attr, variants in (
        ("addressee", "addressee", ()),
        ("kenmerk", "kenmerk", tuple(meta.get("kenmerk_variants", ()))),
        ("kamerstuk", "kamerstuk", ()),
    ):
        if name not in wanted:
            continue
        expected, got = meta.get(name), getattr(letter, attr)
        if expected is None:
            ok = got is None
        else:
            options = {_field_norm(name, o) for o in (expected, *variants)}
            ok = got is not None and _field_norm(name, got) in options
        results.append(FieldResult(name, ok, expected, got))
    return results


def _field_norm(name: str, value: str) -> str:
    value = norm(value)
    if name == "kamerstuk":  # the parser writes "26643 nr. 1371"; a letter prints "Kamerstuk 26643, nr. 1371"
        for prefix in ("kamerstukken", "kamerstuk"):
            value = value.removeprefix(prefix)
    return value


# --- body probes and traps ------------------------------------------------------------------------


def probes_in_footnotes(letter: Letter, probes: Iterable[str]) -> list[str]:
    """The body probes found inside some footnote's text (the reader swallowed body text): must be []."""
    texts = [norm(fn.text) for fn in letter.footnotes]
    return [p for p in probes if any(norm(p) in t for t in texts)]


def probes_missing_from_body(letter: Letter, probes: Iterable[str]) -> list[str]:
    """The body probes not found in Letter.text with the markers cut out (lost, split by debris, or moved)."""
    body = norm(_without_spans(letter.text, (m.span for m in letter.markers)))
    return [p for p in probes if norm(p) not in body]


def traps_marked(letter: Letter, not_calls: Iterable[str]) -> tuple[list[str], list[str]]:
    """(not_calls a marker lies inside: must be [], not_calls not in Letter.text at all: reported only).

    A not_call is looked for in the normalised Letter.text, markers' labels included, so
    "Postbus 2090[1]" still reads "postbus20901" and its marker is caught.
    """
    text, offsets = _norm_with_offsets(letter.text)
    spans = [m.span for m in letter.markers]
    marked, absent = [], []
    for trap in not_calls:
        needle = norm(trap)
        found = False
        hit = False
        pos = text.find(needle)
        while needle and pos >= 0:
            found = True
            first, last = offsets[pos], offsets[pos + len(needle) - 1]
            if any(s <= last and e > first for s, e in spans):
                hit = True
                break
            pos = text.find(needle, pos + 1)
        if hit:
            marked.append(trap)
        elif not found:
            absent.append(trap)
    return marked, absent


# --- moties (official publication XML) -------------------------------------------------------------


def first_indiener_name(letter: Letter) -> str | None:
    """The first indiener as the reader gave it: Letter.indieners[0], else Letter.sender (older readers)."""
    if letter.indieners:
        return letter.indieners[0].name
    return letter.sender


def score_motie(letter: Letter, gold: dict) -> dict[str, bool]:
    """The four acceptance fields of one motie, plus ``replaces``.

    kamerstuk_id: Letter.kamerstuk_id exactly the gold id. date: Letter.date exactly the Voorgesteld
    date (None where none is printed). title: normalised Letter.title contains the motie's own title
    and every dossier title. first_indiener: the gold surname inside the first indiener's name
    (``first_indiener_name``). replaces: some Letter.replaces id ends with "-<number>" (no gold
    number: Letter.replaces is empty).
    """
    title = norm(letter.title or "")
    needed = [norm(gold["motie_title"]), *(norm(t) for t in gold["dossier_titles"])]
    name = first_indiener_name(letter)
    replaced = gold.get("replaces")
    return {
        "kamerstuk_id": letter.kamerstuk_id == gold["kamerstuk_id"],
        "date": (letter.date.isoformat() if letter.date else None) == gold["date"],
        "title": bool(title) and all(n in title for n in needed),
        "first_indiener": name is not None and norm(gold["first_indiener"]) in norm(name),
        "replaces": (
            any(r.endswith(f"-{replaced}") for r in letter.replaces) if replaced else not letter.replaces
        ),
    }


# --- decision lists -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionScore:
    """Decisions of one besluitenlijst: each under its own item, none under another."""

    total: int
    under_own_item: int
    misplaced: int  # not under its own item, but under another item
    missing: int  # not in Letter.text at all (normalised)
    dates_total: int = 0
    dates_kept: int = 0  # full date strings ("17 maart 2009") of the gold still in Letter.text
    problems: tuple[str, ...] = field(default=())

    @property
    def accuracy(self) -> float:
        return _ratio(self.under_own_item, self.total, 1.0)


def names_item(heading: str, agendapunt: str) -> bool:
    """True when a section heading names this agendapunt: it holds its first 60 letters and digits,
    or it is a start of the agendapunt of at least 20 (a heading the reader cut short)."""
    h, a = norm(heading), norm(agendapunt)
    return bool(h) and bool(a) and (a[:60] in h or (len(h) >= 20 and a.startswith(h)))


def _section_path_at(letter: Letter, offset: int) -> tuple[str, ...]:
    """The heading path of the section holding offset (sections never overlap), () where none does."""
    starts = [s.span[0] for s in letter.sections]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and letter.sections[i].span[0] <= offset < letter.sections[i].span[1]:
        section = letter.sections[i]
        return tuple(section.path) or (section.heading,)
    return ()


def score_decisions(letter: Letter, gold: dict) -> DecisionScore:
    """Each gold decision found in a section whose heading path names its own item, and not another's.

    A decision is looked for everywhere in the normalised Letter.text; it is under its own item when
    one of its occurrences lies in a section whose path (headings from the top down) names the
    item's agendapunt (``names_item``). One that is not, but lies under another item, is misplaced.
    The gold's full date strings ("17 maart 2009") are checked to be still in the text.
    """
    text, offsets = _norm_with_offsets(letter.text)
    items = gold["items"]
    total = own = misplaced = missing = 0
    problems: list[str] = []
    for idx, item in enumerate(items):
        for decision in item["besluit"]:
            total += 1
            needle = norm(decision)
            paths = []
            pos = text.find(needle)
            while needle and pos >= 0:
                paths.append(_section_path_at(letter, offsets[pos]))
                pos = text.find(needle, pos + 1)
            if not paths:
                missing += 1
                problems.append(f"item {item['item']}: decision not in the text: {decision[:60]!r}")
                continue
            if any(any(names_item(h, item["agendapunt"]) for h in path) for path in paths):
                own += 1
                continue
            others = [
                o["item"]
                for j, o in enumerate(items)
                if j != idx and any(any(names_item(h, o["agendapunt"]) for h in path) for path in paths)
            ]
            if others:
                misplaced += 1
                problems.append(f"item {item['item']}: decision under item {others[0]}: {decision[:60]!r}")
            else:
                problems.append(f"item {item['item']}: decision under no item: {decision[:60]!r}")
    dates = sorted(
        {
            d
            for item in items
            for value in (item["agendapunt"] or "", *item["zaak"], *item["besluit"], *item["noot"])
            for d in FULL_DATE_RE.findall(value)
        }
    )
    kept = [d for d in dates if norm(d) in text]
    for d in dates:
        if d not in kept:
            problems.append(f"date lost: {d!r}")
    return DecisionScore(total, own, misplaced, missing, len(dates), len(kept), tuple(problems))
