"""The review page: escaping of untrusted report text, and a real browser click test."""

import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

import nlp
from nlp.review import render_report

SEED = Path(__file__).parent.parent / "corpora" / "seeds" / "000_65d192663e1ca53a.txt"

HOSTILE = (
    "2018年，共收到政府信息公开申请3件<script>window.__pwned=1</script>，"
    "<img src=x onerror=\"window.__pwned=2\">主动公开政府信息12条"
    "《\"><svg onload=window.__pwned=3>》（国办发〔2018〕23号）"
    "\"'><a href=javascript:window.__pwned=4>x</a>"
)


def _elements(page: str):
    return lxml_html.document_fromstring(page).iter()


def test_hostile_text_is_escaped_into_text_nodes():
    page = render_report(nlp.extract_text(HOSTILE))
    tags = [el.tag for el in _elements(page) if isinstance(el.tag, str)]
    assert "script" not in tags and "img" not in tags and "svg" not in tags
    for el in _elements(page):
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert not value.strip().lower().startswith("javascript:"), (el.tag, name, value)
    # the words are still there, as text
    assert "window.__pwned=1" in lxml_html.document_fromstring(page).text_content()
    assert "script-src 'none'" in page  # CSP: no script runs even if something slipped


def test_page_has_no_external_resources():
    page = render_report(nlp.extract(SEED))
    for el in _elements(page):
        if isinstance(el.tag, str):
            for name in ("src", "href"):
                v = el.attrib.get(name, "")
                assert not v or v.startswith("#"), (el.tag, name, v)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    return None


@pytest.mark.browser
def test_click_claim_jumps_to_cell_and_back_in_chromium(tmp_path):
    exe = _chromium()
    if exe is None:
        pytest.skip("Chromium is not installed (.ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api")
    report = nlp.extract(SEED)
    linked = [ln for ln in report.links]
    assert linked, "the seed's claims should link to its table cells"
    claim_id, cell_id = linked[0].claim_id, linked[0].cell_id
    page_file = tmp_path / "seed.html"
    page_file.write_text(render_report(report), encoding="utf-8")
    hostile_file = tmp_path / "hostile.html"
    hostile_file.write_text(render_report(nlp.extract_text(HOSTILE)), encoding="utf-8")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=exe, args=args)
        page = browser.new_page(viewport={"width": 1000, "height": 700})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(hostile_file.as_uri())
        assert page.evaluate("window.__pwned === undefined")
        assert dialogs == []
        page.goto(page_file.as_uri())
        page.click(f"#{claim_id}")
        assert page.evaluate("location.hash") == f"#{cell_id}"
        box = page.locator(f"#{cell_id}").bounding_box()
        assert box is not None and 0 <= box["y"] < 700  # scrolled into view
        page.screenshot(path=str(tmp_path / "review.png"), full_page=False)
        assert (tmp_path / "review.png").stat().st_size > 10_000
        page.click(f"#{cell_id} a.back")
        assert page.evaluate("location.hash") == f"#{claim_id}"
        browser.close()


def test_xxgk_show_writes_the_page(tmp_path):
    from typer.testing import CliRunner

    from nlp.cli import app

    out = tmp_path / "seed.html"
    result = CliRunner().invoke(app, ["show", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    report = nlp.extract(SEED)
    for f in report.findings:  # every failed check is listed, with links to its refs
        for ref in f.refs:
            assert f'href="#{ref}"' in page
    assert f"{len(report.findings)} failed checks" in result.output


def test_notebook_repr_is_a_fragment_with_the_highlights():
    report = nlp.extract(SEED)
    frag = report._repr_html_()
    assert not frag.lstrip().startswith("<!DOCTYPE") and "<html" not in frag
    root = lxml_html.fragment_fromstring(frag, create_parent="div")
    marks = {el.get("id") for el in root.iter("mark")}
    assert {c.claim_id for c in report.claims} <= marks  # every claim is highlighted
    assert {c.citation_id for c in report.citations if c.kind == "doc_number"} <= marks
