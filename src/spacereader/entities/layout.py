"""Text that is not prose: headlines in capitals and lines of scores or tallies.

Sports, markets and election feeds are full of them, and the small model reads them badly: in a line set in
capitals every word looks like a name, and a name followed by a score ("Rovers 3") or beside a table's
numbers is cut, joined to the number or missed. These helpers find such lines by their shape alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

Spans = tuple[tuple[int, int], ...]
"""(start, end) pairs, immutable: the finders below are cached per text, since model_view and the repairs both
run them on one article."""

_LINE = re.compile(r"[^\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# A name in a table: up to four capitalised words (joined by one space).
_NAME = r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}"
_SCORE = r"\d{1,3}(?:[.,]\d+)?%?"
# "Kirkby Rovers 3 (Halden 12) Ashford United 1", "Brenton City 0 Dunmore Athletic 2", "Rovers v City",
# "1. Kirkby Rovers 14 pts", "Castor Energy +4.8%": the names in a result, fixture, standings or movers line.
_SCORE_LINES = (
    # A headline may close with a full stop: "MANCHESTER UNITED 2 LIVERPOOL 1."
    re.compile(rf"^\s*({_NAME}) {_SCORE}(?: \([^)\n]*\))?(?: ?[-–,] ?| )({_NAME}) {_SCORE}(?: \([^)\n]*\))?\.?\s*$"),
    re.compile(rf"(?:^|[:;] ?)({_NAME}) (?:v|vs\.?) ({_NAME})(?=\s*(?:[;.,]|$))"),
    re.compile(rf"^\s*\d{{1,3}}[.)] ({_NAME}) \d+(?: \w+)?\s*$"),
    # Two words at least: "Turnout 61%" is a figure, not a company.
    re.compile(r"^\s*([A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){1,3}) (?:[+-−]\d[\d.,]*%?|\d[\d.,]*%)\s*$"),
)
# A scorer and the minutes of the goals: "Saka 23, 45 pen", "(Halden 12, 41, Okafor 88)", "Daly 90+2". A minute
# is never part of a larger number ("Alvarez 4,101" is a tally), and the list ends the clause.
_MINUTE = r"\d{1,3}(?![\d.,]\d)(?:\+\d{1,2})?(?: ?(?:pen|og|p)\b)?"
_SCORER = re.compile(rf"(?<![\w'’-])({_NAME}) {_MINUTE}(?:, {_MINUTE})*(?=\s*(?:[,;.)]|$))", re.MULTILINE)
TRAILING_NUMBER = re.compile(r"\s+[+-]?\d[\d.,:%]*$")
"""A score or count the model took into a name ("Rovers 3", "Whitcombe 3,870")."""


@lru_cache(maxsize=4)
def capital_lines(text: str) -> Spans:
    """(start, end) of each line set in capitals (two or more words, letters mostly upper case), in order.

    None when most of the text is in capitals: then capitals are how it is written, not a headline, and the
    model's reading is all there is.
    """
    found = []
    for line in _LINE.finditer(text):
        words = _LETTERS.findall(line.group())
        if len(words) < 2:
            continue
        letters = sum(len(w) for w in words)
        upper = sum(len(w) for w in words if w.isupper())
        if upper >= 0.7 * letters:
            found.append(line.span())
    in_capitals = sum(end - start for start, end in found)
    return tuple(found) if in_capitals < 0.5 * len(text.strip()) else ()


class Ranges:
    """Sorted, disjoint (start, end) ranges with a fast "does this span lie inside one" test."""

    def __init__(self, ranges: Sequence[tuple[int, int]]) -> None:
        self.ranges = ranges
        self._starts = [start for start, _ in ranges]

    def holds(self, start: int, end: int) -> bool:
        """Whether [start, end) lies inside one of the ranges."""
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self.ranges[index][1]


@lru_cache(maxsize=4)
def score_line_names(text: str) -> Spans:
    """Spans of the names in result, fixture and standings lines (teams, candidates, companies)."""
    spans = []
    for line in _LINE.finditer(text):
        for pattern in _SCORE_LINES:
            for match in pattern.finditer(line.group()):
                for group in range(1, pattern.groups + 1):
                    name = match.group(group).rstrip(".")  # a sentence's full stop is no abbreviation's
                    start = line.start() + match.start(group)
                    spans.append((start, start + len(name)))
    return tuple(spans)


@lru_cache(maxsize=4)
def scorer_names(text: str, teams: Spans) -> Spans:
    """Spans of the people in a scorers list ("Scorers: Hartley 58, 62."), skipping the `teams` found in result
    lines, where a name before a score at a line's end looks the same ("Arsenal 2 Brighton 2").

    A lone "Name 4." is prose as often as not ("Windows 11."), so a scorer needs company on its line, more
    than one minute, a penalty, own goal or stoppage-time mark, or a "Scorers:" heading.
    """
    in_teams = bytearray(len(text))
    for start, end in teams:
        in_teams[start:end] = b"\x01" * (end - start)
    matches = [m for m in _SCORER.finditer(text) if not any(in_teams[m.start(1) : m.end(1)])]
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    lines = [bisect_right(line_starts, m.start()) - 1 for m in matches]
    per_line = Counter(lines)
    return tuple(
        m.span(1)
        for m, line in zip(matches, lines, strict=True)
        if per_line[line] > 1
        or re.search(r",|\+|pen|og|p$", m.group()[len(m.group(1)) :])
        or _SCORERS_HEADING.match(text, line_starts[line])
    )


_SCORERS_HEADING = re.compile(r"\s*(?:scorers?|goals?|goalscorers?)\s*:", re.IGNORECASE)


# An initial and a surname, as results tables and scorecards print people: "C Alcaraz (Spain) bt J Thompson",
# "131 R McIlroy 66 65", "B Duckett c Mendis b Fernando 40".
_INITIAL_NAME = re.compile(
    r"(?<![\w.'’-])[A-Z]\.? (?:Mc|Mac|O'|O’|De|Di|Da|Van|Le|La)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w'’-])"
)
_NOT_SURNAMES = frozenset("new old the and for with this that after before from round set game".split())
_TABLE_NUMBER = re.compile(r"(?<![\w.])\d+(?:[-–.]\d+)?(?![\w])")


@lru_cache(maxsize=4)
def initial_names(text: str) -> Spans:
    """Spans of initial-and-surname names on table lines (two numbers or more, one word in five at least),
    where nothing else prints a person that way."""
    spans = []
    for line in _LINE.finditer(text):
        numbers = len(_TABLE_NUMBER.findall(line.group()))
        if numbers < 2 or numbers < 0.2 * len(line.group().split()):
            continue
        for match in _INITIAL_NAME.finditer(line.group()):
            if match.group().split()[-1].casefold() not in _NOT_SURNAMES:  # "A New Hope"
                spans.append((line.start() + match.start(), line.start() + match.end()))
    return tuple(spans)


# "LEEDS, England (Reuters) - ", "KHARTOUM/GENEVA (AFP) - ", "SPRINGFIELD, Ill. - ": a paragraph's opening
# place (or places) in capitals, an optional region or date, an optional agency in brackets, then a dash.
_DATELINE = re.compile(
    r"(?:^|\n)(?P<places>[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+){0,3})"
    r"(?:, (?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})(?: \d{1,2})?)?"
    r"(?: \((?P<agency>[A-Z][\w&. ]{0,30})\))?\s+[-–—]\s"
)
_MONTHS = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september"
    " october november december".split()
)


def dateline_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of a dateline's places, region and agency: the model often misreads a place in
    capitals ("KHARTOUM" as a person) and misses the agency."""
    found = []
    for match in _DATELINE.finditer(text):
        offset = match.start("places")
        for place in re.finditer(r"[^/]+", match.group("places")):
            found.append((offset + place.start(), offset + place.end(), "place"))
        region = match.group("region")
        if region and region.split()[0].rstrip(".").casefold() not in _MONTHS:
            end = match.end("region") - (1 if region.endswith(".") else 0)
            found.append((match.start("region"), end, "place"))
        if match.group("agency"):
            found.append((match.start("agency"), match.end("agency"), "organisation"))
    return found


