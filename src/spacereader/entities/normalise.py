"""Repairs around the model: clean spans, drop junk, fix types, merge short forms, rank by salience.

The small model's visible mistakes are regular: a leading "the" or a trailing possessive inside the span,
a surname on its own beside the full name, people typed as organisations, one name typed two ways in one
article, and capitalised common words or times taken for names. Each rule below fixes one of those and
knows nothing about particular names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacereader.entities.canonical import canonical_key
from spacereader.entities.cues import (
    BETWEEN_LISTED,
    COMMON_WORDS,
    JOINERS,
    LIST_GAP,
    MONTHS_AND_DAYS,
    NAME_SUFFIX,
    PARTY_MEMBERS,
    PERSON_BEFORE,
    PLAIN_ACRONYMS,
    ROMAN,
    TITLES,
    is_junk,
    is_stray_lower,
    type_evidence,
)
from spacereader.models import ExtractedEntity, Mention

KIND_OF_LABEL = {
    "PERSON": "person",
    "PER": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}
"""Model labels that the sidebar shows; NORP, DATE, WORK_OF_ART and the rest are dropped."""

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_JUNK = " \t\n\"'“”‘’«»()[]{},;:!?*–—-"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A repaired span with its type votes; internal to this module."""

    start: int
    end: int
    text: str
    kind: str
    strength: float = 1.0


def repair_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Clean, filter and type one article's spans; each takes its entity's one type (ENTITY_KINDS)."""
    repaired = [
        Mention(c.start, c.end, c.text, group.kind) for group in _groups(text, mentions).values() for c in group.members
    ]
    return sorted(repaired, key=lambda m: m.start)


def _candidates(text: str, mentions: list[Mention]) -> list[Candidate]:
    found = []
    seen: set[tuple[int, int]] = set()
    for mention in _split_lists(text, mentions):
        kind = KIND_OF_LABEL.get(mention.label)
        if mention.label == "NORP" and (mention.text.casefold() in PARTY_MEMBERS or mention.text.isupper()):
            kind = "organisation"  # "the Democrats", "the Tories"; an acronym is no nationality
        if kind is None:
            continue
        trimmed = _trim(text, mention.start, mention.end)
        if trimmed is None or trimmed[:2] in seen:  # chunks or callers may report a span twice
            continue
        start, end, titled = trimmed
        seen.add((start, end))
        if is_junk(text, start, end, text[start:end]):
            continue
        kind, strength = type_evidence(text, start, text[start:end], kind, mention.label, titled)
        if kind == "person":
            start, end = _widen_person(text, start, end, titled)
        found.append(Candidate(start, end, text[start:end], kind, strength))
    return _join_town_and_region(text, found)


def _widen_person(text: str, start: int, end: int, titled: bool) -> tuple[int, int]:
    """Take in a regnal number or suffix ("Ramesses II", "King, Jr.") and a first name the model left out
    ("co-starring Ewan McGregor"): a capitalised word just before, inside a sentence, that is no title."""
    suffix = NAME_SUFFIX.match(text, end)
    end = suffix.end() if suffix else end
    before = re.search(r"(?<=[a-z,;:] )([A-Z][a-z]+) $", text[max(0, start - 40) : start])
    if before and not titled:
        word = before.group(1).casefold()
        if word not in COMMON_WORDS and word not in PERSON_BEFORE and word not in MONTHS_AND_DAYS:
            start -= len(before.group(1)) + 1
    return start, end


def _join_town_and_region(text: str, found: list[Candidate]) -> list[Candidate]:
    """ "Denver, Colorado" is one place, unless it is part of a longer list ("France, Spain and Italy")."""
    result: list[Candidate] = []
    index = 0
    while index < len(found):
        here = found[index]
        after = found[index + 1] if index + 1 < len(found) else None
        joinable = (
            after is not None
            and here.kind == after.kind == "place"
            and text[here.end : after.start] == ", "
            and not LIST_GAP.match(text, after.end)
            and not (
                result and result[-1].kind == "place" and BETWEEN_LISTED.fullmatch(text[result[-1].end : here.start])
            )
        )
        if joinable and after is not None:
            result.append(
                Candidate(
                    here.start, after.end, text[here.start : after.end], "place", max(here.strength, after.strength)
                )
            )
            index += 2
        else:
            result.append(here)
            index += 1
    return result


def _split_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Split a span that is a comma list of names ("Tesla, Uber and Snapchat") into one span per name."""
    result = []
    for mention in mentions:
        piece = text[mention.start : mention.end]
        if ", " not in piece:
            result.append(mention)
            continue
        for part in re.finditer(r"[^,]+", piece):
            inner = re.sub(r"^\s*(?:and|or)\s+", "", part.group())
            offset = mention.start + part.start() + (len(part.group()) - len(inner))
            inner = inner.strip()
            offset += 0 if not inner else (text.find(inner, offset) - offset)
            for sub in re.split(r"\s+(?:and|or)\s+", inner):
                at = text.find(sub, offset)
                if sub and sub[0].isupper():
                    result.append(Mention(at, at + len(sub), sub, mention.label))
                offset = at + len(sub)
    return result


