"""The sentences of the retrieved passages scored against the question: words, meaning, asked values.

A sentence's score adds what the evidence says about it:
- lexical: the share of the question's weighted concepts it shows (Dutch stems; English through the
  glossary), and the share its passage shows with headings and footnotes;
- semantic: its similarity to the question by the multilingual embedder's sentence vectors, stored in
  the index snapshot (used when the searcher offers them; the lexical evidence stands alone before);
- typed: a value of the kind asked (an amount for "how much", a date for "when", a name for "who")
  that the question does not itself mention; identifiers the question names or carries;
- place: the passage's rank, and the letters the previous answer cited (a follow-up keeps its thread).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant import terms
from assistant.discourse import asks_end, asks_future, marks_end, marks_shift, negated, only_past
from assistant.motie_parts import motie_parts, signature_members, signature_span
from assistant.query import Concept, Query, coverage
from assistant.semantic import Semantic
from assistant.sentences import split_spans
from assistant.values import Value, asked_roles, counts, counts_things, fresh, role_names, values
from index.build import chunk_heading
from ingest import dictum
from ingest.decision_list import is_item_title
from ingest.model import Hit, Span

# Weights, set on the development questions (eval/results/calibration/): lexical evidence first, the
# embedder's similarity beside it, the asked value as the tie-breaker that lifts the answering sentence.
W_OWN = 0.45
W_WINDOW = 0.1
W_PASSAGE = 0.25
W_RANK = 0.1
W_SEMANTIC = 0.35
FOCUS_BONUS = 0.05
# A follow-up continues where the previous answer's quote ended: "And who will send that, and when?"
# after a quote on the Werkagenda is answered by the next sentences ("Uw Kamer ontvangt deze Werkagenda
# voor de zomer van mijn collega ..."), not by a date elsewhere in the letter (development, v2-266).
CONTINUES_BONUS = 0.35
CONTINUES_WITHIN = 300  # characters after the previous quote's end
ID_BONUS = 0.1
VALUE_BONUS = {
    "identifier": 0.25,
    "amount": 0.3,
    "number": 0.25,
    "date": 0.25,
    "name": 0.2,
    "place": 0.2,
    "duration": 0.25,
}
END_BONUS = 0.15  # for "until when": a date marked as an end ("uiterlijk op", "tot en met")
SHIFT_BONUS = 0.1  # for "when": the date something moved to ("verschuift naar na het zomerreces")
PAST_PENALTY = 0.1  # a "when" question about something to come, and a sentence with only earlier dates
MEMBER_BONUS = 0.25  # for "who": a member named as such ("het lid Kathmann") over any other name
MIN_WORDS = 4  # headings and fragments are not answers (a bullet item can be short: see lists.py)
# The kind of value each intent asks for, most specific first.
ASKED_KIND = (
    ("identifier", "identifier"),
    ("duration", "duration"),
    ("amount", "amount"),
    ("count", "number"),
    ("when", "date"),
    ("who", "name"),
    ("where", "place"),
)
# A "who" question about members of parliament: a member named as such is then the answer.
_MEMBER_CUE = re.compile(
    r"\b(?:lid|leden|kamerlid|kamerleden|member|members|mp|asked|gevraagd|vroeg|verzocht|requested|motie\w*|"
    r"motion\w*|indien\w*|co-?sign\w*|ondertek\w*|wiens|whose|promised to|toegezegd aan|senator)\b",
    re.I,
)


def asked_kind(intents: frozenset[str]) -> str | None:
    """The kind of value the question asks for, or None when it asks for none (a topic, a status)."""
    if "status" in intents or "list" in intents and "who" not in intents:
        return None
    return next((kind for intent, kind in ASKED_KIND if intent in intents), None)


@dataclass(frozen=True)
class Candidate:
    """One sentence of one retrieved passage, with the evidence that it answers."""

    hit: Hit
    span: Span
    score: float
    own: float  # lexical coverage of the question's concepts by the sentence alone
    window: float  # coverage of the question's topic by the sentence with the sentences around it
    passage: float  # lexical coverage by its passage (headings and footnotes included)
    semantic: float | None  # cosine similarity to the question, when sentence vectors exist
    relative: float  # the similarity spread over [0, 1] among this question's candidates (0 without vectors)
    values: tuple[Value, ...]  # values of the asked kind the question does not mention
    stems: frozenset[str]
    part: str | None = None  # in a motie: the dictum part of the sentence (ingest.dictum: ASK, ...)

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.span[0] : self.span[1]]


def passage_text(hit: Hit) -> str:
    """The passage with its headings and footnotes: all that shows what it is about.

    The headings are those it is indexed under (index.build.chunk_heading); a motie's title as well
    ("Motie van het lid Ceder; Raad Algemene Zaken ..."): a motie is about one thing, and its title
    names the member and the dossier that its dictum leaves implicit. A letter's subject is not added:
    a letter's sections are each about their own topic."""
    notes = " ".join(f.text for f in hit.chunk.footnotes)
    heading = chunk_heading(hit.chunk, hit.letter)
    if hit.letter.kind == "motie" and hit.letter.title and hit.letter.title not in heading:
        heading = f"{hit.letter.title}\n{heading}"
    return f"{heading}\n{hit.chunk.text}\n{notes}"


