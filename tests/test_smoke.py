import nlp
from nlp.pipeline import STAGES


def test_pipeline_order_is_written_once():
    assert STAGES[0] == "ingest" and STAGES[-1] == "export"
    assert list(STAGES) == [
        "ingest", "normalize", "segment", "tokenize", "extract", "tables", "link", "check", "export",
    ]


def test_extract_text_returns_report():
    report = nlp.extract_text("2018年，共收到政府信息公开申请1件。")
    assert report.document.text.startswith("2018年")
    assert report.errors == []