def _trim(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """Span bounds without leading articles or titles, trailing possessives or edge punctuation."""
    titled = False
    # A span never crosses a paragraph break.
    cut = text.find("\n\n", start, end)
    end = cut if cut != -1 else end
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE_JUNK:
            start += 1
        while end > start and text[end - 1] in _EDGE_JUNK:
            end -= 1
        possessive = _POSSESSIVE.search(text, start, end)
        if possessive and end - start > 3:
            end = possessive.start()
        bracket = text.find(" (", start, end)
        end = bracket if bracket != -1 else end
        stray = next((w for w in re.finditer(r"\S+", text[start:end]) if is_stray_lower(w.group())), None)
        if stray is not None:  # "Von Bellingshausen sighted Antarctica", "another Academy Award"
            if stray.start() == 0:
                start += stray.end()
            else:
                end = start + stray.start()
        last = re.search(r"\s+([a-z]+)$", text[start:end])
        if last and (last.group(1) in COMMON_WORDS or last.group(1) in JOINERS):  # "Seychelles and", "Plaza de"
            end = start + last.start()
        first = re.match(r"(\S+)\s+", text[start:end])
        if first:
            word = first.group(1).casefold().rstrip(".")
            if word in ("the", "a", "an") or word in TITLES:
                titled = titled or word in TITLES
                start += first.end()
        if (start, end) == before:
            break
    if end - start < 2:
        return None
    return start, end, titled


@dataclass
class _Group:
    key: str
    votes: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)
    members: list[Candidate] = field(default_factory=list)

    def add(self, candidate: Candidate) -> None:
        self.votes[candidate.kind] += candidate.strength  # type: ignore[assignment]  # typeshed: Counter holds ints
        self.forms[candidate.text] += 1
        self.members.append(candidate)

    def absorb(self, other: _Group) -> None:
        self.votes.update(other.votes)
        self.members.extend(other.members)
        self.forms.update({form: 0 for form in other.forms})

    @property
    def starts(self) -> list[int]:
        return [c.start for c in self.members]

    @property
    def kind(self) -> str:
        # Ties go to person, then organisation: the model's commonest slip is typing a person as
        # something else, rarely the reverse.
        order = {"person": 0, "organisation": 1, "place": 2}
        return min(self.votes, key=lambda k: (-self.votes[k], order[k]))

    @property
    def ambiguous(self) -> bool:
        top = sorted(self.votes.values(), reverse=True)
        return len(top) > 1 and top[0] == top[1]

    @property
    def name(self) -> str:
        # The longest spelling, then the commonest: "United States" over "U.S.".
        return max(self.forms, key=lambda f: (len(f.split()), self.forms[f], len(f)))


def group_entities(text: str, mentions: list[Mention]) -> list[ExtractedEntity]:
    """One article's entities: repaired, grouped by canonical key, short forms merged, most central first."""
    groups = _groups(text, mentions)
    length = max(len(text), 1)
    entities = [
        ExtractedEntity(
            group.name, group.kind, len(group.members), _salience(group.starts, length), group.key, group.ambiguous
        )
        for group in groups.values()
    ]
    entities.sort(key=lambda e: (-e.salience, -e.count, e.name))
    return entities


