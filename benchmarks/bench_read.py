"""Reading speed by format, and the PDF page objects against pdfplumber's on the same pages.

    .venv/bin/python -m benchmarks --only read
    .venv/bin/python -m benchmarks.bench_read

- **readers**: `nlp.ingest.read(path)` on every distinct corpus file of a format (txt, html,
  docx, pdf), warm, best of `repeat` passes; characters of the read text per second, and the
  ratio against `jieba.lcut` over the same texts in the same process.
- **PDF page objects**: the characters and ruling edges of every page of the corpus PDFs, read
  by `nlp.ingest.pdf_objects` (pdfium) and, as the baseline, by pdfplumber (`page.chars` and
  `page.edges`: pdfminer's Python parser, which the reader used before); the ratio is the
  baseline's time over ours.
"""

from __future__ import annotations

import io
import logging

from benchmarks.bench_extract import _best


def readers(repeat: int = 2) -> dict:
    import jieba

    from benchmarks.bench_pipeline import corpus_files
    from nlp.ingest import read

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jt = jieba.Tokenizer()
    jt.initialize()
    out = {}
    for fmt, suffixes in (("txt", {".txt"}), ("html", {".html", ".htm"}), ("docx", {".docx"}),
                          ("pdf", {".pdf"})):
        files = corpus_files(suffixes)
        if not files:
            continue
        texts = [read(p).text for p in files]  # warm
        seconds = _best(lambda files=files: [read(p) for p in files], repeat)
        jieba_s = _best(lambda texts=texts: [jt.lcut(t) for t in texts], max(repeat, 3))
        n = sum(len(t) for t in texts)
        out[fmt] = {"files": len(files), "chars": n, "seconds": seconds,
                    "chars_per_s": n / seconds, "ratio_vs_jieba": jieba_s / seconds}
    return out


def pdf_objects(repeat: int = 2) -> dict:
    import pdfplumber
    import pypdfium2 as pdfium

    from benchmarks.bench_pipeline import corpus_files
    from nlp.ingest.pdf_objects import iter_pages

    datas = [p.read_bytes() for p in corpus_files({".pdf"})]
    # pdfminer warns on every glyph of some fonts (Chromium's: no FontBBox); not a figure
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    def ours() -> int:
        n = 0
        for data in datas:
            with pdfium.PdfDocument(data) as pdf:
                n += sum(len(page.chars) + len(page.edges) for page in iter_pages(pdf))
        return n

    def pdfminer() -> int:
        n = 0
        for data in datas:
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                n += sum(len(page.chars) + len(page.edges) for page in pdf.pages)
        return n

    n_pages = 0
    for data in datas:
        with pdfium.PdfDocument(data) as pdf:
            n_pages += len(pdf)
    ours()
    t_ours = _best(ours, repeat)
    t_base = _best(pdfminer, repeat)
    return {"files": len(datas), "pages": n_pages, "seconds": t_ours,
            "baseline_seconds": t_base, "pages_per_s": n_pages / t_ours,
            "speedup_vs_pdfplumber": t_base / t_ours}


def run(repeat: int = 2) -> dict:
    return {"readers": readers(repeat), "pdf_objects": pdf_objects(repeat)}


def report(results: dict) -> None:
    print("readers (nlp.ingest.read, warm)")
    for fmt, r in results["readers"].items():
        print(f"  {fmt:<5} {r['files']:>3} files  {r['chars_per_s'] / 1000:8.1f} kchar/s  "
              f"{r['ratio_vs_jieba']:6.2f}x jieba")
    po = results["pdf_objects"]
    print(f"PDF page objects ({po['files']} files, {po['pages']} pages)")
    print(f"  pdfium (ours)      {po['seconds']:6.2f} s  {po['pages_per_s']:7.1f} pages/s")
    print(f"  pdfplumber         {po['baseline_seconds']:6.2f} s   "
          f"speed-up {po['speedup_vs_pdfplumber']:.1f}x")


if __name__ == "__main__":
    import warnings

    warnings.simplefilter("ignore")
    report(run())