# A team sheet: "Barrow: Pritchard; Cole, Duggan, Barnes; Lowe (Grant 70), Shaw; Hyde." The team, a colon, then
# five names or more split by commas and semicolons, substitutes in brackets with the minute.
_PLAYER = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_SUBSTITUTE = rf"(?: \({_PLAYER}(?:,? \d{{1,3}}(?:\+\d{{1,2}})?)?\))?"
_LINEUP = re.compile(
    rf"^\s*(?P<team>{_NAME}): (?P<players>{_PLAYER}{_SUBSTITUTE}(?:[,;] {_PLAYER}{_SUBSTITUTE}){{4,}})\.?\s*$"
)


@lru_cache(maxsize=4)
def lineup_names(text: str) -> tuple[Spans, Spans]:
    """(players, teams): spans of the people on team-sheet lines and of the teams they play for."""
    players, teams = [], []
    for line in _LINE.finditer(text):
        match = _LINEUP.match(line.group())
        if match is None:
            continue
        teams.append((line.start() + match.start("team"), line.start() + match.end("team")))
        offset = line.start() + match.start("players")
        for player in re.finditer(_PLAYER, match.group("players")):
            players.append((offset + player.start(), offset + player.end()))
    return tuple(players), tuple(teams)


# Cricket scorecards. A batter's line: "J Root c Smith b Starc 45 (87)", "D Lawrence lbw b Jayasuriya 9",
# "Joe Root c & b Lyon 12", "L Dawson st †Foakes b Kapoor 38", "J Turner run out (Jacks) 6", "J Smith not out 51",
# "I Holland absent hurt": everyone on it is a person (batter, fielder, keeper, bowler).
_CRICKETER = r"(?:[A-Z]\.? ){0,2}[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_DISMISSAL = (
    rf"(?:(?:c (?:& |sub \((?P<sub>{_CRICKETER})\) |[†*]?(?P<fielder>{_CRICKETER}) )|lbw |st [†*]?(?P<keeper>{_CRICKETER}) "
    rf"|hit wicket )?b [†*]?(?P<bowler>{_CRICKETER})"
    rf"|run out(?: \((?P<runner>{_CRICKETER})(?:/[†*]?(?P<runner2>{_CRICKETER}))?\))?"
    r"|not out|retired (?:hurt|out|ill)|absent (?:hurt|ill)|did not bat)"
)
_BATTING_LINE = re.compile(
    rf"^\s*(?P<batter>{_CRICKETER})[†*]{{0,2}}\s+{_DISMISSAL}(?:\s+\d{{1,3}}(?:\s+\(\d{{1,3}}(?:b| balls)?\))?"
    r"(?:\s+\d{1,3}){0,4})?\s*$"
)
# A bowler's figures, overs-maidens-runs-wickets: "Starc 10-1-45-3", "Kapoor 24.4-6-38-5".
_BOWLING = re.compile(rf"(?<![\w'’-])({_CRICKETER}) \d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}(?![\d-])")
# An innings in a summary: "Surrey 341 (Pope 112, Foakes 58; Abbott 4-71)", "and 252-7 dec (Sibley 78*)".
_INNINGS = re.compile(
    rf"(?:^\s*(?P<team>{_NAME}) |\band )\d{{1,3}}(?:-\d{{1,2}}| for \d{{1,2}})?(?: dec| d)? \((?P<inside>[^)\n]+)\)"
)
_INNINGS_NAME = re.compile(rf"(?:^|[,;] )({_CRICKETER}) \d{{1,3}}\*?(?:-\d{{1,3}})?(?=[,;]|$)")
# What only a cricket innings has: wickets with the total ("386-8", "for 5", "dec"), a bowler's figures ("3-68")
# or a batter not out ("34*").
_CRICKET_SUMMARY = re.compile(r"\d-\d{1,2} | for \d| dec| d |\(.*\d-\d{1,3}\b|\d\*")
# The fall of wickets: "1-9 (Middleton), 2-46 (Vince, 12.3 ov)".
_FALL = re.compile(rf"\b\d{{1,2}}-\d{{1,3}} \(({_CRICKETER})(?:, [\d.]+ ov)?\)")


