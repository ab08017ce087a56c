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

from spacereader.entities.canonical import canonical_key, fold
from spacereader.models import ExtractedEntity, Mention

KIND_OF_LABEL = {"PERSON": "person", "PER": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place"}
"""Model labels that the sidebar shows; NORP, DATE, WORK_OF_ART and the rest are dropped."""

# Words that are capitalised only because they start a sentence or a heading, never names on their own.
COMMON_WORDS = frozenset(
    """a about above after again against all also although among an and another any are as at because
    before being below between both but by can could despite did do does during each either even every
    few for from had has have he her here hers him his how however i if in into is it its just last later
    many may meanwhile might more most much my neither next no nor not now of off on once only or other
    our out over own perhaps same she should since so some still such than that the their them then there
    these they this those though through thus to today tomorrow too under unlike until up upon us very was
    we were what when where whether which while who whom whose why will with within without would yes
    yesterday yet you your according earlier first second third new old former despite instead overall
    please thanks thank breaking update editor opinion analysis exclusive watch read photo video""".split()
)
_MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
_TIME_ZONES = frozenset("gmt utc bst cet cest est edt pst pdt cst cdt mst mdt ist jst aest am pm bc bce ad ce".split())
# Capitalised generic nouns that name no one in particular ("the Government said").
_GENERIC = frozenset(
    """government army navy police council ministry interior justice defence defense state court parliament
    cabinet opposition administration treasury embassy church crown empire kingdom republic""".split()
)
_JOINERS = frozenset(
    "of the and for on upon de la le les du des von van der den ter al el bin ibn da di do dos das del y e et & on-".split()
)
_EVENT_HEADS = frozenset(
    """war wars revolt rebellion uprising crisis treaty battle age ages period era renaissance reformation award
    awards prize championship championships festival olympics games cup islam judaism christianity hinduism
    sunday""".split()
)
# A person after these is unusual; a place is the rule ("born in Castelfranco Veneto").
_PLACE_BEFORE = frozenset(
    """in near into across outside inside towards toward via throughout past within beyond around conquered
    invaded captured annexed visited""".split()
)
# Last words that make a name a place whatever the model said ("Gezira Island", "Royal National Park").
_PLACE_HEADS = frozenset(
    """island islands isles indies hill hills park tower center centre fault river lake mountain mountains
    valley bay coast peninsula desert forest sea ocean strait straits canal region district county province
    villa gardens garden airport station stadium square street avenue""".split()
)
# Titles and roles are not part of a name (the common annotation guideline) and say the span is a person.
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady rev president vice senator sen rep representative governor gov
    mayor minister chancellor premier king queen prince princess pope judge justice general gen colonel col
    captain capt lieutenant sergeant commander admiral chairman chairwoman ceo chief director secretary
    ambassador actress actor filmmaker director singer rapper writer author coach striker player officer
    spokesman spokeswoman spokesperson professor dr. sheikh emir ayatollah cardinal bishop tsar czar emperor
    empress kaiser sultan shah pharaoh""".split()
)
# Words just before a name that say it is a person without being part of it ("his wife, Norma Talmadge").
_PERSON_BEFORE = _TITLES | frozenset(
    """wife husband son daughter brother sister nephew niece aunt uncle cousin father mother grandson
    granddaughter widow friend rival partner manufacturer starring co-starring""".split()
)
# What follows a person's name and rarely an organisation's: a relative "who", or a family noun after
# a possessive. Speech verbs are not used: "Microsoft said" is as common as "Saqib said".
_PERSON_AFTER = re.compile(
    r"(?:\s*,?\s*(?:who|whose)\b)|(?:['’]s\s+(?:wife|husband|son|daughter|mother|father|brother|sister|"
    r"family|parents|career|life|death|birth|childhood)\b)"
)
_NAME_SUFFIX = re.compile(r"(?:\s+[IVX]{1,4}|,?\s+Jr\.?|,?\s+Sr\.?)(?![\w'’])")
_PLACE_OF = re.compile(
    r"\b(?:mayor|duke|duchess|earl|king|kings|queen|governor|city|town|history|part|parts|region|province|"
    r"port|coast|capital|outskirts|centre|center|north|south|east|west|people|streets|bay|gulf|pass|"
    r"principality|kingdom|countess|count|prince|princess|state|invasion|conquest|mayor) of$"
)
_PERSON_PHRASES = frozenset(
    "according to|directed by|written by|played by|produced by|starring as|married to|interview with".split("|")
)
# A one-word organisation label followed by a verb of saying or thinking is most often a surname.
_SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|wrote|believed|believes|thought|thinks|decided|recalled|admitted|insisted|added|"
    r"explained|argued|replied|married|met|reportedly|also|later|went|became|died)\b"
)
_ORG_HEADS = frozenset(
    """inc corp corporation company co ltd llc plc group bank agency ministry department university college
    school party council committee association institute foundation union commission network news times
    post court army navy force forces police service board federation league club airlines airways press
    organisation organization society fund authority administration bureau office parliament congress senate
    assembly reserve exchange institution center centre labs technologies motors studios records""".split()
)
# Facility heads: a FAC span with one of these really is a place; without one it is usually an organisation.
_FACILITY_HEADS = frozenset(
    """station airport stadium arena bridge tower building hall square street road avenue palace castle
    cathedral church mosque temple museum park hospital prison port harbour harbor dam canal highway tunnel
    base house centre center gate wall mall hotel""".split()
)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_JUNK = " \t\n\"'“”‘’«»()[]{},;:!?*–—-"
_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\w.,]*")


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
        if mention.label == "NORP" and (mention.text.casefold() in _PARTY_MEMBERS or mention.text.isupper()):
            kind = "organisation"  # "the Democrats", "the Tories"; an acronym is no nationality
        if kind is None:
            continue
        trimmed = _trim(text, mention.start, mention.end)
        if trimmed is None or trimmed[:2] in seen:  # chunks or callers may report a span twice
            continue
        start, end, titled = trimmed
        seen.add((start, end))
        if _is_junk(text, start, end, text[start:end]):
            continue
        kind, strength = _type_evidence(text, start, text[start:end], kind, mention.label, titled)
        if kind == "person":
            start, end = _widen_person(text, start, end, titled)
        found.append(Candidate(start, end, text[start:end], kind, strength))
    return _join_town_and_region(text, found)


def _widen_person(text: str, start: int, end: int, titled: bool) -> tuple[int, int]:
    """Take in a regnal number or suffix ("Ramesses II", "King, Jr.") and a first name the model left out
    ("co-starring Ewan McGregor"): a capitalised word just before, inside a sentence, that is no title."""
    suffix = _NAME_SUFFIX.match(text, end)
    end = suffix.end() if suffix else end
    before = re.search(r"(?<=[a-z,;:] )([A-Z][a-z]+) $", text[max(0, start - 40) : start])
    if before and not titled:
        word = before.group(1).casefold()
        if word not in COMMON_WORDS and word not in _PERSON_BEFORE and word not in _MONTHS_AND_DAYS:
            start -= len(before.group(1)) + 1
    return start, end


def _join_town_and_region(text: str, found: list[Candidate]) -> list[Candidate]:
    """"Denver, Colorado" is one place, unless it is part of a longer list ("France, Spain and Italy")."""
    result: list[Candidate] = []
    index = 0
    while index < len(found):
        here = found[index]
        after = found[index + 1] if index + 1 < len(found) else None
        joinable = (
            after is not None
            and here.kind == after.kind == "place"
            and text[here.end : after.start] == ", "
            and not _LIST_GAP.match(text, after.end)
            and not (result and result[-1].kind == "place" and _BETWEEN_LISTED.fullmatch(text[result[-1].end : here.start]))
        )
        if joinable:
            result.append(Candidate(here.start, after.end, text[here.start : after.end], "place", max(here.strength, after.strength)))
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
        stray = next((w for w in re.finditer(r"\S+", text[start:end]) if _is_stray_lower(w.group())), None)
        if stray is not None:  # "Von Bellingshausen sighted Antarctica", "another Academy Award"
            if stray.start() == 0:
                start += stray.end()
            else:
                end = start + stray.start()
        last = re.search(r"\s+([a-z]+)$", text[start:end])
        if last and (last.group(1) in COMMON_WORDS or last.group(1) in _JOINERS):  # "Seychelles and", "Plaza de"
            end = start + last.start()
        first = re.match(r"(\S+)\s+", text[start:end])
        if first:
            word = first.group(1).casefold().rstrip(".")
            if word in ("the", "a", "an") or word in _TITLES:
                titled = titled or word in _TITLES
                start += first.end()
        if (start, end) == before:
            break
    if end - start < 2:
        return None
    return start, end, titled


def _is_stray_lower(word: str) -> bool:
    """A lower-case word that cannot sit inside a name (joiners such as "of" and "van" can)."""
    return word[:1].islower() and word.strip(".,") not in _JOINERS and not word.startswith(("d'", "l'", "al-", "el-"))


def _is_junk(text: str, start: int, end: int, name: str) -> bool:
    """Dates, times, numbers, lower-case phrases, common words, and quoted titles of works."""
    words = _WORD.findall(name)
    if not words or not any(ch.isupper() for ch in name):
        return True
    folded = [w.casefold().strip(".") for w in words]
    if any(w[0].isdigit() for w in words) and len(words) <= 2:
        return True
    # Acronyms are exempt: "US" and "IT" are names when written in capitals.
    if len(folded) == 1 and (folded[0] in _GENERIC or re.search(r"(?:ians|eans|ites|ese)$", folded[0])):
        return True  # a generic noun, or a people's name ("Slavs", "Canaanites"), which is no entity
    if folded[-1] in _EVENT_HEADS or folded[0] in ("battle", "treaty") or re.search(r"ism$", folded[-1]):
        return True  # events, eras, awards and beliefs are not people, organisations or places
    if all(w in _MONTHS_AND_DAYS or w in _TIME_ZONES or (w in COMMON_WORDS and not o.isupper()) for w, o in zip(folded, words)):
        return True
    if folded[-1] in _TIME_ZONES or folded[0] in _MONTHS_AND_DAYS and len(words) <= 2:
        return True
    # A quoted span is the title of a film, book or song, not a name.
    opens = text[max(0, start - 1) : start]
    closes = text[end : end + 2]
    return opens in ("“", '"', "‘") and any(q in closes for q in ("”", '"', "’"))


def _type_evidence(text: str, start: int, name: str, kind: str, label: str, titled: bool) -> tuple[str, float]:
    """The span's kind after local evidence, and how much its vote should count."""
    words = [w.casefold().strip(".") for w in name.split()]
    previous = re.findall(r"[\w.]+", text[max(0, start - 30) : start])
    previous_word = previous[-1].casefold().rstrip(".") if previous else ""
    if titled or previous_word in _PERSON_BEFORE or _PERSON_AFTER.match(text, start + len(name)):
        return "person", 2.0
    if label != "GPE" and label != "LOC" and any(w in _ORG_HEADS for w in words):
        # Not for countries: "Soviet Union" is a place although "union" usually heads an organisation.
        return "organisation", 2.0
    if label in ("PERSON", "ORG") and (previous_word in _PLACE_BEFORE or words[-1] in _PLACE_HEADS):
        return "place", 1.0
    if label in ("PERSON", "ORG") and _PLACE_OF.search(" ".join(previous[-2:]).casefold()):
        return "place", 1.0
    if label == "PERSON" and previous_word == "the" and len(words) == 1:
        # People's names do not take "the" ("the Danube", "the Sahel"); a full name after "the" is a
        # modifier instead ("the Donald Trump impersonator").
        return "place", 1.0
    if " ".join(w.casefold() for w in previous[-2:]) in _PERSON_PHRASES:
        return "person", 1.5
    if label == "ORG" and len(words) == 1 and not name.isupper() and _SPEECH_AFTER.match(text, start + len(name)):
        return "person", 1.0
    if label == "ORG" and len(words) == 1 and not name.isupper() and _gendered_nearby(text, start + len(name)):
        return "person", 1.0
    if label == "FAC":
        # Facilities are places when named for one ("Kennedy Space Center"); the model also tags
        # agencies and brands FAC, and those are organisations.
        return ("place", 1.5) if words[-1] in _FACILITY_HEADS else ("organisation", 0.5)
    return kind, 1.0


# Members of a party stand for the party; the model calls them a group of people (NORP).
_PARTY_MEMBERS = frozenset(
    """democrats republicans tories conservatives liberals socialists communists greens nationalists unionists
    labour whigs""".split()
)
# Capitalised abbreviations that name no organisation; any other unlabelled one (GCHQ, RSPB) usually does.
_PLAIN_ACRONYMS = frozenset(
    """ceo cfo coo cto gdp tv dna rna hiv aids ufo lgbt lgbtq id ok am pm fm vat iq pc usb gps sms pdf faq
    diy vip mp mps mep ad bc bce ce gmt utc est pst cet bst km kg mph rpm ai it vr ar cv phd mba ba ma bsc
    msc mvp nfl nba mlb nhl covid sars mers ebola rip pr hr rd ps aka asap fyi tba tbc""".split()
)

_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")  # regnal numbers up to XXXIX, not "CDC"

# What separates names in a list: a comma, "and" or "or".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)(?=[A-Z])")
_BETWEEN_LISTED = re.compile(r"\s*(?:,\s*(?:and|or)?|\s+and|\s+or)\s*")
_GENDERED = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_NEUTER = re.compile(r"\b(?:its|itself)\b", re.IGNORECASE)


def _gendered_nearby(text: str, end: int, width: int = 120) -> bool:
    """Whether the words after a name say "he" or "she" and never "its": organisations are "it"."""
    window = text[end : end + width].split("\n\n")[0]
    return bool(_GENDERED.search(window)) and not _NEUTER.search(window)


@dataclass
class _Group:
    key: str
    votes: Counter = field(default_factory=Counter)
    forms: Counter = field(default_factory=Counter)
    members: list[Candidate] = field(default_factory=list)

    def add(self, candidate: Candidate) -> None:
        self.votes[candidate.kind] += candidate.strength
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


def _add_acronyms(text: str, groups: dict[str, _Group]) -> None:
    """Capitalised abbreviations the model left unlabelled are organisations (or, for "UK", places)."""
    taken = [(c.start, c.end) for group in groups.values() for c in group.members]
    if sum(1 for ch in text if ch.isupper()) > 0.3 * sum(1 for ch in text if ch.isalpha()):
        return  # a text in capitals has no telling abbreviations
    for match in re.finditer(r"(?<![\w.'’-])[A-Z]{2,6}(?![\w'’-])", text):
        word = match.group()
        if word.casefold() in _PLAIN_ACRONYMS or _ROMAN.fullmatch(word) or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        key = canonical_key(word)
        kind = "place" if key != word.casefold() and key in ("united states", "united kingdom") else "organisation"
        groups.setdefault(key, _Group(key)).add(Candidate(match.start(), match.end(), word, kind, 0.5))
        taken.append(match.span())


def _find_missed_mentions(text: str, groups: dict[str, _Group]) -> None:
    """Count later plain occurrences of a name the model found once but missed elsewhere.

    The model often skips a repeated name at the start of a sentence ("Merkel smiled."); a whole-word,
    same-case occurrence of a spelling already found, or of a person's surname when only one person in
    the article has it, is the same entity.
    """
    taken = [(c.start, c.end) for group in groups.values() for c in group.members]
    surnames = Counter(g.name.split()[-1] for g in groups.values() if g.kind == "person" and len(g.name.split()) > 1)
    for group in list(groups.values()):
        forms = {form for form in group.forms if len(form) >= 3}
        if group.kind == "person" and len(group.name.split()) > 1 and surnames[group.name.split()[-1]] == 1:
            forms.add(group.name.split()[-1])
        for form in sorted(forms, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w'’-]){re.escape(form)}(?![\w-])", text):
                if any(start < match.end() and match.start() < end for start, end in taken):
                    continue
                taken.append(match.span())
                group.members.append(Candidate(match.start(), match.end(), form, group.kind, 0.0))


def _merge_short_forms(groups: dict[str, _Group]) -> None:
    """Fold "Putin" into "Vladimir Putin" and "NASA" into its spelled-out name, when exactly one fits."""
    by_length = sorted(groups.values(), key=lambda g: len(g.key.split()))
    for short in by_length:
        short_words = short.key.split()
        targets = [
            long
            for long in groups.values()
            if long is not short and len(long.key.split()) > len(short_words) and _is_short_form(short, long)
        ]
        if len(targets) == 1:
            targets[0].absorb(short)
            del groups[short.key]


def _is_short_form(short: _Group, long: _Group) -> bool:
    short_words = short.key.split()
    long_words = long.key.split()
    if long.kind == "person" and short.kind != "place":
        # A surname (or first name) alone, or first plus last without the middle name.
        if len(short_words) == 1:
            return short_words[0] in (long_words[-1], long_words[0])
        return short_words == [long_words[0], long_words[-1]]
    if len(short_words) == 1 and short.name.isupper() and len(short.name) >= 2:
        initials = "".join(w[0] for w in long_words if w not in ("of", "and", "the", "for", "de"))
        return short_words[0] == initials
    return False


def _salience(starts: list[int], length: int) -> float:
    """Mentions weighted towards the start: the headline and lead say what a news story is about."""
    return round(sum(1.0 + 2.0 * (1.0 - start / length) ** 2 for start in starts), 4)


def display_key(name: str) -> str:
    """The folded spelling of a name, for tests and matching that ignore case and dots."""
    return fold(name)