def _groups(text: str, mentions: list[Mention]) -> dict[str, _Group]:
    """Repaired spans grouped by canonical key, with short forms folded into their full names."""
    groups: dict[str, _Group] = {}
    for candidate in _candidates(text, mentions):
        key = canonical_key(candidate.text)
        groups.setdefault(key, _Group(key)).add(candidate)
    _merge_short_forms(groups)
    _find_missed_mentions(text, groups)
    _add_acronyms(text, groups)
    return groups


def _covered(text: str, groups: dict[str, _Group]) -> bytearray:
    """One flag per character: set where a mention already lies."""
    covered = bytearray(len(text))
    for group in groups.values():
        for c in group.members:
            covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    return covered


def _add_acronyms(text: str, groups: dict[str, _Group]) -> None:
    """Capitalised abbreviations the model left unlabelled are organisations (or, for "UK", places)."""
    letters = [ch for ch in text if ch.isalpha()]
    if sum(ch.isupper() for ch in letters) > 0.3 * len(letters):
        return  # a text in capitals has no telling abbreviations
    covered = _covered(text, groups)
    for match in re.finditer(r"(?<![\w.'’-])[A-Z]{2,6}(?![\w'’-])", text):
        word = match.group()
        if word.casefold() in PLAIN_ACRONYMS or ROMAN.fullmatch(word) or any(covered[match.start() : match.end()]):
            continue
        key = canonical_key(word)
        kind = "place" if key != word.casefold() and key in ("united states", "united kingdom") else "organisation"
        groups.setdefault(key, _Group(key)).add(Candidate(match.start(), match.end(), word, kind, 0.5))
        covered[match.start() : match.end()] = b"\x01" * len(word)


def _find_missed_mentions(text: str, groups: dict[str, _Group]) -> None:
    """Count later plain occurrences of a name the model found once but missed elsewhere.

    The model often skips a repeated name at the start of a sentence ("Merkel smiled."); a whole-word,
    same-case occurrence of a spelling already found, or of a person's surname when only one person in
    the article has it, is the same entity.
    """
    surnames = Counter(g.name.split()[-1] for g in groups.values() if g.kind == "person" and len(g.name.split()) > 1)
    owner: dict[str, _Group] = {}
    for group in groups.values():
        for form in group.forms:
            if len(form) >= 3:
                owner.setdefault(form, group)
        words = group.name.split()
        if group.kind == "person" and len(words) > 1 and surnames[words[-1]] == 1 and len(words[-1]) >= 3:
            owner.setdefault(words[-1], group)
    if not owner:
        return
    covered = _covered(text, groups)
    # One pattern for all spellings, longest first, so each place in the text is read once.
    alternatives = "|".join(re.escape(form) for form in sorted(owner, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", text):
        if any(covered[match.start() : match.end()]):
            continue
        covered[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
        owner[match.group()].members.append(Candidate(match.start(), match.end(), match.group(), "", 0.0))


def _merge_short_forms(groups: dict[str, _Group]) -> None:
    """Fold "Putin" into "Vladimir Putin" and "NASA" into its spelled-out name, when exactly one fits."""
    index: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        words = group.key.split()
        if len(words) < 2:
            continue
        index["\0" + _initials(words)].append(group)
        if group.kind == "person":
            for short_key in {words[0], words[-1], f"{words[0]} {words[-1]}" if len(words) > 2 else ""} - {""}:
                index[short_key].append(group)
    for short in sorted(groups.values(), key=lambda g: len(g.key.split())):
        words = short.key.split()
        if len(words) > 2:
            break
        targets = [long for long in index.get(short.key, []) if long is not short and short.kind != "place"]
        if len(words) == 1 and short.name.isupper() and len(short.name) >= 2:
            targets += [long for long in index.get("\0" + short.key, []) if long is not short]
        targets = [t for t in {id(t): t for t in targets}.values() if t.key in groups]
        if len(targets) == 1:
            targets[0].absorb(short)
            del groups[short.key]


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w not in ("of", "and", "the", "for", "de"))


def _salience(starts: list[int], length: int) -> float:
    """Mentions weighted towards the start: the headline and lead say what a news story is about."""
    return round(sum(1.0 + 2.0 * (1.0 - start / length) ** 2 for start in starts), 4)
