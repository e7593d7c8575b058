"""Make the converted copies of the held-out HTML reports and derive their gold by code.

Run from the repository root:

    .venv/bin/python corpora/converted/make_converted.py convert   # needs LibreOffice (soffice)
    .venv/bin/python corpora/converted/make_converted.py chromium  # needs Chromium
    .venv/bin/python corpora/converted/make_converted.py gold      # after any reader change

`convert` writes, for each HTML report in SOURCES, `corpora/converted/<stem>.docx` (HTML →
DOCX), `<stem>.pdf` (HTML opened as a Writer document → PDF), `<stem>_web.pdf` (HTML → PDF
with the default Writer/Web export), `<stem>_fromdocx.pdf` (the DOCX →
PDF, writer_pdf_Export) and `<stem>_a5.pdf` (the DOCX with its page set to A5 and 1.5 cm
margins by python-docx, then → PDF: tables break over pages in other places), and
`corpora/converted/sources.jsonl` saying how each was made. `chromium` adds
`<stem>_chromium.pdf`: the HTML printed to PDF by headless Chromium (Skia), whose tables cut
by a page break are drawn open at the cut (walls to the margin, no border across).

`gold` writes `corpora/gold/converted/<file>.gold.json` for each converted file: every claim
and citation of the HTML's gold is re-anchored by its `context` (+ `text`) into
`nlp.ingest.read(converted).text` with `nlp.gold._find_anchor` (exact, then whitespace
tolerant, nearest to the proportional old offset); cells, findings and template are carried
over. Spans that cannot be re-anchored are NOT dropped silently: they are listed in the gold's
`notes` and printed, and kept out of the claims (their old offsets would point at other text).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "corpora" / "converted"
GOLD_OUT = ROOT / "corpora" / "gold" / "converted"

# stem: (html, gold of the html)
SOURCES: dict[str, tuple[str, str]] = {
    "sh_shanghai_office_2019": ("corpora/heldout/sh_shanghai_office_2019.html",
                                "corpora/gold/heldout/sh_shanghai_office_2019.gold.json"),
    "js_shuyang_fgj_2023": ("corpora/heldout2/js_shuyang_fgj_2023.html",
                            "corpora/gold/heldout2/js_shuyang_fgj_2023.gold.json"),
    "fj_pingtan_2025_article": ("corpora/more/fj_pingtan_2025_article.html",
                                "corpora/gold/fj_pingtan_2025_article.gold.json"),
}
VARIANTS: dict[str, str] = {
    "{stem}.docx": "soffice --headless --convert-to docx (HTML import, MS Word 2007 XML filter)",
    "{stem}.pdf": "soffice --headless --infilter='HTML (StarWriter)' --convert-to pdf "
                  "(HTML loaded as a Writer document → PDF, writer_pdf_Export)",
    "{stem}_web.pdf": "soffice --headless --convert-to pdf (HTML → PDF, writer_web_pdf_Export; "
                      "'pdf:writer_pdf_Export' gives the same file). LibreOffice leaves page 1 "
                      "EMPTY in this export: the text that belongs on it is not in the file",
    "{stem}_fromdocx.pdf": "the .docx above → soffice --headless --convert-to pdf "
                           "(writer_pdf_Export)",
    "{stem}_a5.pdf": "the .docx above with every section set to A5 portrait (148×210 mm), "
                     "1.5 cm margins and tables wider than the text scaled to fit, by "
                     "python-docx, then → PDF (writer_pdf_Export)",
    "{stem}_chromium.pdf": "chromium --headless --no-pdf-header-footer --print-to-pdf (the HTML "
                           "as a browser prints it: Skia PDF, A4/Letter default page, tables "
                           "cut by page breaks drawn open at the cut)",
}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--no-pdf-header-footer"]


def _soffice(src: Path, fmt: str, outdir: Path, profile: Path, *extra: str) -> Path:
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile.as_uri()}", *extra,
         "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=180,
        env={**os.environ, "HOME": str(profile.parent)},
    )
    out = outdir / (src.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise RuntimeError(f"soffice did not write {out}")
    return out


def _a5(docx_path: Path, out_path: Path) -> None:
    """A5 pages, 1.5 cm margins, and every table scaled to the new text width (LibreOffice
    keeps a table's absolute width and clips what runs off the page, see docs/converted.md)."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm

    d = docx.Document(str(docx_path))
    for s in d.sections:
        s.page_width, s.page_height = Mm(148), Mm(210)
        s.left_margin = s.right_margin = s.top_margin = s.bottom_margin = Cm(1.5)
    text_w = (Mm(148) - 2 * Cm(1.5)) / 635  # EMU → twips (dxa)
    for tbl in d.element.body.iter(qn("w:tbl")):
        cols = list(tbl.iter(qn("w:gridCol")))
        total = sum(int(c.get(qn("w:w"), "0")) for c in cols)
        if total <= text_w:
            continue
        k = text_w / total
        for el in [*cols, *tbl.iter(qn("w:tcW")), *tbl.iter(qn("w:tblW"))]:
            if el.get(qn("w:type"), "dxa") == "dxa" and el.get(qn("w:w")):
                el.set(qn("w:w"), str(int(int(el.get(qn("w:w"))) * k)))
    d.save(str(out_path))


def convert() -> None:
    if shutil.which("soffice") is None:
        sys.exit("LibreOffice (soffice) is not on PATH")
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        profile = t / "profile"
        for stem, (html, _) in SOURCES.items():
            src = t / f"{stem}.html"
            shutil.copy(ROOT / html, src)
            made = {
                "{stem}.docx": _soffice(src, "docx:MS Word 2007 XML", t / "docx", profile),
                "{stem}.pdf": _soffice(src, "pdf", t / "pdf", profile,
                                       "--infilter=HTML (StarWriter)"),
                "{stem}_web.pdf": _soffice(src, "pdf", t / "web", profile),
            }
            made["{stem}_fromdocx.pdf"] = _soffice(made["{stem}.docx"], "pdf", t / "fromdocx",
                                                   profile)
            a5_docx = t / "a5" / f"{stem}.docx"
            a5_docx.parent.mkdir(exist_ok=True)
            _a5(made["{stem}.docx"], a5_docx)
            made["{stem}_a5.pdf"] = _soffice(a5_docx, "pdf", t / "a5pdf", profile)
            for pattern, path in made.items():
                name = pattern.format(stem=stem)
                shutil.copy(path, OUT / name)
                rows.append({"file": f"converted/{name}", "from": html,
                             "how": VARIANTS[pattern], "tool": "LibreOffice 7.4.7.2 (soffice), "
                             "this machine", "gold": f"gold/converted/{name}.gold.json"})
    with open(OUT / "sources.jsonl", "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"file": "converted/fj_pingtan_2023.docx",
                             "from": "corpora/more/fj_pingtan_2023_article.html",
                             "how": "LibreOffice HTML → DOCX (made earlier)",
                             "gold": "gold/fj_pingtan_2023_docx.gold.json"},
                            ensure_ascii=False) + "\n")
        fh.write(json.dumps({"file": "converted/fj_pingtan_2023.pdf",
                             "from": "corpora/more/fj_pingtan_2023_article.html",
                             "how": "LibreOffice HTML → PDF (made earlier)",
                             "gold": "gold/fj_pingtan_2023_pdf.gold.json"},
                            ensure_ascii=False) + "\n")
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def chromium() -> None:
    """`<stem>_chromium.pdf` for each source, and its row in sources.jsonl."""
    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                if shutil.which(n)), None)
    if exe is None:
        sys.exit("Chromium is not on PATH")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout.strip()
    index = OUT / "sources.jsonl"
    rows = [json.loads(line) for line in index.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if not r["file"].endswith("_chromium.pdf")]
    with tempfile.TemporaryDirectory() as tmp:
        for stem, (html, _) in SOURCES.items():
            name = f"{stem}_chromium.pdf"
            subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
                            f"--print-to-pdf={OUT / name}", (ROOT / html).as_uri()],
                           check=True, capture_output=True, timeout=120)
            rows.append({"file": f"converted/{name}", "from": html,
                         "how": VARIANTS["{stem}_chromium.pdf"], "tool": f"{version}, this machine",
                         "gold": f"gold/converted/{name}.gold.json"})
    index.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                     encoding="utf-8")