@lru_cache(maxsize=4)
def cricket_names(text: str) -> tuple[Spans, Spans]:
    """(people, teams) on a scorecard's lines: batting and bowling lines, an innings summary and the fall of
    wickets. The small model reads these lines as lists of organisations, or not at all."""
    people, teams = [], []
    for line in _LINE.finditer(text):
        words, offset = line.group(), line.start()
        batting = _BATTING_LINE.match(words)
        if batting is not None:
            for group in ("batter", "fielder", "keeper", "bowler", "sub", "runner", "runner2"):
                if batting.group(group) is not None:
                    people.append((offset + batting.start(group), offset + batting.end(group)))
        people += [(offset + m.start(1), offset + m.end(1)) for m in _BOWLING.finditer(words)]
        for innings in _INNINGS.finditer(words):
            found = list(_INNINGS_NAME.finditer(innings.group("inside")))
            if not found or not _CRICKET_SUMMARY.search(innings.group()):
                continue  # "Brenton City 0 (Abara 12)" is a football result
            inside = offset + innings.start("inside")
            people += [(inside + m.start(1), inside + m.end(1)) for m in found]
            if innings.group("team"):
                teams.append((offset + innings.start("team"), offset + innings.end("team")))
        falls = list(_FALL.finditer(words))
        if len(falls) > 1:
            people += [(offset + m.start(1), offset + m.end(1)) for m in falls]
    return tuple(people), tuple(teams)
