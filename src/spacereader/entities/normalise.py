"""Repairs around the model: clean spans, drop junk, fix types, merge short forms, rank by salience.

The small model's visible mistakes are regular: a leading "the" or a trailing possessive inside the span,
a surname on its own beside the full name, people typed as organisations, one name typed two ways in one
article, and capitalised common words or times taken for names; a list after a class noun ("companies such as
Spotify, Tesla and Uber") says what its names are. Each rule below fixes one of those and knows nothing about
particular names.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacereader.entities.canonical import canonical_key
from spacereader.entities.cues import (
    COMMON_WORDS,
    JOINERS,
    MONTHS_AND_DAYS,
    NAME_SUFFIX,
    PARTY_MEMBERS,
    PERSON_BEFORE,
    PLAIN_ACRONYMS,
    POST_NOMINALS,
    ROMAN,
    TITLES,
    acts_as_team,
    class_lists,
    could_be_a_full_name,
    has_org_head,
    is_junk,
    is_sporting,
    is_stray_lower,
    is_work_title,
    type_evidence,
)
from spacereader.entities.layout import (
    TRAILING_NUMBER,
    Ranges,
    Spans,
    capital_lines,
    cricket_names,
    dateline_names,
    initial_names,
    lineup_names,
    score_line_names,
    scorer_names,
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

REPAIRS_VERSION = "5"
"""Part of the label saved with each article's entities: raise it when the rules change, so caches re-extract."""
RULES = (
    "trim",
    "junk",
    "party_members",
    "types",
    "widen_person",
    "short_forms",
    "missed_mentions",
    "acronyms",
    "capital_lines",
    "scores",
    "join_adjacent",
    "facilities",
    "teams",
    "works",
    "venues",
    "scorers",
    "initials",
    "datelines",
    "line_breaks",
    "lineups",
    "model_view",
    "cricket",
    "class_lists",
    "split_types",
)
"""Every repair by name, so the bench can score each one switched off in turn."""
_OFF: set[str] = set()


@contextmanager
def rules_off(*names: str) -> Iterator[None]:
    """Run the repairs without the named rules (the bench's ablation; not for use across threads)."""
    unknown = set(names) - set(RULES)
    if unknown:
        raise ValueError(f"no such rule: {', '.join(sorted(unknown))}")
    before = set(_OFF)
    _OFF.update(names)
    try:
        yield
    finally:
        _OFF.clear()
        _OFF.update(before)


def _on(rule: str) -> bool:
    return rule not in _OFF