def topic_coverage(hit: Hit, query: Query, concepts: Sequence[Concept] | None = None) -> float:
    """How much of what the question is about (or of these concepts) the passage and its headings mention."""
    text = passage_text(hit)
    about = query.topic if concepts is None else concepts
    return coverage(set(terms.content_stems(text)), about, text.lower())


def _squash(text: str) -> str:
    return re.sub(r"[\W\d_]+", "", text).lower()


def sentence_spans(hit: Hit) -> list[Span]:
    heading = hit.chunk.section_path[-1] if hit.chunk.section_path else None
    return split_spans(hit.chunk.text, heading)


# A sum set as a share of a sum answers "how much": "boetes ten minste 10% van de netto-omzet".
_SHARE_OF_SUM = re.compile(
    r"\S+\s?(?:%|procent|percent)(?:\s+\w+){0,2}?\s+(?:van|of)\s+(?:de|het|the|their|hun|zijn|its)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:[\w-]*omzet|turnover|revenue|budget\w*|begroting\w*|kosten|costs|bedrag\w*|inkomsten|income|"
    r"lo(?:on|nen)|salaris\w*|wages?|salar(?:y|ies)|premie\w*|bijdrage\w*)\b",
    re.I,
)
# An amount answers "how much does it cost / is reserved" only beside a word that makes it money spent.
_MONEY_CONTEXT = re.compile(
    r"\b(?:kost\w*|prijs|prijzen|tarie\w+|budget\w*|bedrag\w*|middelen|gereserveerd|reserveer\w*|beschikbaar|"
    r"bijdrage\w*|bijgedragen|draagt|investe\w+|subsidie\w*|boete\w*|financi\w+|uitgave\w*|vergoed\w*|"
    r"betaal\w*|betaald|ontvang\w*|krijg\w*|kreeg|toegekend|uitgetrokken|begroting\w*|fonds\w*|opbrengst\w*)\b",
    re.I,
)


def _field_value(hit: Hit, spans: Sequence[Span], i: int, kind: str | None, asked: str) -> bool:
    """A short line right under its heading that states the asked value: a form's field.

    Fiches and memos are forms: "b) Datum ontvangst Commissiedocument" over "26 oktober 2022". The value
    line is no sentence, but with its heading it states the fact (development: "When was the Commission
    document on instant payments received?" had its answer only there)."""
    if kind is None or i == 0 or not hit.chunk.section_path:
        return False
    before = hit.chunk.text[spans[i - 1][0] : spans[i - 1][1]]
    if _squash(before) != _squash(hit.chunk.section_path[-1]):
        return False
    return bool(fresh(values(hit.chunk.text[spans[i][0] : spans[i][1]], kind), asked))


