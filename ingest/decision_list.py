"""A committee's decision list (besluitenlijst): decisions and toezeggingen with committee and date (pure).

The structured PDF reader gives each agenda item as a heading ("3. Wijziging van de Kieswet ...") and
each labelled row as a paragraph of its own ("Zaak: ...", "Besluit: ...", "Noot: ...", "Toezegging:
..."). Every "Besluit" row is a decision record (kind "besluit") about its item; every "Toezegging" row
a toezegging (open: the list records it as made). A row with several decisions (the label again on
a line of its own, or numbered parts '1. ... 2. ...') gives one record per decision. The committee is
the list's own ("Voortouwcommissie", "Commissie"), the date the meeting's ("Besluitenlijst van de
procedurevergadering van 2 april 2009").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ingest.commitment_text import find_members, squash
from ingest.dates import find_deadlines
from ingest.decision_promises import ItemMotie, Promise, moties_in, promises_in
from ingest.identifiers import kamerstuk_id, kamerstuk_ids, toezegging_ids
from ingest.metadata import parse_date
from ingest.model import COMMITTEE, NO_VERDICT, OPENSTAAND, CommitmentMention, Letter, Member, Verdict

Locate = Callable[[int], tuple[tuple[str, ...], str | None]]

# the labels in every spelling the layout reader passes on ("Zaak(en)", "Besluit(en)", "Toezeggingen",
# "Besluit 2", "Besluit/afspraak")
ROW_RE = re.compile(
    r"^(?P<label>(?:Zaak|Zaken|Zaak\(en\)|Besluit|Besluiten|Besluit\(en\)|Noot|Toezegging|Toezeggingen"
    r"|Toezegging\(en\)|Volgcommissie\(s\))(?:\s?/\s?[a-z]+|\s+\d{1,2})?)\s*:\s*(?P<value>.*)$",
    re.S,
)
ITEM_RE = re.compile(r"^(?P<num>\d{1,3})\.\s+(?:Agendapunt\s*:\s*)?(?P<title>\S.*)$", re.S)
COMMITTEE_RE = re.compile(
    r"\b(?:Voortouwcommissie|Commissie)\s*:\s*(?P<c>(?:vaste\s+)?commissie\s+voor\s+[^\n]+)", re.I
)
ANY_COMMITTEE_RE = re.compile(r"\b((?:vaste|algemene)\s+commissie\s+voor\s+[A-Z][^\n,.;]{3,80})")
MEETING_RE = re.compile(r"vergadering\s+van\s+(?:\w+dag\s+)?(?P<d>\d{1,2}\s+\w+\s+\d{4})", re.I)


def is_decision_list(letter: Letter) -> bool:
    if letter.kind == "besluitenlijst":
        return True
    if (letter.title or "").lower().startswith("besluitenlijst"):
        return True
    return len(re.findall(r"(?m)^Besluit\s*:", letter.text)) >= 2


def committee_of(letter: Letter) -> str | None:
    """The committee as the list names it in running text, lower-case 'vaste commissie voor ...' (a
    header line prints it capitalised: "Commissie voor Justitie en Veiligheid", "Vaste commissie")."""
    for text in (letter.text[:3000], letter.sender or ""):
        m = COMMITTEE_RE.search(text)
        if m:
            return _lower_start(squash(m.group("c")))
    if letter.sender and "commissie" in letter.sender.lower():
        return _lower_start(squash(re.sub(r"^(?:staf\s+van\s+de\s+)", "", letter.sender)))
    m = ANY_COMMITTEE_RE.search(letter.text[:3000])
    return _lower_start(squash(m.group(1))) if m else None


def _lower_start(name: str) -> str:
    return re.sub(
        r"^(?:Vaste|Algemene|Tijdelijke|Bijzondere|Commissie)\b", lambda m: m.group(0).lower(), name
    )


def meeting_date(letter: Letter):
    for text in (letter.title or "", letter.text[:3000]):
        m = MEETING_RE.search(text)
        if m and (when := parse_date(m.group("d"))):
            return when
    return letter.date or letter.date_not_before


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for part in re.split(r"(\n[ \t]*\n)", text):
        if part.strip() and not re.fullmatch(r"\n[ \t]*\n", part):
            out.append((pos + len(part) - len(part.lstrip()), part.strip()))
        pos += len(part)
    return out


def decision_mentions(letter: Letter, locate: Locate) -> list[CommitmentMention]:
    """One record per decision and per toezegging the list holds, under its agenda item."""
    committee = committee_of(letter)
    when = meeting_date(letter)
    headings = {s.span[0] for s in letter.sections}
    # items are the numbered headings ("3. Wijziging van de Kieswet"), or headings with the title alone
    item, zaak = "", ""
    out: list[CommitmentMention] = []
    for at, para in _paragraphs(letter.text):
        row = ROW_RE.match(para)
        if row is None:
            head = ITEM_RE.match(para)
            if head and (at in headings or not letter.sections):
                item, zaak = squash(head.group("title")), ""
                path, chunk_id = locate(at)
                base = _mention(letter, item, False, item, "", item, path, chunk_id, committee, when)
                out += [_item_motie(base, x) for x in moties_in(item)]
            elif at in headings:
                # an item titled without number, or in a numbered list a section of its own (a closing
                # "Toezeggingen"): what follows is no longer the numbered item above
                item, zaak = squash(para), ""
            continue
        label, value = row.group("label"), squash(row.group("value"))
        if label.startswith(("Zaak", "Zaken")):
            zaak = value
        if not label.startswith(("Besluit", "Toezegging", "Noot")) or not value:
            continue
        path, chunk_id = locate(at)
        about = " ".join(x for x in (item, zaak) if x)
        if not label.startswith("Toezegging"):
            out += [
                _promised(
                    _mention(letter, p.sentence, True, p.title, zaak, about, path, chunk_id, committee, when),
                    p,
                    zaak,
                )
                for p in promises_in(value, item)
            ]
        if label.startswith("Noot"):
            continue
        toezegging = label.startswith("Toezegging")
        for value in split_decisions(row.group("value"), label):
            out.append(
                _mention(letter, value, toezegging, item, zaak, about, path, chunk_id, committee, when)
            )
    return out


def _mention(
    letter: Letter,
    value: str,
    toezegging: bool,
    item: str,
    zaak: str,
    about: str,
    path,
    chunk_id,
    committee,
    when,
) -> CommitmentMention:
    """One decision or toezegging of an item, with the committee and the meeting's date."""
    deadlines = [d for _, d in find_deadlines(value, when)] if toezegging else []
    verdict = OPENSTAAND if toezegging else NO_VERDICT
    deadline = deadlines[-1] if deadlines else None
    return CommitmentMention(
        kind="toezegging" if toezegging else "besluit",
        identifiers=toezegging_ids(value) if toezegging else (),
        title=item or zaak or value[:120],
        letter_id=letter.id,
        section_path=path,
        chunk_id=chunk_id,
        members=tuple(m for _, m in find_members(item)),
        promise=value if toezegging else (zaak or None),
        verdict=verdict,
        verdict_sentence=value if toezegging else None,
        new_deadline=deadline,
        deadlines=tuple(deadlines),
        letter_date=letter.date or when,
        source=COMMITTEE if toezegging else None,
        by=committee if toezegging else None,
        verdicts=(Verdict(verdict, COMMITTEE, committee, value, when, deadline, chunk_id),)
        if toezegging
        else (),
        cites=tuple(dict.fromkeys(toezegging_ids(about) + kamerstuk_ids(about))),
        date=when,
        decision=None if toezegging else value,
        committee=committee,
    )