_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_JUNK = " \t\n\"'“”‘’«»()[]{},;:!?*–—-"
# Compiled once: _trim and _widen_person run on every span (re's pattern cache was looked up some 1,200 times an
# article).
_WORD_BEFORE = re.compile(r"(?<=[a-z,;:] )([A-Z][a-z]+) $")
_NON_SPACE = re.compile(r"\S+")
_LAST_LOWER = re.compile(r"\s+([a-z]+)$")
_LAST_LETTERS = re.compile(r",?\s+([A-Z][A-Za-z]{1,3})$")
_FIRST_WORD = re.compile(r"(\S+)\s+")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A repaired span with its type votes; internal to this module."""

    start: int
    end: int
    text: str
    kind: str
    strength: float = 1.0


def model_view(text: str) -> str:
    """The text as the model reads it: the same length and lines, with the lines the rules read without the model
    blanked out, since the model's time grows with the words it reads and its reading of those lines is thrown
    away or overruled. Those are headlines in capitals (their names are counted where written in mixed case)
    and lines whose every capitalised word lies in a name the layout rules read: result, fixture and standings
    lines, team sheets, scorers lists and scorecards, with a heading such as "Scorers:". On other lines of
    statistics (four figures or more, two words in five: box scores, tables, results) the figures are blanked
    and the model reads the names alone.
    """
    if not _on("model_view"):
        return text
    blank = list(capital_lines(text)) if _on("capital_lines") else []
    read = bytearray(len(text))
    tables = score_line_names(text)
    spans = [*(tables if _on("scores") else ()), *(scorer_names(text, tables) if _on("scorers") else ())]
    spans += initial_names(text) if _on("initials") else ()
    for on, finder in (("lineups", lineup_names), ("cricket", cricket_names)):
        if _on(on):
            people, teams = finder(text)
            spans += (*people, *teams)
    for start, end in spans:
        read[start:end] = b"\x01" * (end - start)
    for line in _LINE.finditer(text):
        words = [w for w in _CAPITALISED.finditer(line.group()) if line.start() + w.start() >= _heading_end(line)]
        if any(read[line.start() : line.end()]) and all(read[line.start() + w.start()] for w in words):
            blank.append(line.span())
    numbers = []
    for line in _LINE.finditer(text):
        found = list(_STAT.finditer(line.group()))
        if len(found) >= 4 and len(found) >= 0.4 * len(line.group().split()):
            numbers += [(line.start() + n.start(), line.start() + n.end()) for n in found]
    if not blank and not numbers:
        return text
    chars = list(text)
    for start, end in (*blank, *numbers):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def text_spans(text: str, view: str, mentions: list[Mention]) -> list[Mention]:
    """The model's spans in `view` (model_view's) as spans of `text`: one that ran into a blanked part is cut
    before it, and each takes its text from `text`."""
    spans = []
    for m in mentions:
        end = m.end
        if view[m.start : m.end] != text[m.start : m.end]:
            end = next(i for i in range(m.start, m.end) if view[i] != text[i])
            end = len(view[m.start : end].rstrip()) + m.start
        if end > m.start:
            spans.append(Mention(m.start, end, text[m.start : end], m.label))
    return spans


_LINE = re.compile(r"[^\n]+")
# A figure on a line of statistics: "11-21", "14:09.52", "+21", "6.10m", "34*".
_STAT = re.compile(r"(?<![\w.])[-+]?\d(?:[\d.,:/-]*\d)?(?:[%*]|m|s|sec|pts)?(?![\w])")
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z]")
_HEADING = re.compile(
    r"\s*(?:scorers?|goals?|goalscorers?|tries|try scorers|next fixtures|fixtures|results|bowling|batting|fall of wickets)\s*:",
    re.I,
)


def _heading_end(line: re.Match[str]) -> int:
    """Where a line's heading ("Scorers:") ends, or the line's start when it has none."""
    heading = _HEADING.match(line.group())
    return line.start() + (heading.end() if heading else 0)


def repair_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Clean, filter and type one article's spans; each takes its entity's one type (ENTITY_KINDS)."""
    repaired = [
        Mention(c.start, c.end, c.text, group.kind) for group in _groups(text, mentions).values() for c in group.members
    ]
    return sorted(repaired, key=lambda m: m.start)


def _candidates(text: str, mentions: list[Mention], capitals: Ranges) -> list[Candidate]:
    found = []
    seen: set[tuple[int, int]] = set()
    in_tables = score_line_names(text) if _on("scores") or _on("scorers") or _on("venues") else ()
    sporting = (_on("venues") or _on("teams")) and is_sporting(text, bool(in_tables), _MATCH_SCORE)
    norp_ends = {m.end for m in mentions if m.label == "NORP"}
    if _on("line_breaks"):
        mentions = _split_at_line_breaks(text, mentions)
    if _on("join_adjacent"):
        mentions = _join_adjacent(text, mentions)
    listed = class_lists(text) if _on("class_lists") else []
    for mention in mentions:
        kind = KIND_OF_LABEL.get(mention.label)
        if (
            _on("party_members")
            and mention.label == "NORP"
            and (mention.text.casefold() in PARTY_MEMBERS or mention.text.isupper())
        ):
            kind = "organisation"  # "the Democrats", "the Tories"; an acronym is no nationality
        if kind is None:
            continue
        trimmed = _trim(text, mention.start, mention.end)
        if trimmed is None or trimmed[:2] in seen:  # chunks or callers may report a span twice
            continue
        start, end, titled = trimmed
        seen.add((start, end))
        if capitals.holds(start, end):
            continue  # a headline in capitals: its names are counted where written in mixed case
        if _on("junk") and is_junk(text, start, end, text[start:end]):
            continue
        if _on("works") and is_work_title(text, start, end):
            continue
        strength = 1.0
        if _on("types"):
            kind, strength = type_evidence(
                text, start, text[start:end], kind, mention.label, titled, facilities=_on("facilities")
            )
        if _on("teams") and sporting and mention.label == "GPE" and acts_as_team(text, start, end):
            kind, strength = "organisation", 1.5
        if _on("venues") and sporting and mention.label in ("ORG", "PERSON") and strength <= 1.0:
            if _VENUE_BEFORE.search(text, max(0, start - 8), start) and not has_org_head(text[start:end]):
                kind = "place"
        if kind == "person" and _on("widen_person"):
            start, end = _widen_person(text, start, end, titled, norp_ends)
        kind, strength = _listed_kind(start, end, kind, strength, listed)
        found.append(Candidate(start, end, text[start:end], kind, strength))
    if listed:
        covered = _covered_by(text, found)
        for list_start, list_end, kind in listed:
            for part in _LIST_PART.finditer(text, list_start, list_end):
                if not any(covered[part.start() : part.end()]) and not capitals.holds(part.start(), part.end()):
                    if not is_junk(text, part.start(), part.end(), part.group()):
                        found.append(Candidate(part.start(), part.end(), part.group(), kind, 1.0))
    return _add_layout_names(text, found, capitals, in_tables)