def score_sentences(
    hits: Sequence[Hit], query: Query, semantic: Semantic | None = None, min_words: int = MIN_WORDS
) -> list[Candidate]:
    """Every sentence of every passage, scored on all the evidence (see the module docstring)."""
    analysis = query.analysis
    kind = asked_kind(query.intents)
    wanted_ids = {i.lower() for i in analysis.all_identifiers}
    asked = f"{analysis.question} {analysis.carried}"  # values named in the topic do not answer it
    members_asked = kind == "name" and bool(_MEMBER_CUE.search(asked))
    future = kind == "date" and asks_future(analysis.question)
    until = kind == "date" and asks_end(analysis.question)
    roles_asked = kind == "name" and bool(asked_roles(asked))
    counting = kind == "number" and counts_things(analysis.question)
    semantic = semantic or Semantic(None, None)
    raw: list[
        tuple[Hit, Span, float, float, float, tuple[Value, ...], frozenset[str], float, str | None]
    ] = []
    for position, hit in enumerate(hits):
        passage = topic_coverage(hit, query)
        prior = 1.0 / (1 + position)
        place = prior * W_RANK + (FOCUS_BONUS if hit.letter.id in analysis.focus_letters else 0.0)
        after = [end for chunk_id, _, end in analysis.focus_quotes if chunk_id == hit.chunk.id]
        headings = {_squash(h) for h in hit.chunk.section_path}
        spans = list(sentence_spans(hit))
        signature = signature_span(hit) if members_asked else None
        if signature is not None:
            spans = [sp for sp in spans if sp[1] <= signature[0]] + [signature]
        stems_of = [frozenset(terms.content_stems(hit.chunk.text[a:b])) for a, b in spans]
        parts = motie_parts(hit, spans)
        indieners: tuple[Value, ...] = ()
        if members_asked and hit.letter.kind == "motie":
            indieners = tuple(fresh([Value("member", m.name, (0, 0)) for m in hit.letter.indieners], asked))
        for i, (a, b) in enumerate(spans):
            sentence = hit.chunk.text[a:b]
            case_line = False  # a decision item's "Zaak:" line (below)
            short = len(terms.words(sentence)) < min_words
            field = short and _field_value(hit, spans, i, kind, asked)
            stems = stems_of[i]
            if field:  # the field is quoted, scored and compared by meaning with its heading
                a = spans[i - 1][0]
                sentence = hit.chunk.text[a:b]
                stems = stems_of[i - 1] | stems
            if (a, b) == signature:
                found = tuple(fresh(signature_members(sentence), asked))
            elif not field and (short or _squash(sentence) in headings):
                continue  # a heading names the topic; it does not answer
            elif parts[i] in (dictum.OPENING, dictum.CLOSING):
                continue  # "De Kamer, gehoord de beraadslaging," and "en gaat over tot de orde van de dag."
            else:
                found = tuple(fresh(values(sentence, kind), asked)) if kind else ()
                near = hit.chunk.text[spans[max(0, i - 1)][0] : b]  # the sentence and the one before
                if kind == "amount" and found and not _MONEY_CONTEXT.search(near):
                    found = ()  # "een maximale limiet van 100.000 euro" is no cost
                if kind == "amount" and not found:
                    # a sum set as a share of a sum: "boetes ten minste 10% van de jaarlijkse netto-omzet"
                    shares = fresh(values(sentence, "number"), asked)
                    found = tuple(v for v in shares if _SHARE_OF_SUM.match(sentence, v.span[0]))
                line = hit.chunk.text[hit.chunk.text.rfind("\n", 0, a) + 1 : b]
                sender_asked = members_asked and any(v.kind == "member" for v in found)
                if found and not sender_asked and is_item_title(line):
                    # A decision item's "Zaak:" line dates its case ("minister van Financiën, J.R.V.A.
                    # Dijsselbloem - 19 oktober 2016"); its Besluit answers. A date its subject states
                    # after that ("Verslag jaarvergadering IMF op 7 en 8 oktober 2016") does answer.
                    # The member who sent the case ("Tweede Kamerlid, Raak van A.A.G.M.") is who raised it.
                    # It is kept to state, but earns no bonus: the item's other lines say more.
                    found = tuple(found[1:]) if kind == "date" else ()
                    case_line = True
                if kind == "date":
                    found = tuple(v for v in found if not negated(sentence, v))
                if counting:
                    found = tuple(counts(list(found)))
                if roles_asked:  # "which Commissioner?" is answered by a name with that role only
                    found = tuple(fresh(role_names(sentence, asked), asked))
                if indieners:
                    # "who tabled the motion on X?": the sentence about X is quoted, the motie's
                    # submitters (its reader's metadata) are the value; the dictum names no one else.
                    found = indieners
            own = coverage(set(stems), query.concepts, sentence.lower())
            # The sentence with its neighbours: "Concreet gaat het om 3 miljoen" names its topic just before.
            around = hit.chunk.text[spans[max(0, i - 1)][0] : spans[min(len(spans) - 1, i + 1)][1]]
            window = coverage(set().union(*stems_of[max(0, i - 1) : i + 2]), query.topic, around.lower())
            bonus = place + (VALUE_BONUS[kind] if found and not case_line else 0.0)
            if any(end <= a <= end + CONTINUES_WITHIN for end in after):
                bonus += CONTINUES_BONUS  # the sentences right after the previous answer's quote
            if until and any(marks_end(sentence, v) for v in found):
                bonus += END_BONUS  # "tot wanneer ...?": "uiterlijk op 18 november" over the case's date
            if kind == "date" and any(marks_shift(sentence, v) for v in found):
                bonus += SHIFT_BONUS  # a later sentence's new date over the date first planned
            if future and found and only_past(found, hit.letter.date):
                bonus -= VALUE_BONUS[kind] + PAST_PENALTY  # "wanneer wordt ...?" is not answered by 2023
            if (members_asked or roles_asked) and any(v.kind == "member" for v in found):
                bonus += MEMBER_BONUS
            if wanted_ids and wanted_ids & {i.lower() for i in terms.identifiers(sentence)}:
                bonus += ID_BONUS
            raw.append((hit, (a, b), own, window, passage, found, stems, bonus, parts[i]))
    semantic.load([h.chunk.id for h in hits])
    sims = {(h.chunk.id, span): semantic.similarity(h.chunk.id, span) for h, span, *_ in raw}
    known = [v for v in sims.values() if v is not None]
    low, high = (min(known), max(known)) if known else (0.0, 1.0)
    out = []
    for hit, span, own, window, passage, found, stems, bonus, part in raw:
        sim = sims[(hit.chunk.id, span)]
        # Similarities of one model to one question sit in a narrow band: spread them over [0, 1].
        relative = (sim - low) / (high - low) if sim is not None and high > low else 0.0
        score = W_OWN * own + W_WINDOW * window + W_PASSAGE * passage + W_SEMANTIC * relative + bonus
        out.append(Candidate(hit, span, score, own, window, passage, sim, relative, found, stems, part))
    out.sort(key=lambda c: -c.score)
    return out
