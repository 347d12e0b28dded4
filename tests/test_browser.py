"""The chat page in Debian's Chromium, driven as a user would: ask, stream, stop, retry, copy, a new
conversation, a follow-up whose first turn's citations still open their cards, the official link of a
card, an abstention with rephrasings, the English switch, uploads (a good and a bad file), a letter with
planted Markdown/HTML, the export, one keyboard-only run, axe-core's accessibility check, and the
commitments tab. One server over one copy of the demo index for the whole module; the screenshots in
docs/screenshots/ are written here."""

import re
import shutil
import time
from pathlib import Path

import pytest

from tests.assistant_fakes import demo_index, serving
from tests.letter_ids import demo_id

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "screenshots"
AXE = ROOT / "build" / "node" / "node_modules" / "axe-core" / "axe.min.js"  # scripts/install --test
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PACE_S = 0.4  # between streamed pieces of an answer, so streaming and stop can be seen
MITID = "what was promised on MitID?"
PLANTED = """Den Haag, 3 maart 2025

1. Kattenbelasting
De gemeente Zoetermeer heft sinds 2024 geen kattenbelasting meer, zo schrijft de wethouder **vet** en \
_schuin_ [x](javascript:window.pwned=1) en <img src=x onerror="window.pwned=1"> in zijn brief. \
De opbrengst was 12.000 euro per jaar.

2. Afvalstoffenheffing
Tijdens het debat heb ik toegezegd de Kamer voor de zomer te informeren over de afvalstoffenheffing. Deze \
toezegging is hiermee afgedaan.
"""  # every planted form in the one sentence that answers the question the test asks; a toezegging

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The page over a copy of the session's demo index (uploads must not change the shared one), its
    engine's stream paced like a language model's."""
    from assistant.engine import Engine, open_engine
    from ingest.model import Answer
    from ingest.settings import Settings

    folder = tmp_path_factory.getbasetemp() / "browser-index"
    if not folder.exists():
        shutil.copytree(demo_index(tmp_path_factory), folder)
    settings = Settings(index_dir=folder)
    original = Engine.stream

    def paced(self, *args, **kwargs):
        for event in original(self, *args, **kwargs):
            if not isinstance(event, Answer):
                time.sleep(PACE_S)
            yield event

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Engine, "stream", paced)
        engine = open_engine(settings)
        engine.warm_up()
        with serving(settings, engine) as url:
            yield url + "/"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1400, "height": 950}, accept_downloads=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(served, wait_until="domcontentloaded")
    page.locator("#question textarea").wait_for(timeout=60_000)
    yield page
    context.close()


def _send(page, question: str) -> None:
    box = page.locator("#question textarea")
    box.fill(question)
    box.press("Enter")


def _answered(page, turn: int) -> None:
    """Wait for turn `turn` to be finished: its cards are in the sources panel, the box is back."""
    page.locator(f"#sources .turn-sources[data-turn='{turn}']").wait_for(timeout=60_000)
    page.locator("#question .submit-button").wait_for(timeout=30_000)


def _ask(page, question: str, turn: int) -> None:
    _send(page, question)
    _answered(page, turn)


def _bot(page, turn: int):
    return page.locator("#chat .message-row.bot-row").nth(turn - 1)


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000


@needs_chromium
def test_ask_streams_the_answer_and_each_citation_opens_its_card(page):
    _send(page, MITID)
    # Streaming: the answer's first lines are on the page before the answer is done (no cards yet).
    page.wait_for_function(
        "() => { const bots = document.querySelectorAll('#chat .message-row.bot-row');"
        " return bots.length === 1 && bots[0].innerText.includes('TZ202504-147')"
        " && !document.querySelector('#sources .turn-sources'); }",
        timeout=30_000,
    )
    assert page.locator("#question .stop-button").is_visible()
    _answered(page, 1)
    answer = _bot(page, 1)
    assert "“" in answer.inner_text() and answer.locator("strong").count() >= 1  # short answer first
    cards = page.locator("#sources details.card.cited")
    chunks = [cards.nth(i).get_attribute("data-chunk") for i in range(cards.count())]
    assert len(chunks) == len(set(chunks))  # one card per passage
    texts = [cards.nth(i).text_content() for i in range(cards.count())]
    assert any("11 juli 2025" in t and "Kamerstuk 26643 nr. 1371" in t for t in texts)
    assert not re.search(r"\b\d{3}-[0-9a-f]{16}\b", page.locator("#sources").inner_text())  # no keys
    link = answer.locator("a.cite").first
    target = link.get_attribute("href")
    assert re.fullmatch(r"#t1-c\d+", target)
    link.click()
    card = page.locator(target)
    assert page.evaluate("location.hash") == target and card.get_attribute("open") is not None
    assert card.locator("mark").count() >= 1 and card.locator("sup.refs").count() >= 1
    assert page.evaluate("document.activeElement.closest('details')?.id") == target[1:]
    official = card.locator("a.official")
    assert official.get_attribute("href") == "https://zoek.officielebekendmakingen.nl/kst-26643-1371"
    assert official.get_attribute("target") == "_blank" and "noopener" in official.get_attribute("rel")
    assert "TZ202504-147" in card.locator(".footnotes").inner_text()
    _shot(page, "mitid-answer.png")
    # The answer cites the passage under the heading "… technologieën", which carries footnote call 20;
    # its card may be the one the first citation opened (a click on its summary would close it again).
    heading_card = page.locator(
        "#sources details.card.cited", has=page.locator("sup.fn-call", has_text="20")
    ).first
    assert "technologieën20" in heading_card.locator(".passage").inner_text().replace(" ", "")
    if heading_card.get_attribute("open") is None:
        heading_card.locator("summary").click()
    call = heading_card.locator("sup.fn-call a", has_text="20").first
    call.click()
    note = page.locator(call.get_attribute("href"))
    assert "TZ202504-147" in note.inner_text() and note.is_visible()
    assert page.evaluate("document.activeElement.id") == call.get_attribute("href")[1:]


@needs_chromium
def test_follow_up_keeps_the_first_turns_citations_opening_their_cards(page):
    _ask(page, MITID, 1)
    _ask(page, "and what about DigiD?", 2)
    assert "DigiD" in _bot(page, 2).inner_text()
    assert page.locator("#sources .turn-sources").count() == 2
    first = _bot(page, 1).locator("a.cite").first
    target = first.get_attribute("href")
    assert target.startswith("#t1-")
    first.click()
    assert page.locator(target).get_attribute("open") is not None and page.locator(target).is_visible()
    second = _bot(page, 2).locator("a.cite").first
    assert second.get_attribute("href").startswith("#t2-")
    second.click()
    assert page.locator(second.get_attribute("href")).get_attribute("open") is not None


@needs_chromium
def test_stop_then_retry(page):
    _send(page, MITID)
    page.locator("#question .stop-button").wait_for(timeout=30_000)
    first_line = "() => (document.querySelector('#chat .message-row.bot-row')?.innerText || '')"
    page.wait_for_function(first_line + ".includes('TZ202504-147')", timeout=30_000)
    page.locator("#question .stop-button").click(force=True)  # at once: the answer is still streaming
    page.wait_for_function(
        "() => (document.querySelector('#chat .message-row.bot-row')?.innerText || '').includes('Gestopt.')",
        timeout=30_000,
    )
    page.locator("#question .submit-button").wait_for(timeout=30_000)
    assert page.locator("#sources .turn-sources").count() == 0  # the stopped answer has no cards
    assert _bot(page, 1).locator("a.cite").count() == 0
    page.locator("#chat button[aria-label='Retry']").click()
    _answered(page, 1)
    assert page.locator("#chat .message-row.bot-row").count() == 1
    assert "Gestopt." not in _bot(page, 1).inner_text() and _bot(page, 1).locator("a.cite").count() >= 2
    page.locator("#chat button[aria-label='Retry']").click()  # again, on a finished answer: replaced
    _answered(page, 1)
    assert page.locator("#chat .message-row.bot-row").count() == 1
    assert page.locator("#chat .message-row.user-row").count() == 1


@needs_chromium
def test_copy_gives_the_answer_with_its_sources_and_new_conversation_starts_over(page):
    _ask(page, MITID, 1)
    page.locator("#chat .message-buttons-left button").first.click()
    page.wait_for_function("() => document.querySelector('#brieven-live')?.textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("## Vraag 1: what was promised on MitID?")
    assert "[1]" in copied and "<sup" not in copied and "### Bronnen" in copied
    assert "Kamerstuk 26643 nr. 1371" in copied and "Voetnoot 20: TZ202504-147" in copied
    page.locator("#new").click()
    page.wait_for_function("() => !document.querySelector('#chat .message-row')", timeout=30_000)
    assert page.locator("#sources .turn-sources").count() == 0
    assert page.locator("#export").is_disabled()
    page.locator("#chat button", has_text="Welke toezeggingen over AI staan nog open?").click()  # an example
    _answered(page, 1)  # a fresh conversation: turn 1 again
    assert page.locator("#chat .message-row.user-row").count() == 1


@needs_chromium
def test_abstention_shows_nearby_passages_and_rephrasings(page):
    _ask(page, "Wat is het standpunt over de hondenbelasting?", 1)
    answer = _bot(page, 1)
    text = answer.inner_text()
    assert text.startswith("Niet gevonden in de brieven.") and "Wat de brieven in de buurt zeggen" in text
    assert answer.locator("a.cite.nearby").count() >= 1 and "Zie ook" not in text
    assert not re.search(r"\b\d{3}-[0-9a-f]{16}\b", text)
    assert page.locator("#sources details.card.nearby").count() >= 1
    options = page.locator("#chat button", has_text="Wat staat er in de brieven over")
    options.first.wait_for(timeout=30_000)
    _shot(page, "abstention.png")
    suggestion = options.first.inner_text()
    options.first.click()
    _answered(page, 2)
    assert page.locator("#chat .message-row.user-row").nth(1).inner_text().strip() == suggestion.strip()


@needs_chromium
def test_english_switch_relabels_the_page_and_answers_follow_the_question(page):
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.get_by_role("tab", name="Gesprek").is_visible()
    _ask(page, MITID, 1)
    page.get_by_label("English").check()
    page.get_by_role("tab", name="Commitments and motions").wait_for(timeout=30_000)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#question textarea").get_attribute("placeholder").startswith("Ask a question")
    assert page.locator("#new").inner_text().strip() == "New conversation"
    assert (
        "Question 1" in page.locator("#sources").inner_text()
        and "11 July 2025" in page.locator("#sources").inner_text()
    )
    assert "From the letters" in _bot(page, 1).inner_text()  # an English question, English frames
    _ask(page, "Wat is er toegezegd over MitID?", 2)
    assert "From the letters" not in _bot(page, 2).inner_text()  # a Dutch question, a Dutch answer
    page.get_by_label("Nederlands").check()
    page.get_by_role("tab", name="Toezeggingen en moties").wait_for(timeout=30_000)
    assert "Vraag 2" in page.locator("#sources").inner_text()


@needs_chromium
def test_upload_a_good_and_a_bad_file_then_the_planted_letter_stays_text(page, tmp_path):
    good = tmp_path / "kattenbelasting.txt"
    good.write_text(PLANTED, encoding="utf-8")
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    page.get_by_role("tab", name="Brieven").click()
    before = page.locator("#letters-table tbody tr").count()
    page.locator("#upload input[type=file]").set_input_files([str(good), str(bad)])
    report = page.locator("#upload-report .upload-report")
    report.wait_for(timeout=180_000)
    text = report.inner_text()
    assert "1 toegevoegd" in text and "3 maart 2025" in text
    assert re.search(r"kapot\.pdf: \S", text) and str(tmp_path) not in text
    assert page.locator("#letters-table tbody tr").count() == before + 1
    row = page.locator("#letters-table tbody tr", has_text="kattenbelasting")
    href = row.locator("a", has_text="Bestand").get_attribute("href")
    served = page.request.get(page.url.split("#")[0] + href)
    assert served.ok and "Zoetermeer" in served.text()
    assert served.headers["content-security-policy"].startswith("sandbox")
    # the uploaded letter's toezegging is in the register tab at once (it reads the current index)
    page.get_by_role("tab", name="Toezeggingen en moties").click()
    search = page.locator("#register-search textarea, #register-search input").first
    search.fill("Afvalstoffenheffing")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#register-table [role=row].virtual-row')]"
        ".some(r => r.innerText.includes('Afvalstoffenheffing') && r.innerText.includes('afgedaan'))",
        timeout=30_000,
    )
    search.fill("")

    page.get_by_role("tab", name="Gesprek").click()
    _ask(page, "Heft Zoetermeer nog kattenbelasting?", 1)
    answer = _bot(page, 1)
    shown = answer.inner_text()
    assert "[x](javascript:window.pwned=1)" in shown and '<img src=x onerror="window.pwned=1">' in shown
    assert "**vet**" in shown and "_schuin_" in shown
    assert page.locator("#chat img, #sources img").count() == 0
    assert answer.locator("a[href^='javascript']").count() == 0 and answer.locator("em").count() == 0
    # the letter's **vet** is shown as written, never made bold (the bold lead line may quote it as text)
    assert answer.locator("strong", has_text=re.compile(r"^\s*vet\s*$")).count() == 0
    assert all("**vet**" in s for s in answer.locator("strong").all_inner_texts() if "vet" in s)
    card = page.locator("#sources details.card").first
    card.locator("summary").click()
    shown = card.inner_text()
    assert "[x](javascript:window.pwned=1)" in shown and "**vet** en _schuin_" in shown
    assert card.locator("a[href^='javascript'], em, strong").count() == 0
    assert page.evaluate("window.pwned") is None


@needs_chromium
def test_export_downloads_the_conversation_as_markdown(page):
    assert page.locator("#export").is_disabled()
    _ask(page, MITID, 1)
    _ask(page, "Wat is het standpunt over de hondenbelasting?", 2)
    page.wait_for_function("() => !document.querySelector('#export').disabled", timeout=30_000)
    with page.expect_download() as download:
        page.locator("#export").click()
    assert download.value.suggested_filename == "gesprek.md"
    md = Path(download.value.path()).read_text(encoding="utf-8")
    assert md.startswith("# Gesprek met Brieven")
    assert "## Vraag 1: what was promised on MitID?" in md and "## Vraag 2: " in md
    assert "### Bronnen" in md and "[1]" in md and "Voetnoot 20: TZ202504-147" in md
    assert "<https://zoek.officielebekendmakingen.nl/kst-26643-1371>" in md
    assert "Niet gevonden in de brieven." in md and "### Wat de brieven in de buurt zeggen" in md


def _focused(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e.tagName + '|' + (e.id || '') + '|'"
        " + (e.className || '') + '|' + (e.closest('[id]')?.id || ''); }"
    )


@needs_chromium
def test_keyboard_only(page):
    page.evaluate("document.activeElement && document.activeElement.blur()")
    order = []
    for _ in range(60):  # from the top of the page, Tab reaches the question box
        page.keyboard.press("Tab")
        order.append(_focused(page))
        if order[-1].startswith("TEXTAREA") and order[-1].endswith("|question"):
            break
    else:
        pytest.fail(f"Tab never reached the question box: {order}")
    assert any(x.endswith("|language") for x in order)  # the language switch comes first
    page.keyboard.type(MITID)
    page.keyboard.press("Enter")
    _answered(page, 1)
    page.wait_for_function("() => document.activeElement.closest('#question') !== null", timeout=10_000)
    for _ in range(40):  # back from the box into the answer, to a citation
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.matches('a.cite')"):
            break
    else:
        pytest.fail("Shift+Tab never reached a citation")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    card = page.locator(target)
    assert card.get_attribute("open") is not None
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")  # the card closes and opens by keyboard
    assert card.get_attribute("open") is None
    page.keyboard.press("Enter")
    assert card.get_attribute("open") is not None
    for _ in range(10):  # into the card: its links are reachable
        page.keyboard.press("Tab")
        if page.evaluate(
            f"document.activeElement.closest('{target}') && document.activeElement.tagName === 'A'"
        ):
            break
    else:
        pytest.fail("the card's links are not reachable by Tab")


@needs_chromium
def test_axe_finds_no_serious_violations(page):
    assert AXE.exists(), "axe-core is installed by scripts/install --test (npm)"
    _ask(page, MITID, 1)
    _ask(page, "Wat is het standpunt over de hondenbelasting?", 2)
    page.locator("#sources details.card").first.locator("summary").click()
    page.add_script_tag(path=str(AXE))
    found = []
    for tab in ("Gesprek", "Brieven", "Toezeggingen en moties"):
        page.get_by_role("tab", name=tab).click()
        page.get_by_role("tab", name=tab, selected=True).wait_for(timeout=30_000)
        found += _serious(page)
    page.get_by_role("tab", name="Gesprek").click()
    page.get_by_label("English").check()
    page.get_by_role("tab", name="Chat").wait_for(timeout=30_000)
    found += _serious(page)
    assert found == [], found


def _serious(page) -> list[str]:
    # Gradio fades components while an update is pending and fades them back in after it (a CSS
    # transition axe would measure half-way); the check is of the page at rest.
    page.wait_for_function(
        "() => !document.querySelector('.pending') && document.getAnimations().every(a =>"
        " a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)",
        timeout=30_000,
    )
    violations = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag',"
        " values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"
    )
    return list(violations)


def _rows(table) -> list[str]:
    rows = table.locator("[role=row].virtual-row")
    return [rows.nth(i).inner_text() for i in range(rows.count())]


@needs_chromium
def test_status_question_and_the_commitments_tab(page):
    """A status question cites the verdict; the register can be searched, filtered, sorted and opened."""
    _ask(page, "what is the status of T03667?", 1)
    status = _bot(page, 1)
    assert "afgedaan" in status.inner_text() and status.locator("a.cite").count() >= 2
    marked = page.locator("#sources mark").evaluate_all("marks => marks.map(m => m.textContent)")
    assert "Hiermee acht ik de toezegging afgedaan.”" in marked
    page.get_by_role("tab", name="Brieven").click()
    letters = page.locator("#letters-table").inner_text()
    assert "26643 nr. 1371" in letters and not re.search(r"\b\d{3}-[0-9a-f]{16}\b", letters)
    page.get_by_role("tab", name="Toezeggingen en moties").click()
    table = page.locator("#register-table")
    table.locator("[role=row].virtual-row").first.wait_for(timeout=30_000)
    page.locator("#register-search textarea, #register-search input").first.fill("T036")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#register-table [role=row].virtual-row')]"
        ".every(r => r.innerText.includes('T036'))",
        timeout=30_000,
    )
    assert any("T03667" in r for r in _rows(table))
    page.locator("#register-status").get_by_label("afgedaan").check()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#register-table [role=row].virtual-row')]"
        ".every(r => r.innerText.includes('afgedaan') && !r.innerText.includes('deels'))",
        timeout=30_000,
    )
    assert all("T03659" not in r for r in _rows(table))  # deels voldaan: not closed
    header = table.locator("th[data-testid='header-8']")  # Datum brief
    header.hover()
    header.locator("button.cell-menu-button").click()
    page.get_by_role("menuitem", name="Sort descending").first.click()
    page.wait_for_function(
        "() => { const d = [...document.querySelectorAll('#register-table [role=row].virtual-row')]"
        ".map(r => r.innerText.match(/\\d{4}-\\d\\d-\\d\\d/)[0]);"
        " return d.every((x, i) => i === 0 || d[i - 1] >= x); }",
        timeout=30_000,
    )
    dates = [re.search(r"\d{4}-\d\d-\d\d", r).group(0) for r in _rows(table)]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 1
    row = table.locator("[role=row].virtual-row").filter(has_text="T03667")
    row.locator("[role=gridcell]").nth(3).click()
    detail = page.locator("#register-detail .brieven-register[data-key='T03667']")
    detail.wait_for(timeout=30_000)
    mentions = detail.locator("li.mention")
    assert mentions.count() == 2
    letters = [mentions.nth(i).get_attribute("data-letter") for i in range(2)]
    assert letters == [demo_id("004"), demo_id("000")]  # 2024 letter, then the 2025 memo
    assert "mensenrechtentoetsen" in mentions.nth(0).locator(".passage").inner_text()
    assert mentions.nth(1).locator("mark.verdict").inner_text() == "Hiermee acht ik de toezegging afgedaan.”"
    assert "T03667" in mentions.nth(0).locator(".footnotes").inner_text()