def derive(stem: str, name: str) -> tuple[dict, list[str]]:
    """The gold of converted file `name` from the gold of the HTML report `stem`."""
    from nlp.gold import _find_anchor
    from nlp.ingest import read

    html, gold_path = SOURCES[stem]
    raw = json.loads((ROOT / gold_path).read_text(encoding="utf-8"))
    old_len = len(read(ROOT / html).text)
    text = read(OUT / name).text
    lost: list[str] = []
    out = dict(raw)
    out["doc"] = os.path.relpath(OUT / name, GOLD_OUT)
    for key in ("claims", "citations"):
        items = []
        for it in raw.get(key, []):
            near = round(it["start"] * len(text) / max(old_len, 1))
            hit = _find_anchor(text, it["text"], it.get("context"), near)
            if hit is None:
                lost.append(f"{key[:-1]} {it['text']!r} (context {it.get('context')!r}, "
                            f"HTML offset {it['start']})")
                continue
            s, e = hit
            new = {**it, "start": s, "end": e, "text": text[s:e]}
            if it.get("context"):  # the same characters as found here (white space may differ)
                new["context"] = text[max(0, s - len(it["context"])):s]
            items.append(new)
        out[key] = items
    n = len(raw.get("claims", [])) + len(raw.get("citations", []))
    out["notes"] = [
        *raw.get("notes", []),
        f"Derived by code (corpora/converted/make_converted.py) from {gold_path}: "
        f"{VARIANTS[name.replace(stem, '{stem}', 1)]}. Every claim and citation re-anchored "
        "by its context into nlp.ingest.read(this file).text (context then reset to the "
        "characters before the span in this text); cells, findings and template "
        f"carried over unchanged. Re-anchored {n - len(lost)} of {n} spans."
        + (" NOT re-anchored (left out of this file, the reader lost or mangled their text): "
           + "; ".join(lost) if lost else "")
    ]
    return out, lost


def gold() -> None:
    GOLD_OUT.mkdir(parents=True, exist_ok=True)
    for stem in SOURCES:
        for pattern in VARIANTS:
            name = pattern.format(stem=stem)
            if not (OUT / name).exists():
                print(f"missing {name}: run `convert` first")
                continue
            g, lost = derive(stem, name)
            (GOLD_OUT / f"{name}.gold.json").write_text(
                json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            print(f"{name}: {len(g['claims'])} claims, {len(g['citations'])} citations, "
                  f"{len(g['cells'])} cells; lost {len(lost)}")
            for item in lost:
                print("   lost", item)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    {"convert": convert, "chromium": chromium, "gold": gold}[
        sys.argv[1] if len(sys.argv) > 1 else "gold"]()
