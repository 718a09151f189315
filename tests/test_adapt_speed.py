"""What makes adapt quick to start and run: less work than before, the same model and results."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from toolchain.adapt.nlp import MODEL, _EntryPointIndex, load_model, parse_all

ROOT = Path(__file__).resolve().parent.parent

#: Tokenizer exceptions, affixes, a URL and an emoticon: every rule kind the tokenizer file holds.
TEXT = ("Dr. Lee didn't say \"won't\" -- she'd gone to the U.S. (e.g. N.Y.C.) at 5:30 p.m.; "
        "see https://example.org/a?b=1 or mail a.b@example.com :-) Rock'n'roll, y'all!")


def _fresh(code: str) -> dict:
    """Run CODE in a new interpreter (nothing imported yet) and return what it prints as JSON."""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout)


def test_loading_leaves_spacys_command_line_unimported() -> None:
    seen = _fresh(
        "import json, sys\n"
        "from toolchain.adapt.nlp import load_model\n"
        "load_model()\n"
        "heavy = sorted(m for m in ('spacy.cli', 'requests', 'weasel', 'jinja2') if m in sys.modules)\n"
        "import spacy\n"
        "info = spacy.info(silent=True)\n"      # still there: imports the real one when called
        "print(json.dumps({'heavy': heavy, 'info': sorted(info)}))\n")
    assert seen["heavy"] == []
    assert "spacy_version" in seen["info"]


def test_model_is_set_aside_from_the_cyclic_collector() -> None:
    seen = _fresh(
        "import gc, json\n"
        "from toolchain.adapt.nlp import load_model\n"
        "before = gc.get_threshold()\n"
        "load_model()\n"
        "print(json.dumps({'same': gc.get_threshold() == before, 'frozen': gc.get_freeze_count()}))\n")
    assert seen["same"]                   # thresholds are put back
    assert seen["frozen"] > 50_000        # spaCy's and the model's objects are not walked again


def test_components_the_adapter_never_runs_are_not_loaded() -> None:
    nlp = load_model()
    # (adapt_quotes tells the parser that no sentence starts inside a quotation)
    assert nlp.pipe_names == ["tok2vec", "tagger", "adapt_quotes", "parser", "ner"]
    assert "senter" not in nlp.component_names and "attribute_ruler" not in nlp.component_names
    assert "lemmatizer" in nlp.component_names       # kept for lemmas on demand


def test_tokenizer_is_the_models_own_and_splits_as_spacy_load_does() -> None:
    seen = _fresh(
        "import json, spacy\n"
        f"nlp = spacy.load({MODEL!r}, exclude=['senter', 'attribute_ruler', 'lemmatizer', 'ner', "
        "'parser', 'tagger', 'tok2vec'])\n"
        f"print(json.dumps({{'tokens': [t.text for t in nlp({TEXT!r})], "
        "'bytes': nlp.tokenizer.to_bytes(exclude=['vocab']).hex()}))\n")
    nlp = load_model()
    assert [t.text for t in nlp.make_doc(TEXT)] == seen["tokens"]
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]).hex() == seen["bytes"]


def test_entry_point_index_answers_as_the_entry_points_do() -> None:
    import catalogue
    points = catalogue.AVAILABLE_ENTRY_POINTS
    index = _EntryPointIndex(points)
    for group in sorted(points.groups) + ["no_such_group"]:
        assert index.select(group=group) == list(points.select(group=group))
    load_model()
    assert catalogue.AVAILABLE_ENTRY_POINTS is points   # put back after loading


def test_parse_keeps_tags_parse_and_entities() -> None:
    doc = parse_all(load_model(), ["Anna Berg flies from Paris to Rome on Monday."])[0]
    assert [(e.text, e.label_) for e in doc.ents][:1] == [("Anna Berg", "PERSON")]
    assert doc[2].pos_ == "VERB" and doc[2].dep_ == "ROOT"


def test_a_sentences_mentions_are_worked_out_once() -> None:
    from toolchain.adapt.cast import Cast
    from toolchain.adapt.nlp import lemma
    nlp = load_model()
    docs = parse_all(nlp, ["Vera Holm hires a young gardener. The gardener digs all day, and Vera "
                           "pays him."])
    sents = [s for d in docs for s in d.sents]
    cast = Cast(sents, [0] * len(sents), [], lambda t: lemma(nlp, t))
    first = cast.mentions(sents[1])
    assert [(m.person.key, m.start) for m in first] == [("GARDENER", 1), ("VERA", 7)]
    assert cast.mentions(sents[1]) is first    # a role noun in the sentence kept it from the cache


def test_stage_benchmark_times_every_step(tmp_path: Path) -> None:
    from bench.bench_adapt import STAGE_NAMES, stages
    src = tmp_path / "s.txt"
    src.write_text("Ida Lund rows to the island. She tells Per that the storm is coming.\n", "utf-8")
    got = stages(src, 1)
    assert list(got) == [*STAGE_NAMES, "exit", "whole"]
    assert all(got[name]["cpu"] >= 0 and got[name]["wall"] >= 0 for name in STAGE_NAMES)
    assert got["model load"]["cpu"] > 0 and got["whole"]["wall"] >= got["model load"]["wall"]
