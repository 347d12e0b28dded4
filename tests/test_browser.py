"""The chat page in Debian's Chromium: a cited MitID answer with footnote 20, a follow-up, an abstention,
a status question, and the commitments tab (search, filter, sort, a row's timeline)."""

import re
from pathlib import Path

import pytest

from tests.assistant_fakes import demo_index, serving
from tests.letter_ids import demo_id

pytestmark = pytest.mark.slow

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


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from assistant.engine import open_engine
    from ingest.settings import Settings

    settings = Settings(index_dir=demo_index(tmp_path_factory))
    engine = open_engine(settings)
    engine.warm_up()
    with serving(settings, engine) as url:
        yield url + "/"


def _ask(page, question: str, turns: int) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    page.locator(f"#transcript .turn[data-turn='{turns}']").wait_for(timeout=60_000)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)")
def test_chat_page_answers_cites_follows_up_and_abstains(served, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    shot = tmp_path_factory.getbasetemp() / "chat-page.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(served, wait_until="domcontentloaded")

            _ask(page, "what was promised on MitID?", 1)
            answer = page.locator("#transcript .turn[data-turn='1'] .a")
            assert "MitID" in page.locator("#sources").inner_text()
            cards = page.locator("#sources .source")
            texts = [cards.nth(i).inner_text() for i in range(cards.count())]
            cited = [t for t in texts if "Kamerstuk 26643 nr. 1371" in t and "2025-07-11" in t]
            assert cited, texts
            assert any("[20] TZ202504-147" in t for t in cited)
            assert page.locator("#sources mark").count() >= 1
            # A citation opens its source card.
            link = answer.locator("a.cite").first
            target = link.get_attribute("href")
            link.click()
            assert page.evaluate("location.hash") == target
            assert page.locator(target).is_visible()

            _ask(page, "and what about DigiD?", 2)
            followup = page.locator("#transcript .turn[data-turn='2'] .a")
            assert "abstained" not in (followup.get_attribute("class") or "")
            assert "DigiD" in followup.inner_text()
            assert "Kamerstuk 26643 nr. 1371" in page.locator("#sources").inner_text()

            _ask(page, "Wat is het standpunt over de hondenbelasting?", 3)
            last = page.locator("#transcript .turn[data-turn='3'] .a")
            assert last.inner_text().strip() == "Niet gevonden in de brieven."
            assert last.locator("a.cite").count() == 0
            assert page.locator("#sources .source").count() == 0
            assert page.locator("#sources .see-also li").count() >= 1

            _ask(page, "what is the status of T03667?", 4)
            status = page.locator("#transcript .turn[data-turn='4'] .a")
            assert "afgedaan" in status.inner_text() and status.locator("a.cite").count() >= 2
            marked = page.locator("#sources mark").all_inner_texts()
            assert "Hiermee acht ik de toezegging afgedaan.”" in marked

            page.get_by_role("tab", name="Letters").click()
            assert "26643 nr. 1371" in page.locator("#letters-table").inner_text()
            page.get_by_role("tab", name="Chat").click()
            page.screenshot(path=str(shot), full_page=True)
            _register_tab(page, tmp_path_factory.getbasetemp() / "register-tab.png")
        finally:
            browser.close()
    assert shot.stat().st_size > 0


def _rows(table) -> list[str]:
    rows = table.locator("[role=row].virtual-row")
    return [rows.nth(i).inner_text() for i in range(rows.count())]


def _register_tab(page, shot: Path) -> None:
    """Search the commitments, filter on status, sort by letter date, open T03667's two letters."""
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
    page.locator("#register-status").get_by_label("closed (afgedaan)").check()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#register-table [role=row].virtual-row')]"
        ".every(r => r.innerText.includes('afgedaan') && !r.innerText.includes('deels'))",
        timeout=30_000,
    )
    assert all("T03659" not in r for r in _rows(table))  # deels voldaan: not closed
    header = table.locator("th[data-testid='header-8']")  # Letter date
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
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 0