_LIST_PART = re.compile(r"[A-Z][^,]*?(?=,\s|,?\s+(?:and|or)\s+[A-Z]|$)")


def _listed_kind(
    start: int, end: int, kind: str, strength: float, listed: list[tuple[int, int, str]]
) -> tuple[str, float]:
    """A name in a list after a class noun takes the class's kind ("companies such as Spotify", "countries
    including Chad"), overruling the model and the local cues."""
    for list_start, list_end, list_kind in listed:
        if list_start <= start and end <= list_end:
            return list_kind, 2.0
    return kind, strength


def _add_layout_names(text: str, found: list[Candidate], capitals: Ranges, in_tables: Spans) -> list[Candidate]:
    """Names in score and tally lines: the model misses many (they become organisations unless the article's
    other mentions say otherwise), and a person it found beside a score is more often a team. A dateline's
    places and agency are typed by their place in it ("KHARTOUM/GENEVA (AFP) -"). Names in a
    scorers list ("Saka 23, 45 pen"), on a team sheet ("Barrow: Pritchard; Cole, Duggan...") and
    initial-and-surname names on table lines ("131 R McIlroy 66 65") are people, whatever the model made of
    them; so is everyone on a scorecard's batting and bowling lines ("J Root c Smith b Starc 45"), whose team
    opens its innings summary ("Surrey 341 (Pope 112; Abbott 4-71)")."""
    if _on("datelines"):
        placed = dateline_names(text)
        found = [c for c in found if not any(c.start < end and start < c.end for start, end, _ in placed)]
        found += [Candidate(start, end, _display(text[start:end]), kind, 2.0) for start, end, kind in placed]
    if _on("scores"):
        tables = Ranges(sorted(in_tables))
        found = [Candidate(c.start, c.end, c.text, "organisation", 1.0)
                 if c.kind == "person" and c.strength <= 1.0 and tables.holds(c.start, c.end) else c
                 for c in found]  # fmt: skip
        covered = _covered_by(text, found)
        found += [Candidate(start, end, _display(text[start:end]), "organisation", 0.5) for start, end in in_tables
                  if not any(covered[start:end])]  # fmt: skip
    people = list(scorer_names(text, in_tables)) if _on("scorers") else []
    people += initial_names(text) if _on("initials") else ()
    if _on("lineups"):
        players, teams = lineup_names(text)
        people += players
        covered = _covered_by(text, found)
        found += [Candidate(s, e, text[s:e], "organisation", 1.0) for s, e in teams if not any(covered[s:e])]
    if _on("cricket"):
        players, teams = cricket_names(text)
        people += players
        covered = _covered_by(text, found)
        found += [Candidate(s, e, text[s:e], "organisation", 1.0) for s, e in teams if not any(covered[s:e])]
    if people:
        spans: list[tuple[int, int]] = []
        for start, end in sorted(set(people)):
            if not capitals.holds(start, end) and not (spans and start < spans[-1][1]):
                spans.append((start, end))
        in_lists = Ranges(spans)
        found = [Candidate(c.start, c.end, c.text, "person", 1.5) if in_lists.holds(c.start, c.end) else c
                 for c in found]  # fmt: skip
        covered = _covered_by(text, found)
        found += [Candidate(s, e, text[s:e], "person", 1.0) for s, e in spans if not any(covered[s:e])]
    return sorted(found, key=lambda c: c.start)


def _display(name: str) -> str:
    """A name as the sidebar shows it: one in capitals from a dateline or a headline's result in title case
    ("KHARTOUM", "GARTHWAITE ROVERS")."""
    return name.title() if name.isupper() and len(name) > 3 else name


_VENUE_BEFORE = re.compile(r"\bat (?:the )?$")
# A match score ("3-1"): with sports words or a result line, what makes a text a match report. There a name
# after "at" that is no organisation by its words is where the match was played ("at Old Trafford").
_MATCH_SCORE = re.compile(r"(?<![\d.,-])\d{1,2}-\d{1,2}(?![\d-])")


