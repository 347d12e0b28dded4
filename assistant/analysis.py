"""The question read once per turn: language, intents, identifiers, members, period, letters, follow-up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from assistant import terms
from assistant.discourse import asks_why, polar
from assistant.followup import carried_chain, is_followup
from assistant.values import ASKS_NUMBER, MONTH_YEAR
from index.identifiers import find_ids
from ingest.model import Answer, Letter, QuestionAnalysis
from ingest.months import MONTH_NUMBERS

_MONEY_WORDS = (
    r"bedrag\w*|geld|budget\w*|kosten|kost|kostte|euro|financier\w*|financi\w*|subsidie\w*|bijdrage\w*|"
    r"bijgedragen|bijdragen|gereserveerd|reserveer\w*|boetes?|investering\w*|uitgaven|middelen|"
    r"money|cost\w*|fees?|fines?|funding|funds?|fund\w*|financ\w*|budget\w*|spend\w*|spent|contribut\w*|"
    r"reserved|invest\w*|paid|pay|pays|charge[sd]?|price|prijs"
)
INTENTS: dict[str, re.Pattern[str]] = {
    "who": re.compile(
        r"\b(?:wie|wiens|who|whom|whose|welk(?:e)? (?:kamer)?leden?|welk(?:e)? kamerlid|which members?|"
        r"asked by|gevraagd door|door wie|by whom|(?:which|welke?)\s+(?:\w+\s+){0,2}(?:commissioner|"
        r"eurocommissaris|commissaris|minister|ministers|ministerie|ministeries|ministry|ministries|"
        r"departement|department|staatssecretaris|state secretary|member|members|"
        r"mps?|party|parties|partij|partijen|organisation|organisations|organization|organizations|organisatie|"
        r"organisaties|toezichthouder|toezichthouders|supervisor|supervisors|regulator|regulators|"
        # who did it: a body, a firm ("welk bureau heeft onderzocht", "which Council configuration")
        r"\w*bureaus?|firms?|consultanc(?:y|ies)|agenc(?:y|ies)|instanties?|instellingen|instelling|"
        r"institutes?|instituut|institutions?|bedrijf|bedrijven|compan(?:y|ies)|council|councils|raad|"
        # a motie is known by its submitters: "which motion asks ...?" is answered "the motie Postma"
        r"motie|motion))\b",
        re.I,
    ),
    # how long something takes or may take: "hoe lang", "how long", "welke implementatietermijn"
    "duration": re.compile(
        r"\b(?:hoe lang|how long|hoeveel tijd|how much time|for how many (?:days|weeks|months|years)|"
        r"welke (?:\w+)?termijn|what (?:\w+ )?period|binnen hoeveel (?:dagen|weken|maanden|jaar|jaren)|"
        r"within how many (?:days|weeks|months|years))\b",
        re.I,
    ),
    "when": re.compile(
        r"\b(?:wanneer|when|datum|date|dates|deadline|per wanneer|by when|tot wanneer|vanaf wanneer|"
        r"sinds wanneer|welke termijn|what time|which year|welk jaar|in welk jaar)\b",
        re.I,
    ),
    "where": re.compile(
        r"\b(?:waar|where|in which (?:city|country|place)|in welke (?:stad|plaats|gemeente))\b", re.I
    ),
    "status": re.compile(
        r"\b(?:status|afgedaan|open|openstaand|fulfill?ed|done|settled|completed|voldaan|uitgevoerd|"
        r"delivered|kept|stand van zaken|where does .* stand|hoe staat het|dealt with|handled|afgehandeld|"
        r"resolved|honou?red|carried out|nagekomen|ingelost)\b",
        re.I,
    ),
    "promise": re.compile(
        # "commit\w*" without "committee": a committee decides, it promises nothing
        r"\b(?:beloofd|belofte|toegezegd|toezegging\w*|promis\w*|commit(?!tee)\w*|pledge\w*|motie\w*|motion\w*)\b",
        re.I,
    ),
    "count": re.compile(
        r"\b(?:hoeveel|how many|how much|aantal|number of|welk deel|by how much|hoe groot|how large|"
        r"how big|how high|hoe hoog|(?:what|which|welk|welke)\s+(?:\w+\s+){0,2}"
        r"(?:share|percentage|proportion|deel|aandeel))\b",
        re.I,
    ),
    "amount": re.compile(rf"\b(?:{_MONEY_WORDS})\b|€", re.I),
}
# A question asks for money only with a quantity word: "what does it cost?", "how much money?".
_QUANTITY_ASK = re.compile(
    r"\b(?:hoeveel|how much|how large|how big|how high|hoe groot|hoe hoog|wat kost|what does .{0,60}cost|"
    r"what fee|welke (?:\w+ ){0,2}boete|what (?:\w+ ){0,2}fines?|welk bedrag|what amount|which amount)\b|"
    r"\b(?:what|wat|which|welk\w*)\s+(?:is|are|was|were|zijn|waren|bedraagt|bedragen)?\s*(?:the|het|de)?\s*"
    r"(?:\w+\s+){0,3}(?:budget|bedrag|kosten|costs?|price|prijs|fees?|fines?|boetes?|bijdrage|contribution)\b",
    re.I,
)
# "how much <noun> does ...": the noun says what is counted; money only when it is a money word.
_HOW_MUCH_OF = re.compile(
    r"\b(?:how much|hoeveel)\s+((?:[\w-]+\s+){1,4}?)(?:does|do|did|is|are|was|were|will|would|can|could|"
    r"should|has|have|heeft|hebben|zijn|wordt|worden|gaat|gaan|krijgt|krijgen|levert|leveren|kan|kunnen|zal|zullen)\b",
    re.I,
)
_MONEY_PLURAL = re.compile(
    r"\b(?:costs|kosten|fees|fines|boetes|funds|bedragen|prices|prijzen|uitgaven)\b", re.I
)
_NOT_PLACE = re.compile(r"\bwaar\b.*\bover\b|\bwaarover\b|\bwhere\b.*\bstands?\b|\bwaar\s+staat\b", re.I)
_LIST = re.compile(
    r"\b(?:welke|which|what|wat zijn|what are|noem|lijst|list|overzicht|overview|opsomming)\b", re.I
)
_PLURAL_EN = re.compile(r"^[a-z][a-z-]{2,}(?<!ss)s$")
_PLURAL_NL = re.compile(r"^[a-z][a-z-]{2,}(?:en|s|'s)$")
_NOT_PLURAL = frozenset(
    "is was has does this its his thus plus status process access focus analysis basis crisis less "
    "bus yes us as vs minus campus census kans eens ons ten tien zeven negen elf open geven leven "
    "wanneer welken binnen buiten tussen boven beneden tegen zonder kamerleden".split()
)
_LEADING = frozenset("the de het are zijn were waren".split())
# Words that end the noun phrase after "what"/"welke": auxiliaries and modals.
_BREAK = frozenset(
    "may might can could will would shall should must does do did is are was were has have had moet moeten "
    "kan kunnen zal zullen wordt worden werd zijn heeft hebben".split()
)
# A singular document noun after the cue asks for one document: "which motion asks ..." (the verb
# "asks" is no plural noun). Development: such questions were read as lists and abstained.
_ONE_DOCUMENT = frozenset("motion motie letter brief toezegging commitment fiche".split())
_NUMBER_WORD = frozenset(
    "twee drie vier vijf zes zeven acht negen tien two three four five six seven eight".split()
)
_FULL_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTH_NUMBERS) + r")\s+((?:19|20)\d\d)\b", re.I)
_YEAR_PERIOD = re.compile(r"\b(?:in|uit|van|of|from|sinds|since|during|tijdens)\s+((?:19|20)\d\d)\b", re.I)
_NAMED_MEMBER = re.compile(
    r"\b(?:motie|moties|motion|lid|kamerlid|member|senator|minister|staatssecretaris)\s+"
    r"((?:(?:Van|De|Ter|Te)(?:\s+(?:der|den|de))?\s+)?[A-Z][\w'’-]+)"
)


def intents_of(text: str) -> frozenset[str]:
    """What kind of answer the text asks for: who, when, how much (money), how many, status, list, which
    number."""
    found = {name for name, pattern in INTENTS.items() if pattern.search(text)}
    if asks_why(text):
        found.add("why")  # "waarom wordt X uitgesteld?": the reason, not a value
    elif polar(text):
        found.add("yesno")  # "komt er een wetsvoorstel?": yes, no or not stated
    if ASKS_NUMBER.search(text):
        found.add("identifier")  # "welk nummer heeft die toezegging?", "which dossier ...?"
        found -= {"count", "list"}
    if "where" in found and _NOT_PLACE.search(text):
        found.discard(
            "where"
        )  # "waar gaat TZ202501-011 over?" asks what about; "where does it stand?" a status
    if "amount" in found and not _QUANTITY_ASK.search(text):
        found.discard("amount")  # "what was the money used for?" asks no amount
    if "amount" in found and (m := _HOW_MUCH_OF.search(text)) and not INTENTS["amount"].search(m.group(1)):
        found.discard("amount")  # "how much CO2 reduction ... contribute?" asks a quantity, not money
    if "amount" in found:
        found.add("count")  # an amount is a number too
    if asks_list(text) and not ("amount" in found and _MONEY_PLURAL.search(text)):
        found.add("list")  # "what are the annual costs?" asks an amount, not a list of costs
    return frozenset(found)


_ARTICLES = frozenset("the a an this that these its their his her".split())


def _verb_before_article(after: list[str], word: str) -> bool:
    """The -s word follows another content word and is followed by an article: a verb ("handles the")."""
    i = after.index(word)
    return 0 < i < len(after) - 1 and after[i + 1] in _ARTICLES


def asks_list(text: str) -> bool:
    """'welke toezeggingen', 'which organisations', 'what are the four levers': a plural after the cue.

    The words right after the cue, up to the first function word, name what is asked for ("what fee
    may banks charge" asks one fee; "what application dates does" asks dates).
    """
    english = terms.detect_language(text) == "en"
    plural = _PLURAL_EN if english else _PLURAL_NL
    for cue in _LIST.finditer(text):
        after = [w.lower() for w in re.findall(r"[\w'-]+", text[cue.end() :])[:6]]
        while after and after[0] in _LEADING:
            after.pop(0)  # "what are the four levers", "wat zijn de knelpunten"
        for lowered in after[:4]:
            if lowered in _NUMBER_WORD:
                return True
            if lowered in _ONE_DOCUMENT:
                break
            if terms.is_stop(lowered) or lowered in _NOT_PLURAL or lowered in _BREAK:
                break
            if plural.match(lowered):
                # "which Council configuration handles the proposal": an -s word between a noun and
                # an article is the verb, not a plural noun
                if english and _verb_before_article(after, lowered):
                    break
                return True
    return False


def _members(question: str, known: Iterable[str]) -> tuple[str, ...]:
    """Members the question names: those the corpus knows (register, indieners), and 'motie X'."""
    found: dict[str, None] = {}
    lowered = question.lower()
    for name in known:
        if name and re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", lowered):
            found.setdefault(name)
    for match in _NAMED_MEMBER.finditer(question):
        found.setdefault(match.group(1))
    # "Van der Werf" holds "Werf": keep the longest of names that contain each other
    names = list(found)
    return tuple(n for n in names if not any(n != m and n.lower() in m.lower() for m in names))


def _period(question: str) -> tuple[date | None, date | None]:
    full = _FULL_DATE.search(question)
    if full:
        day = date(int(full.group(3)), MONTH_NUMBERS[full.group(2).lower()], int(full.group(1)))
        return day, day
    month = MONTH_YEAR.search(question)
    if month:
        year, number = int(month.group(2)), MONTH_NUMBERS[month.group(1).lower()]
        first = date(year, number, 1)
        last = (date(year + (number == 12), number % 12 + 1, 1)) - timedelta(days=1)
        return first, last
    year = _YEAR_PERIOD.search(question)
    if year:
        return date(int(year.group(1)), 1, 1), date(int(year.group(1)), 12, 31)
    return None, None


TITLE_SHARE = 0.8  # of a title's words in the question, and of the question's words in the title
MIN_TITLE_WORDS = 4  # "Motie van het lid Ceder" alone names many moties


def _titled(text: str, letters: Sequence[Letter]) -> list[str]:
    """Letters the question names by their title: it is (nearly) the title, pasted or typed.

    Both ways round, so that a question asking more than the title ("wat vraagt de motie ... en wie
    steunde haar?") or a title inside a longer one is not taken for naming the letter."""
    asked = set(terms.content_stems(text))
    if len(asked) < MIN_TITLE_WORDS:
        return []
    named = []
    for x in letters:
        title = set(terms.content_stems(x.title or ""))
        common = len(title & asked)
        if (
            len(title) >= MIN_TITLE_WORDS
            and common >= TITLE_SHARE * len(title)
            and common >= TITLE_SHARE * len(asked)
        ):
            named.append(x.id)
    return named


def _letters(
    identifiers: Sequence[str], period: tuple[date | None, date | None], letters: Sequence[Letter], text: str
) -> tuple[str, ...]:
    """Letters the question names: by Kamerstuk number, by title, or 'de brief van juli 2026' by its date."""
    named = [x.id for x in letters if x.kamerstuk_id and x.kamerstuk_id in identifiers]
    named += _titled(text, letters)
    start, end = period
    if start and end and re.search(r"\b(?:brief|brieven|letter|letters)\b", text, re.I):
        named += [x.id for x in letters if x.date and start <= x.date <= end]
    return tuple(dict.fromkeys(named))


def _answer_identifiers(answer: Answer) -> tuple[str, ...]:
    """What the previous answer was about: the identifiers its text names, else its first citation's."""
    found = find_ids(answer.text)
    if not found and answer.citations:
        first = answer.citations[0]
        found = [i for f in first.chunk.footnotes for i in f.toezeggingen]
        found += find_ids(" ".join(first.chunk.section_path))
    return tuple(dict.fromkeys(found))


def analyse(
    question: str,
    history: Sequence[Answer] = (),
    letters: Sequence[Letter] = (),
    members: Iterable[str] = (),
) -> QuestionAnalysis:
    """Read the question once; an elliptic one takes the topic, identifiers and letters of the last turns."""
    question = question.strip()
    identifiers = tuple(find_ids(question))
    period = _period(question)
    intents = intents_of(question)
    followup = bool(history) and is_followup(question)
    carried, carried_ids, focus, quotes = "", (), (), ()
    if followup:
        carried = carried_chain(history)
        previous = history[-1]
        before = previous.analysis.all_identifiers if previous.analysis else tuple(find_ids(carried))
        carried_ids = tuple(
            i for i in dict.fromkeys(before + _answer_identifiers(previous)) if i not in identifiers
        )
        focus = tuple(dict.fromkeys(c.letter.id for c in previous.citations))
        # the lead quote only: the supporting quotes after it are context the asker has already seen
        quotes = tuple((c.chunk.id, *c.quote_span) for c in previous.citations[:1])
        if not intents - {"yesno", "why"}:
            # "and for policy and regulation?" asks what it asked
            intents |= intents_of(carried) - {"list", "yesno", "why"}
    search_text = question
    if carried:
        search_text = f"{question} {carried}"
        extra = [i for i in carried_ids if i.lower() not in search_text.lower()]
        if extra:
            search_text += " " + " ".join(extra)
    return QuestionAnalysis(
        question=question,
        language=terms.detect_language(question),
        intents=intents,
        identifiers=identifiers,
        members=_members(question, members),
        period_from=period[0],
        period_to=period[1],
        letters=_letters(identifiers, period, letters, question),
        followup=followup,
        carried=carried,
        carried_identifiers=carried_ids,
        focus_letters=focus,
        focus_quotes=quotes,
        search_text=search_text,
    )