_ROLE_RE = re.compile(r"\b(?P<r>(?:staatssecretaris|minister)\s+(?:van|voor)\s+[^,\-]+?)\s*(?:,|\s-\s)")


def _promised(m: CommitmentMention, p: Promise, zaak: str) -> CommitmentMention:
    """A toezegging a Besluit or Noot row names, with the row's verdict and whose it is."""
    role = _ROLE_RE.search(zaak) if p.source != COMMITTEE else None
    by = role.group("r") if role else m.committee if p.source == COMMITTEE else None
    # a date before the meeting is when it was promised ('toegezegd in het vragenuurtje van 27 september')
    late = m.new_deadline and m.new_deadline.date and m.date and m.new_deadline.date < m.date
    deadline = None if late else m.new_deadline
    verdicts = tuple(
        replace(v, verdict=p.verdict, source=p.source, by=by, deadline=deadline) for v in m.verdicts
    )
    return replace(
        m,
        verdict=p.verdict,
        source=p.source,
        by=by,
        verdicts=verdicts,
        new_deadline=deadline,
        cites=m.cites or kamerstuk_ids(zaak),
    )


def _item_motie(m: CommitmentMention, x: ItemMotie) -> CommitmentMention:
    """A motie an agenda item names: a record of its own, without a verdict (agendering is none)."""
    return replace(
        m,
        kind="motie",
        identifiers=(kamerstuk_id(x.dossier, x.nr, x.part),),
        title=x.title,
        members=tuple(Member(name) for name in x.members),
        promise=None,
        decision=None,
        cites=(),
    )