def _widen_person(text: str, start: int, end: int, titled: bool, norp_ends: set[int]) -> tuple[int, int]:
    """Take in a regnal number or suffix ("Ramesses II", "King, Jr.") and a first name the model left out
    ("co-starring Ewan McGregor"): a capitalised word just before a one-word name, inside a sentence, that is
    no title and no affiliation the model tagged ("Republican Gary Whitcombe"). Before a full name such a
    word is a role ("Speaker Mike Johnson", "Whip Dick Durbin"), not a first name."""
    suffix = NAME_SUFFIX.match(text, end)
    end = suffix.end() if suffix else end
    before = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    one_word = " " not in text[start:end].strip()
    if before and not titled and start - 1 not in norp_ends and one_word:
        word = before.group(1).casefold()
        if word not in COMMON_WORDS and word not in PERSON_BEFORE and word not in MONTHS_AND_DAYS:
            start -= len(before.group(1)) + 1
    return start, end


def _split_at_line_breaks(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name never runs over a line break ("Holker Street" / "Tunde Okonjo" from a byline and the next
    paragraph): the first line's part keeps the model's label; a later part is kept, as a person, only when
    the model calls its last word a person elsewhere ("Okonjo")."""
    if not any("\n" in m.text for m in mentions):
        return mentions
    people = {w.casefold() for m in mentions if m.label == "PERSON" and "\n" not in m.text for w in m.text.split()}
    result = []
    for mention in mentions:
        if "\n" not in mention.text:
            result.append(mention)
            continue
        for index, part in enumerate(re.finditer(r"[^\n]+", mention.text)):
            start, end = mention.start + part.start(), mention.start + part.end()
            words = part.group().split()
            if not words or (index and words[-1].casefold() not in people):
                continue  # what the model read into the next line has nothing to go on
            label = "PERSON" if index else mention.label
            result.append(Mention(start, end, text[start:end], label))
    return result


def _join_adjacent(text: str, mentions: list[Mention]) -> list[Mention]:
    """Two names the model ends and starts a space apart are one ("Sony" "Australia", "Casa" "Santa Marta"):
    prose puts a word or a comma between two names. The first part's label stands for the whole."""
    result: list[Mention] = []
    for mention in mentions:
        last = result[-1] if result else None
        if (
            last is not None
            and last.label in KIND_OF_LABEL
            and mention.label in KIND_OF_LABEL
            and mention.start == last.end + 1
            and text[last.end] == " "
            and text[last.end - 1].isalpha()  # not "Kirkby Rovers 3" "Ashford United 1"
            and text[mention.start : mention.start + 1].isupper()
        ):
            result[-1] = Mention(last.start, mention.end, text[last.start : mention.end], last.label)
        else:
            result.append(mention)
    return result


def _trim(text: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """Span bounds without leading articles or titles, trailing possessives or edge punctuation."""
    titled = False
    # A span never crosses a paragraph break.
    cut = text.find("\n\n", start, end)
    end = cut if cut != -1 else end
    while _on("trim"):
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
        number = TRAILING_NUMBER.search(text, start, end) if _on("scores") else None
        end = number.start() if number else end
        stray = next((w for w in _NON_SPACE.finditer(text[start:end]) if is_stray_lower(w.group())), None)
        if stray is not None:  # "Von Bellingshausen sighted Antarctica", "another Academy Award"
            if stray.start() == 0:
                start += stray.end()
            else:
                end = start + stray.start()
        last = _LAST_LOWER.search(text[start:end])
        if last and (last.group(1) in COMMON_WORDS or last.group(1) in JOINERS):  # "Seychelles and", "Plaza de"
            end = start + last.start()
        letters = _LAST_LETTERS.search(text[start:end])
        if letters and letters.group(1).casefold() in POST_NOMINALS:  # "Sarah Whitlock KC", "Ann Lee, MP"
            end = start + letters.start()
        first = _FIRST_WORD.match(text[start:end])
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
        # The longest spelling, then one not in capitals (a headline's), then the commonest: "United States"
        # over "U.S.", "Halstead Town" over "HALSTEAD TOWN".
        return max(
            self.forms, key=lambda f: (len(f.split()), len(f.split()) == 1 or not f.isupper(), self.forms[f], len(f))
        )


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
    capitals = Ranges(capital_lines(text) if _on("capital_lines") else ())
    for candidate in _candidates(text, mentions, capitals):
        key = canonical_key(candidate.text)
        groups.setdefault(key, _Group(key)).add(candidate)
    if _on("short_forms"):
        _merge_short_forms(groups)
    if _on("missed_mentions"):
        _find_missed_mentions(text, groups, capitals)
    if _on("acronyms"):
        _add_acronyms(text, groups, capitals, mentions)
    return groups


def _covered(text: str, groups: dict[str, _Group]) -> bytearray:
    """One flag per character: set where a mention already lies."""
    return _covered_by(text, [c for group in groups.values() for c in group.members])


def _covered_by(text: str, candidates: list[Candidate]) -> bytearray:
    covered = bytearray(len(text))
    for c in candidates:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    return covered


def _add_acronyms(text: str, groups: dict[str, _Group], capitals: Ranges, mentions: list[Mention]) -> None:
    """Capitalised abbreviations the model left unlabelled are organisations (or, for "UK", places); one inside
    any span the model labelled, even one the sidebar does not show ("the FA Cup", an event), is part of it."""
    if sum(map(str.isupper, text)) > 0.3 * sum(map(str.isalpha, text)):
        return  # a text in capitals has no telling abbreviations
    covered = _covered(text, groups)
    for mention in mentions:
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    for match in re.finditer(r"(?<![\w.'’-])[A-Z]{2,6}(?![\w'’-])", text):
        word = match.group()
        if word.casefold() in PLAIN_ACRONYMS or ROMAN.fullmatch(word) or any(covered[match.start() : match.end()]):
            continue
        if capitals.holds(match.start(), match.end()):
            continue  # in a headline in capitals every word looks like an abbreviation
        if re.match(r" [A-Z]{2,}\b", text[match.end() : match.end() + 4]) or re.search(
            r"\b[A-Z]{2,} $", text[max(0, match.start() - 4) : match.start()]
        ):
            continue  # one word of a name in capitals ("SAN FRANCISCO"), not an abbreviation
        key = canonical_key(word)
        kind = "place" if key != word.casefold() and key in ("united states", "united kingdom") else "organisation"
        groups.setdefault(key, _Group(key)).add(Candidate(match.start(), match.end(), word, kind, 0.5))
        covered[match.start() : match.end()] = b"\x01" * len(word)


def _find_missed_mentions(text: str, groups: dict[str, _Group], capitals: Ranges) -> None:
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
    # Spellings by their first three characters (and in capitals, for headlines set in capitals), so each
    # word start is checked against the few spellings that can begin there: time grows with the text,
    # not with the text times the entities.
    by_prefix: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for form in sorted(owner, key=len, reverse=True):
        by_prefix[form[:3]].append((form, form))
        if capitals.ranges and form.upper() != form:
            by_prefix[form.upper()[:3]].append((form.upper(), form))
    covered = _covered(text, groups)
    for word in _WORD_START.finditer(text):
        at = word.start()
        for written, form in by_prefix.get(text[at : at + 3], ()):
            end = at + len(written)
            if not text.startswith(written, at) or (end < len(text) and (text[end].isalnum() or text[end] in "_-")):
                continue
            if any(covered[at:end]) or (written != form and not capitals.holds(at, end)):
                continue
            covered[at:end] = b"\x01" * (end - at)
            owner[form].members.append(Candidate(at, end, form, "", 0.0))
            break


_WORD_START = re.compile(r"(?<![\w'’-])\w")


def _merge_short_forms(groups: dict[str, _Group]) -> None:
    """Fold "Putin" into "Vladimir Putin" and "NASA" into its spelled-out name, when exactly one fits; a person's
    surname also folds into a two-word name the model typed otherwise ("Ochieng" into "Jamal Ochieng", a place),
    where the votes of both decide the type: one row, not a person and a place."""
    index: dict[str, list[_Group]] = defaultdict(list)
    for group in groups.values():
        words = group.key.split()
        if len(words) < 2:
            continue
        index["\0" + _initials(words)].append(group)
        if group.kind != "person" and _on("split_types") and could_be_a_full_name(group.name):
            if all(c.strength <= 1.0 for c in group.members):  # the model's type, no cue behind it
                index["\1" + words[-1]].append(group)  # a full name typed otherwise ("Jamal Ochieng", place)
        if group.kind == "person":
            # "Putin", "Vladimir Putin" for "Vladimir Vladimirovich Putin", "C Alcaraz" for "Carlos Alcaraz".
            initial = f"{words[0][0]} {words[-1]}" if _on("initials") and len(words[0]) > 1 else ""
            for short_key in {words[0], words[-1], f"{words[0]} {words[-1]}" if len(words) > 2 else "", initial} - {""}:
                index[short_key].append(group)
    for short in sorted(groups.values(), key=lambda g: len(g.key.split())):
        words = short.key.split()
        if len(words) > 2:
            break
        targets = [long for long in index.get(short.key, []) if long is not short and short.kind != "place"]
        if len(words) == 1 and short.kind == "person" and not targets:
            targets = list(index.get("\1" + short.key, []))  # the votes of both decide its type
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
