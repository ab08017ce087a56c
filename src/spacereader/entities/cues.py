"""What the words around a span say: lexicons and context cues that fix the model's types and junk.

Every list here is a general class of word (titles, facility nouns, months), never particular names.
"""

from __future__ import annotations

import re

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
MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
_TIME_ZONES = frozenset("gmt utc bst cet cest est edt pst pdt cst cdt mst mdt ist jst aest am pm bc bce ad ce".split())
# Capitalised generic nouns that name no one in particular ("the Government said").
_GENERIC = frozenset(
    """government army navy police council ministry interior justice defence defense state court parliament
    cabinet opposition administration treasury embassy church crown empire kingdom republic""".split()
)
JOINERS = frozenset(
    """of the and for on upon de la le les du des von van der den ter al el bin ibn da di do dos das del y e et
    &""".split()
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
    villa gardens garden airport station stadium square street avenue oblast krai prefecture governorate canton
    municipality borough parish township voivodeship arrondissement emirate""".split()
)
# Titles and roles are not part of a name (the common annotation guideline) and say the span is a person.
TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady rev president vice senator sen rep representative governor gov
    mayor minister chancellor premier king queen prince princess pope judge justice general gen colonel col
    captain capt lieutenant sergeant commander admiral chairman chairwoman ceo chief director secretary
    ambassador actress actor filmmaker director singer rapper writer author coach striker player officer
    spokesman spokeswoman spokesperson professor dr. sheikh emir ayatollah cardinal bishop tsar czar emperor
    empress kaiser sultan shah pharaoh""".split()
)
# Words just before a name that say it is a person without being part of it ("his wife, Norma Talmadge").
PERSON_BEFORE = TITLES | frozenset(
    """wife husband son daughter brother sister nephew niece aunt uncle cousin father mother grandson
    granddaughter widow friend rival partner manufacturer starring co-starring""".split()
)
# What follows a person's name and rarely an organisation's: a relative "who", or a family noun after
# a possessive. Speech verbs are not used: "Microsoft said" is as common as "Saqib said".
_PERSON_AFTER = re.compile(
    r"(?:\s*,?\s*(?:who|whose)\b)|(?:['’]s\s+(?:wife|husband|son|daughter|mother|father|brother|sister|"
    r"family|parents|career|life|death|birth|childhood)\b)"
)
NAME_SUFFIX = re.compile(r"(?:\s+[IVX]{1,4}|,?\s+Jr\.?|,?\s+Sr\.?)(?![\w'’])")
_PLACE_OF = re.compile(
    r"\b(?:mayor|duke|duchess|earl|king|kings|queen|governor|city|town|history|part|parts|region|province|"
    r"port|coast|capital|outskirts|centre|center|north|south|east|west|people|streets|bay|gulf|pass|"
    r"principality|kingdom|countess|count|prince|princess|state|invasion|conquest|mayor) of$"
)
# Staff "at" a name work for an organisation there.
_WORKS_AT = re.compile(
    r"\b(?:analysts?|economists?|strategists?|researchers?|scientists?|engineers?|executives?|officials?|"
    r"partners?|traders?|bankers?|staff|employees?|workers?|lawyers?|professors?|lecturers?) at $",
    re.IGNORECASE,
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
    assembly reserve exchange institution center centre labs technologies motors studios records bancorp
    holdings securities energy capital partners pharmaceuticals systems insurance investments industries media
    entertainment telecom brands""".split()
)
# Facility heads: a FAC span with one of these really is a place; without one it is usually an organisation.
_FACILITY_HEADS = frozenset(
    """station airport stadium arena bridge tower building hall square street road avenue palace castle
    cathedral church mosque temple museum park hospital prison port harbour harbor dam canal highway tunnel
    base house centre center gate wall mall hotel""".split()
)
# Members of a party stand for the party; the model calls them a group of people (NORP).
PARTY_MEMBERS = frozenset(
    """democrats republicans tories conservatives liberals socialists communists greens nationalists unionists
    labour whigs""".split()
)
# Letters after a name (honours, offices, degrees) are no part of it: "Sarah Whitlock KC", "Ann Lee MP".
POST_NOMINALS = frozenset("kc qc mp mep msp obe mbe cbe kbe dbe frs phd jp".split())
# Capitalised abbreviations that name no organisation; any other unlabelled one (GCHQ, RSPB) usually does.
PLAIN_ACRONYMS = frozenset(
    """ceo cfo coo cto gdp tv dna rna hiv aids ufo lgbt lgbtq id ok am pm fm vat iq pc usb gps sms pdf faq
    diy vip mp mps mep ad bc bce ce gmt utc est pst cet bst km kg mph rpm ai it vr ar cv phd mba ba ma bsc
    msc mvp nfl nba mlb nhl covid sars mers ebola rip pr hr rd ps aka asap fyi tba tbc kc qc obe mbe cbe kbe
    dbe frs""".split()
)

ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")  # regnal numbers up to XXXIX, not "CDC"

_GENDERED = re.compile(r"\b(?:he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
_NEUTER = re.compile(r"\b(?:its|itself)\b", re.IGNORECASE)


def _gendered_nearby(text: str, end: int, width: int = 120) -> bool:
    """Whether the words after a name say "he" or "she" and never "its": organisations are "it".

    Not for a name in brackets, an aside whose sentence is about someone else: "LONDON (Reuters) - Ada Birk
    said he...".
    """
    if text.startswith(")", end):
        return False
    window = text[end : end + width].split("\n\n")[0]
    return bool(_GENDERED.search(window)) and not _NEUTER.search(window)


_WORD = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\w.,]*")
_PEOPLES_END = re.compile(r"(?:ians|eans|ites|ese)$")
_WORDS_BEFORE = re.compile(r"[\w.]+")


def is_stray_lower(word: str) -> bool:
    """A lower-case word that cannot sit inside a name (joiners such as "of" and "van" can)."""
    return word[:1].islower() and word.strip(".,") not in JOINERS and not word.startswith(("d'", "l'", "al-", "el-"))


def is_junk(text: str, start: int, end: int, name: str) -> bool:
    """Dates, times, numbers, lower-case phrases, common words, and quoted titles of works."""
    words = _WORD.findall(name)
    if not words or not any(ch.isupper() for ch in name):
        return True
    folded = [w.casefold().strip(".") for w in words]
    if any(w[0].isdigit() for w in words) and len(words) <= 2:
        return True
    if len(folded) == 1 and folded[0] in PLAIN_ACRONYMS and name.isupper():
        return True  # "AI", "GDP", "CEO": abbreviations that name no one
    if len(folded) == 1 and (folded[0] in _GENERIC or _PEOPLES_END.search(folded[0])):
        return True  # a generic noun, or a people's name ("Slavs", "Canaanites"), which is no entity
    if folded[-1] in _EVENT_HEADS or folded[0] in ("battle", "treaty") or folded[-1].endswith("ism"):
        return True  # events, eras, awards and beliefs are not people, organisations or places
    # Abbreviations are exempt: "US" and "IT" are names when written in capitals.
    if all(
        w in MONTHS_AND_DAYS or w in _TIME_ZONES or (w in COMMON_WORDS and not o.isupper())
        for w, o in zip(folded, words)
    ):
        return True
    if folded[-1] in _TIME_ZONES or folded[0] in MONTHS_AND_DAYS and len(words) <= 2:
        return True
    # A quoted span is the title of a film, book or song, not a name.
    opens = text[max(0, start - 1) : start]
    closes = text[end : end + 2]
    return opens in ("“", '"', "‘") and any(q in closes for q in ("”", '"', "’"))


def type_evidence(
    text: str, start: int, name: str, kind: str, label: str, titled: bool, facilities: bool = True
) -> tuple[str, float]:
    """The span's kind after local evidence, and how much its vote should count (`facilities`: the bench's
    switch for the rule that a facility is a place)."""
    words = [w.casefold().strip(".") for w in name.split()]
    previous = _WORDS_BEFORE.findall(text[max(0, start - 30) : start])
    previous_word = previous[-1].casefold().rstrip(".") if previous else ""
    if titled or previous_word in PERSON_BEFORE or _PERSON_AFTER.match(text, start + len(name)):
        return "person", 2.0
    built = facilities and words[-1] in _FACILITY_HEADS | _PLACE_HEADS and words[-1] not in _ORG_HEADS
    if label in ("PERSON", "GPE") and _WORKS_AT.search(text, max(0, start - 40), start):
        return "organisation", 1.5  # "analysts at Bernstein", "a researcher at Cardiff"
    if label != "GPE" and label != "LOC" and any(w in _ORG_HEADS for w in words) and not built:
        # A facility's last word outranks an organisation word inside it: "South Bank Tower" is a building.
        # Not for countries: "Soviet Union" is a place although "union" usually heads an organisation.
        return "organisation", 2.0
    if label in ("PERSON", "ORG") and (previous_word in _PLACE_BEFORE or words[-1] in _PLACE_HEADS):
        return "place", 1.2
    if label in ("PERSON", "ORG") and _PLACE_OF.search(" ".join(previous[-2:]).casefold()):
        return "place", 1.2
    if label == "PERSON" and previous_word == "the" and len(words) == 1:
        # People's names do not take "the" ("the Danube", "the Sahel"); a full name after "the" is a
        # modifier instead ("the Donald Trump impersonator").
        return "place", 1.2
    if " ".join(w.casefold() for w in previous[-2:]) in _PERSON_PHRASES:
        return "person", 1.5
    if label == "ORG" and len(words) == 1 and not name.isupper() and _SPEECH_AFTER.match(text, start + len(name)):
        return "person", 1.0
    if label == "ORG" and len(words) == 1 and not name.isupper() and _gendered_nearby(text, start + len(name)):
        return "person", 1.0
    if label == "FAC":
        # Facilities are places ("Kennedy Space Center", "Villa Pelucca"); the model also tags agencies and
        # brands FAC, and those are mostly one word ("Roscosmos") or carry an organisation word (typed above).
        if words[-1] in _FACILITY_HEADS:
            return "place", 1.5
        return ("place", 1.0) if facilities and len(words) > 1 else ("organisation", 0.5)
    return kind, 1.0


# A country or town standing for its team or government: "England are", "the Australia side", "beating Wales".
_TEAM_AFTER = re.compile(r"\s+(?:are|were|have|side|team|squad|XI|coach|captain|manager|players)\b")
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beats|beating|against|v|vs|lost to|draw with|drew with|defeated|host|hosted)\.? $"
)


_COORDINATED = re.compile(r"(?:,|\band|\bor) $")


def acts_as_team(text: str, start: int, end: int) -> bool:
    """Whether a place name is used as a team: a plural verb or a team noun after it, a match verb before it.

    Not the second of two names, whose verb is plural for both ("Canada and Mexico have welcomed").
    """
    before = text[max(0, start - 12) : start]
    return bool((_TEAM_AFTER.match(text, end) and not _COORDINATED.search(before)) or _TEAM_BEFORE.search(before))


# Words that only match reports use: with a score such as "3-1" they make a text sporting ("68-31" alone is
# as likely a vote).
SPORT_WORDS = re.compile(
    r"\b(?:goals?|scored|scorers?|striker|midfielder|goalkeeper|penalty|half-time|full-time|kick-off|"
    r"stoppage time|innings|wickets?|tries|touchdowns?|quarterback|tie-break|birdied|birdies|bogey|"
    r"home runs?|semi-final|quarter-final|relegation|referee|fixture|league|cup)\b",
    re.IGNORECASE,
)


def is_sporting(text: str, has_result_lines: bool, match_score: re.Pattern[str]) -> bool:
    """Whether the text reports matches: result lines, or a score with at least two kinds of sports word."""
    if has_result_lines:
        return True
    if not match_score.search(text):
        return False
    return len({m.group().casefold() for m in SPORT_WORDS.finditer(text)}) >= 2


# Titles of works are no people, organisations or places: "the film Gravity", "his hit Monster Mash",
# "in Sabrina (1954)".
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|album|song|single|hit|novel|book|series|sitcom|show|opera|musical|painting|poem|play)"
    r"\s+(?:was\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s*\((?:19|20)\d\d\)")


def is_work_title(text: str, start: int, end: int) -> bool:
    """Whether the span names a work: a work noun just before it, or a year in brackets just after it."""
    return bool(_WORK_BEFORE.search(text[max(0, start - 30) : start]) or _YEAR_AFTER.match(text, end))


def has_org_head(name: str) -> bool:
    """Whether a word of the name says organisation ("Club", "Ltd", "University")."""
    return any(w.casefold().strip(".") in _ORG_HEADS for w in name.split())


# A class noun before a list says what its names are: "companies such as Spotify, Tesla and Uber", "countries
# including Chad and Niger", "players like Ada Birk". Only plural class nouns: "a company like ..." is as often
# a comparison with a name of another kind.
_CLASS_KINDS = {
    **dict.fromkeys(
        """companies firms groups banks lenders insurers brands retailers supermarkets chains carriers airlines
        websites sites platforms apps broadcasters networks newspapers publishers papers outlets clubs teams sides
        parties unions charities agencies universities colleges schools manufacturers makers carmakers chipmakers
        developers studios labels investors funds rivals competitors suppliers customers clients sponsors
        organisations organizations institutions bodies regulators operators providers""".split(),
        "organisation",
    ),
    **dict.fromkeys(
        """countries nations states cities towns villages regions provinces capitals places destinations markets
        economies territories islands counties districts neighbourhoods neighborhoods suburbs""".split(),
        "place",
    ),
    **dict.fromkeys(
        """people players stars artists actors actresses singers musicians writers authors politicians leaders
        candidates ministers figures celebrities directors executives founders scientists""".split(),
        "person",
    ),
}
_NAME_RUN = r"[A-Z][\w&'’.-]*(?:\s+(?:of\s+|&\s+|de\s+)?[A-Z][\w&'’.-]*)*"
_LIST_OPENER = re.compile(r"\b([A-Za-z]+)\s+(?:such\s+as|like|including)\s+(?=[A-Z])")
_NAME_LIST = re.compile(_NAME_RUN + r"(?:(?:,\s+|,?\s+(?:and|or)\s+)" + _NAME_RUN + r")*")


def class_lists(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each list of names after a plural class noun ("companies such as Spotify, Tesla
    and Uber" -> the span of "Spotify, Tesla and Uber", organisation)."""
    found = []
    for opener in _LIST_OPENER.finditer(text):  # "such as" is rare: look for the noun only there
        kind = _CLASS_KINDS.get(opener.group(1).casefold())
        names = _NAME_LIST.match(text, opener.end()) if kind else None
        if kind and names:
            found.append((names.start(), names.end(), kind))
    return found


# First words of place names, never a person's first name: "Port Harlan", "Lake Tarn", "North Darfur".
_PLACE_OPENERS = frozenset(
    "port fort san santa new north south east west lake mount cape saint st upper lower great little".split()
)


def could_be_a_full_name(name: str) -> bool:
    """Whether a two-word name the model typed as a place or organisation could be a person's ("Jamal Ochieng"):
    no word of a place's or an organisation's ("Port Harlan", "Kessburg Gazette", "Riverside Chamber")."""
    words = name.casefold().split()
    return (
        len(words) == 2
        and words[0] not in _PLACE_OPENERS
        and words[-1] not in _PLACE_HEADS | _FACILITY_HEADS
        and not has_org_head(name)
    )
