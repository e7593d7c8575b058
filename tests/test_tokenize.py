"""Tokenizer (`nlp.tokenize`) and the spaCy adapter (`nlp.spacy_adapter`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import nlp
from nlp.records import Citation, Claim
from nlp.tokenize import Tokenizer, tokenize

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "seeds" / "000_65d192663e1ca53a.txt"


@pytest.fixture(scope="module")
def tok():
    return Tokenizer()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("根据国办发〔2018〕23号文件、鲁政办发〔2018〕21号文件", ["国办发〔2018〕23号", "鲁政办发〔2018〕21号"],
                     id="seed:doc numbers"),
        pytest.param("2018 年，共收到政府信息公开申请 1 件，已经按时答复。", ["1 件"], id="seed:1 件"),
        pytest.param("全年受理申请一千二百余件，二百余万元，同比下降3.2个百分点。",
                     ["一千二百余件", "二百余万元", "3.2个百分点"], id="S5"),
        pytest.param("按照《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。",
                     ["《中华人民共和国政府信息公开条例》", "《条例》"], id="S4:titles"),
    ],
)
def test_protected_spans_are_single_tokens(tok, text, kept):
    words = [t.text for t in tok.tokenize(text)]
    for k in kept:
        assert k in words


def test_tokens_cover_the_text_with_offsets(tok):
    text = SEED.read_text(encoding="utf-8")
    tokens = tok.tokenize(text)
    assert "".join(t.text for t in tokens) == text
    for t in tokens:
        assert text[t.start:t.end] == t.text
    assert [t.start for t in tokens[1:]] == [t.end for t in tokens[:-1]]


def test_domain_dictionary_is_loaded(tok):
    assert "政府信息公开申请" in tok.cut("共收到政府信息公开申请")
    assert "办结率" in tok.cut("办结率达到")


def test_global_jieba_is_untouched():
    code = (
        "import jieba, nlp.tokenize as t; k = t.Tokenizer(); k.cut('办结率'); "
        "print(jieba.dt.initialized, '办结率' in jieba.dt.FREQ)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    assert out.stderr == ""  # jieba's "Building prefix dict" is not printed


def test_import_is_lazy():
    code = "import sys, nlp, nlp.tokenize; print('jieba' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_explicit_records_are_protected(tok):
    text = "本单位共收到申请3件"
    claim = Claim("d", "claim-1", 8, 10, "3件", 3, "件")
    cit = Citation("d", "citation-1", 0, 3, "title", "本单位")
    toks = tok.tokenize(text, claims=[claim], citations=[cit])
    assert [(t.text, t.kind, t.ref) for t in toks if t.kind != "word"] == [
        ("本单位", "citation", "citation-1"), ("3件", "claim", "claim-1")]


def test_module_function_and_report_input(tok):
    rep = nlp.extract_text("共收到政府信息公开申请 1 件。")
    assert any(t.kind == "claim" and t.text == "1 件" for t in tokenize(rep, tokenizer=tok))


def test_bad_input_raises_usage_error(tok):
    from nlp.errors import UsageError

    with pytest.raises(UsageError):
        tok.tokenize(42)


# --------------------------------------------------------------------------- spaCy

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def seed_doc(tok):
    from nlp.tokenize import to_spacy

    return to_spacy(nlp.extract(SEED), tokenizer=tok)


def test_spacy_doc_text_is_the_document(seed_doc):
    assert seed_doc.text == SEED.read_text(encoding="utf-8")


def test_spacy_spans_and_extensions(seed_doc):
    spans = seed_doc.spans["xxgk"]
    claims = {s.text: s for s in spans if s.label_ == "CLAIM"}
    assert claims["33 条"]._.value == 33 and claims["33 条"]._.unit == "条"
    assert claims["75%"]._.kind == "percent"
    cits = [s for s in spans if s.label_ == "CITATION"]
    assert any(s.text == "国办发〔2018〕23号" and s._.code == "国办发" for s in cits)


def test_displacy_renders_spans(seed_doc):
    from spacy import displacy

    html = displacy.render(seed_doc, style="span", options={"spans_key": "xxgk"})
    assert "CLAIM" in html and "33" in html


def test_component_on_a_blank_pipeline():
    import nlp.spacy_adapter  # noqa: F401  (registers the factory)

    zh = spacy.blank("zh")
    zh.add_pipe("xxgk_spans")
    doc = zh("2018年，共收到政府信息公开申请 1 件。")
    assert [(s.text, s._.value, s._.unit) for s in doc.spans["xxgk"]] == [("1 件", 1, "件")]


def test_misaligned_tokens_raise(tok):
    from nlp.spacy_adapter import to_spacy

    rep = nlp.extract_text("共收到申请3件。")
    rep.claims[0].start += 1  # a claim that no longer starts on its token
    rep.claims[0].text = rep.document.text[rep.claims[0].start:rep.claims[0].end]

    class Shifted(Tokenizer):
        def tokenize(self, doc_or_text, claims=None, citations=None):
            toks = super().tokenize(doc_or_text, claims, citations)
            return [t for t in toks if t.kind != "claim"] + [t for t in toks if t.kind == "claim"]

    with pytest.raises(ValueError):
        to_spacy(rep, tokenizer=Shifted())