# A row holding more decisions than one: the label again on a line of its own ('Besluit: ...' under
# 'Besluit: ...', the text reader running rows together), or numbered parts ('Besluit: 1. ... 2. ...').
_LABEL_AGAIN = r"(?:^|\n|(?<=[.;])[ \t]+)[ \t]*{label}(?:[ \t]+\d{{1,2}})?[ \t]*:[ \t]*"
_PART_RE = re.compile(r"(?:^|(?<=[\s:;]))(?P<n>\d{1,2})[.)]\s+(?=\S)")


def split_decisions(value: str, label: str = "Besluit") -> list[str]:
    """The decisions one row holds, each on its own ('1. Brief vragen. 2. Agenderen.' gives two)."""
    word = "Toezegging" if label.startswith("Toezegging") else "Besluit"
    pieces = re.split(_LABEL_AGAIN.format(label=rf"{word}\w*"), value)
    return [d for piece in pieces if piece.strip() for d in _numbered(piece)]


def _numbered(text: str) -> list[str]:
    """Numbered parts 1., 2., ... (consecutive, from 1) as decisions; a short lead ('De commissie besluit:')
    goes, a longer one is the start of each."""
    chain: list[re.Match[str]] = []
    for m in _PART_RE.finditer(text):
        if int(m.group("n")) == len(chain) + 1:
            chain.append(m)
    if len(chain) < 2:
        return [squash(text)]
    lead = squash(text[: chain[0].start()])
    lead = "" if lead.endswith(":") and len(lead) <= 40 else lead
    ends = [m.start() for m in chain[1:]] + [len(text)]
    parts = [squash(text[m.end() : e]).rstrip(";") for m, e in zip(chain, ends, strict=True)]
    return [squash(f"{lead} {p}") for p in parts if p]


def row_label(text: str) -> str | None:
    """The label of a decision-list row ("Zaak", "Besluit 2", "Besluit(en)"), None for other text."""
    row = ROW_RE.match(text.strip().lstrip("•- ").strip())
    return row.group("label") if row else None


def is_decision_row(text: str) -> bool:
    """The line records what the committee decided about its item ("Besluit: Technische briefing ...")."""
    return (row_label(text) or "").startswith("Besluit")


def is_item_title(text: str) -> bool:
    """The line names a decision-list item's case ("Zaak: Brief regering - ... - 24 maart 2009 ..."):
    its date and sender are the case document's, not what the committee decided."""
    return (row_label(text) or "").startswith("Zaak")
