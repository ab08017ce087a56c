"""Text that is not prose: headlines in capitals, score and tally lines (texts written here)."""

from __future__ import annotations

import pytest

from spacereader.entities.backlog import extract_text
from spacereader.entities.canonical import canonical_key
from spacereader.entities.layout import cricket_names
from spacereader.entities.normalise import group_entities, model_view, rules_off, text_spans
from spacereader.models import Mention
from tests.entity_articles import ARTICLES
from tests.spacy_model import loaded_extractor
from tests.unit.test_entities_normalise import names, spans


def test_words_of_a_headline_in_capitals_are_not_names() -> None:
    text = "MINERS STRIKE AS PIT TALKS FAIL\n\nThe union said talks with Carrow Mining had broken down."
    mentions = spans(text, ("MINERS STRIKE", "ORG"), ("PIT", "ORG"), ("Carrow Mining", "ORG"))
    assert names(text, mentions) == {"Carrow Mining": "organisation"}
    with rules_off("capital_lines"):
        assert "MINERS STRIKE" in names(text, mentions)


def test_a_name_in_a_capital_headline_counts_under_its_mixed_case_form() -> None:
    text = "OKAFOR SEALS IT\n\nSam Okafor scored late. Okafor said little."
    entities = group_entities(text, spans(text, ("Sam Okafor", "PERSON")))
    assert [(e.name, e.kind, e.count) for e in entities] == [("Sam Okafor", "person", 3)]


def test_a_score_is_no_part_of_a_name() -> None:
    text = "Kirkby Rovers 3 Ashford United 1\n\nKirkby Rovers are top."
    mentions = spans(text, ("Kirkby Rovers 3", "ORG"), ("Ashford United 1", "ORG"), ("Kirkby Rovers", "ORG"))
    assert names(text, mentions) == {"Kirkby Rovers": "organisation", "Ashford United": "organisation"}


def test_names_in_result_fixture_and_standings_lines_are_found() -> None:
    text = (
        "Results:\nLorne Wanderers 1 Carvell Town 1\nBrenton City 0 (Abara 12) Dunmore Athletic 2\n"
        "Next: Lorne Wanderers v Ashby Albion.\n1. Carvell Town 11 pts"
    )
    found = names(text, [])
    assert found == {n: "organisation" for n in ("Lorne Wanderers", "Carvell Town", "Brenton City",
                                                 "Dunmore Athletic", "Ashby Albion")}  # fmt: skip


def test_names_in_a_list_of_movers_are_found_but_a_bare_count_is_no_name() -> None:
    text = "Movers:\nCastor Energy +4.8%\nVelin Motors -2.2%\nWard 1\nTurnout 61%"
    assert names(text, []) == {"Castor Energy": "organisation", "Velin Motors": "organisation"}


def test_a_person_beside_a_score_stays_a_person_when_the_article_says_so() -> None:
    text = "Rosa Alvarez won. Alvarez thanked her staff.\nAlvarez 4,101, Whitcombe 3,870\nGary Whitcombe conceded."
    mentions = spans(text, ("Rosa Alvarez", "PERSON"), ("Gary Whitcombe", "PERSON"), ("Alvarez 4,101", "PERSON"))
    assert names(text, mentions) == {"Rosa Alvarez": "person", "Gary Whitcombe": "person"}


def test_a_country_is_no_short_form_of_a_longer_organisation() -> None:
    text = "The Bank of China lent more. China said growth slowed."
    found = names(text, spans(text, ("Bank of China", "ORG"), ("China", "ORG")))
    assert set(found) == {"Bank of China", "China"}


def test_an_affiliation_is_not_taken_for_a_first_name() -> None:
    text = "beating Republican Gary Whitcombe by 412 votes"
    mentions = [Mention(8, 18, "Republican", "NORP"), *spans(text, ("Gary Whitcombe", "PERSON"))]
    assert names(text, mentions) == {"Gary Whitcombe": "person"}


@pytest.mark.parametrize("genre", sorted(ARTICLES))
def test_written_articles_keep_their_names_and_add_little_junk(genre: str) -> None:
    text, rows = ARTICLES[genre]
    extractor = loaded_extractor()
    mentions = extractor.extract(text)
    gold = {(canonical_key(name), kind) for name, kind in rows.items()}
    repaired = {(e.key, e.kind) for e in group_entities(text, mentions)}
    alone = {(canonical_key(m.text), k) for m in mentions if (k := {"PERSON": "person", "ORG": "organisation",
             "GPE": "place", "LOC": "place", "FAC": "place"}.get(m.label))}  # fmt: skip

    def f1(pred: set) -> float:
        hits = len(pred & gold)
        return 2 * hits / (len(pred) + len(gold))

    assert f1(repaired) >= 0.8 and f1(repaired) > f1(alone), (sorted(repaired - gold), sorted(gold - repaired))


def test_a_text_written_all_in_capitals_keeps_the_models_names() -> None:
    text = "FLOODS HIT DORSET\nTHE ENVIRONMENT AGENCY SAID RIVERS IN DORSET ROSE OVERNIGHT."
    mentions = spans(text, ("DORSET", "GPE"), ("THE ENVIRONMENT AGENCY", "ORG"))
    assert names(text, mentions) == {"DORSET": "place", "ENVIRONMENT AGENCY": "organisation"}


def test_a_result_headline_in_capitals_ending_in_a_full_stop_names_both_teams() -> None:
    text = "HALSTEAD TOWN 2 MERRIDALE 1.\n\nHalstead Town won at home, and Merridale stay bottom."
    mentions = spans(text, ("HALSTEAD TOWN 2 MERRIDALE", "ORG"), ("Halstead Town", "ORG"))
    assert names(text, mentions) == {"Halstead Town": "organisation", "Merridale": "organisation"}
    with rules_off("scores"):
        assert "Merridale" not in names(text, mentions)


def test_names_in_a_scorers_list_are_people_but_tallies_and_results_are_not() -> None:
    text = (
        "Scorers: Dunmore: Abara 23, 45 pen; Lorne: Fahey 51, Gault 88.\n"
        "Dunmore 2 Lorne 2\nWard 1: Keane 4,101, Lutz 3,870\nSent off: Hume 90+2."
    )
    mentions = spans(text, ("Abara", "ORG"), ("Gault", "GPE"))
    found = names(text, mentions)
    assert {n: k for n, k in found.items() if k == "person"} == {
        n: "person" for n in ("Abara", "Fahey", "Gault", "Hume")
    }
    assert found["Dunmore"] == found["Lorne"] == "organisation"
    with rules_off("scorers"):
        assert "Fahey" not in names(text, mentions) and names(text, mentions)["Abara"] == "organisation"


def test_a_lone_name_and_number_in_prose_is_no_scorer() -> None:
    text = "The laptops still run Windows 11. Sales rose in Kelso."
    assert "Windows" not in names(text, spans(text, ("Kelso", "GPE")))


def test_a_venue_in_a_match_report_is_a_place_but_an_employer_elsewhere_is_not() -> None:
    report = "Ashby Albion beat Garth Rangers 2-0 at Old Trafford on Saturday; Abara scored both goals."
    mentions = spans(report, ("Ashby Albion", "ORG"), ("Garth Rangers", "ORG"), ("Old Trafford", "ORG"))
    assert names(report, mentions)["Old Trafford"] == "place"
    with rules_off("venues"):
        assert names(report, mentions)["Old Trafford"] == "organisation"
    news = "She worked at Brightwell for ten years before the merger."
    assert names(news, spans(news, ("Brightwell", "ORG"))) == {"Brightwell": "organisation"}


def test_a_country_playing_a_match_is_a_team() -> None:
    text = "Wales are unbeaten this year after a 2-1 win, and Scotland lost to Wales in March. Abara scored both goals."
    mentions = spans(text, ("Wales", "GPE"), ("Scotland", "GPE"))
    assert names(text, mentions) == {"Wales": "organisation", "Scotland": "place"}
    with rules_off("teams"):
        assert names(text, mentions)["Wales"] == "place"


def test_a_vote_tally_is_no_match_score_so_an_employer_stays_an_organisation() -> None:
    text = "The Senate voted 68-31. She was a lawyer at Corvane before, and Canada and Mexico have welcomed the choice."
    mentions = spans(text, ("Corvane", "ORG"), ("Canada", "GPE"), ("Mexico", "GPE"))
    assert names(text, mentions) == {"Corvane": "organisation", "Canada": "place", "Mexico": "place"}
    report = "Garth Rangers won 2-0 at Kelso Park; Abara scored and the referee sent off Hume. Then at Corvane, a goal."
    assert names(report, spans(report, ("Corvane", "ORG")))["Corvane"] == "place"


def test_initial_and_surname_on_a_table_line_is_a_person_and_joins_the_full_name() -> None:
    text = "Ada Birk leads after a 66.\nLeaders:\n205 A Birk 66 71 68\n208 T Hume (Swe) 73 66 69, C Joyce 70 70 68"
    found = names(text, spans(text, ("Ada Birk", "PERSON"), ("T Hume (", "PRODUCT")))
    assert found == {"Ada Birk": "person", "T Hume": "person", "C Joyce": "person"}
    assert next(e.count for e in group_entities(text, spans(text, ("Ada Birk", "PERSON"))) if e.name == "Ada Birk") == 2
    with rules_off("initials"):
        assert "C Joyce" not in names(text, [])


def test_an_initial_in_prose_with_a_few_numbers_is_no_table_name() -> None:
    text = "In 2023 the film A Night at the Opera played 12 times across 40 towns that summer."
    assert "A Night" not in names(text, [])


def test_a_country_outside_a_match_report_stays_a_place() -> None:
    text = "Wales are to hold an election in May, the government said."
    assert names(text, spans(text, ("Wales", "GPE"))) == {"Wales": "place"}


def test_a_datelines_places_and_agency_are_typed_by_their_place_in_it() -> None:
    text = "KELSO/GARTH (Corvane) - Fighting spread on Friday.\n\nSPRINGFIELD, Ill. - Voting began."
    mentions = spans(text, ("KELSO", "PERSON"))
    assert names(text, mentions) == {
        "Kelso": "place",
        "Garth": "place",
        "Corvane": "organisation",
        "Springfield": "place",
        "Ill": "place",
    }
    with rules_off("datelines"):
        assert names(text, mentions)["KELSO"] == "person"


def test_a_word_of_a_name_in_capitals_is_no_abbreviation() -> None:
    text = "House prices rose again last month in SAN MARDO, and the RSPB said the new homes would harm wetlands."
    assert names(text, []) == {"RSPB": "organisation"}


def test_players_on_a_team_sheet_are_people_and_the_team_an_organisation() -> None:
    text = (
        "Garth Rangers won 2-0; Abara scored both goals.\n"
        "Garth Rangers: Pike; Cole, Duggan, Barnes, Whitfield; Lowe (Grant 70), Shaw; Abara.\n"
        "Attendance: 4,388."
    )
    mentions = spans(text, ("Barnes", "GPE"), ("Shaw", "ORG"))
    found = names(text, mentions)
    people = {"Pike", "Cole", "Duggan", "Barnes", "Whitfield", "Lowe", "Grant", "Shaw", "Abara"}
    assert {n for n, k in found.items() if k == "person"} == people
    assert found["Garth Rangers"] == "organisation"
    with rules_off("lineups"):
        assert names(text, mentions)["Barnes"] == "place"


def test_a_name_never_runs_over_a_line_break() -> None:
    text = "By Dan Feeney at Holker Street\n\nTunde Okonjo scored three times. Okonjo was unplayable."
    mentions = spans(text, ("Dan Feeney", "PERSON"), ("Holker Street\n\nTunde Okonjo", "FAC"), ("Okonjo", "PERSON"))
    assert names(text, mentions) == {"Dan Feeney": "person", "Holker Street": "place", "Tunde Okonjo": "person"}


def test_what_the_model_read_into_the_next_line_is_dropped_without_evidence() -> None:
    text = "By Dan Feeney at Holker Street\n\nTunde Okonjo scored twice."
    mentions = spans(text, ("Dan Feeney", "PERSON"), ("Holker Street\n\nTunde Okonjo", "FAC"))
    assert names(text, mentions) == {"Dan Feeney": "person", "Holker Street": "place"}


def test_the_model_is_not_given_lines_the_rules_read() -> None:
    text = (
        "ROVERS ROMP HOME\n\n"
        "Garthwaite Rovers beat Barrow at Holker Street.\n"
        "Barrow 1 Garthwaite Rovers 3\n"
        "Barrow: Pritchard; Cole, Duggan, Barnes, Whitfield; Lowe (Grant 70), Shaw; Hyde.\n"
        "Scorers: Okonjo 52, 67, 84 pen.\n"
        "Goals: Barrow: Duggan 38.\n"
    )
    view = model_view(text)
    assert len(view) == len(text) and view.count("\n") == text.count("\n")
    kept = [line for line in view.splitlines() if line.strip()]
    # The headline, the result, the team sheet and the scorers list are blanked; a line with a name no rule
    # read ("Barrow:" before the scorer) and the prose are the model's.
    assert kept == ["Garthwaite Rovers beat Barrow at Holker Street.", "Goals: Barrow: Duggan 38."]
    with rules_off("model_view"):
        assert model_view(text) == text


def test_names_on_lines_the_model_did_not_read_are_still_found() -> None:
    text = ARTICLES["cup tie"][0]
    found = {e.name: e.kind for e in extract_text(loaded_extractor(), text)}
    assert found["Tunde Okonjo"] == "person" and found["Garthwaite Rovers"] == "organisation"
    assert {found[name] for name in ("Pritchard", "Whitfield", "Hyde")} == {"person"}


SCORECARD = """\
Australia 386-8 dec (Khawaja 141, Carey 66; Broad 3-68) and 171 (Smith 34*)
England first innings
Z Crawley c Warner b Boland 61 (73)
B Duckett c & b Lyon 12
Joe Root st †Carey b Lyon 118 (152)
H Brook c sub (Renshaw) b Cummins 32 (37)
B Stokes* run out (Head/Carey) 1
J Bairstow not out 78
Fall of wickets: 1-22 (Duckett), 2-92 (Crawley, 22.1 ov), 3-124 (Root)
Bowling: Cummins 14-0-59-1, Hazlewood 15.2-1-61-2, Lyon 29-5-149-4
"""


def test_everyone_on_a_scorecard_is_a_person_and_the_innings_names_its_team() -> None:
    people, teams = cricket_names(SCORECARD)
    found = {SCORECARD[s:e] for s, e in people}
    assert found == {
        "Khawaja", "Carey", "Broad", "Smith", "Z Crawley", "Warner", "Boland", "B Duckett", "Lyon", "Joe Root",
        "H Brook", "Cummins", "Renshaw", "B Stokes", "Head", "J Bairstow", "Duckett", "Crawley", "Root", "Hazlewood",
    }  # fmt: skip
    assert [SCORECARD[s:e] for s, e in teams] == ["Australia"]


def test_scorecard_shapes_in_prose_are_not_read_as_a_card() -> None:
    prose = (
        "He was c Warner b Boland for 61 in the first innings.\n"
        "The vote went 10-1 (Hale) against.\n"
        "Sales rose 4.5-6-38-5 in a bad year\n"
        "Brenton City 0 (Abara 12) Dunmore Athletic 2\n"
    )
    people, teams = cricket_names(prose)
    assert people == () and teams == ()


def test_names_on_a_scorecard_are_people_whatever_the_model_said() -> None:
    text = "Root's century\n\nJoe Root made 118 for England.\n\n" + SCORECARD
    mentions = spans(text, ("Joe Root", "PERSON"), ("England", "GPE"), ("Carey", "ORG"), ("Lyon", "GPE"))
    found = names(text, mentions)
    assert {found[name] for name in ("Carey", "Lyon", "Warner", "Hazlewood", "Z Crawley")} == {"person"}
    assert found["Australia"] == "organisation" and "Root" not in found  # joined to Joe Root
    with rules_off("cricket"):
        assert "Warner" not in names(text, mentions)
    view = model_view(text).splitlines()
    assert view[2].startswith("Joe Root made") and not "".join(view[3:]).strip().replace("England first innings", "")


def test_on_lines_of_statistics_the_model_reads_the_names_alone() -> None:
    text = "Hale scored 12 in the win.\nAbara 11-21 4-4 31, Coyle 8-15 3-5 19, Dunne 4-9 0-0 9.\n"
    view = model_view(text)
    assert view.splitlines()[0] == "Hale scored 12 in the win."  # prose keeps its figures
    assert view.splitlines()[1].split() == ["Abara", ",", "Coyle", ",", "Dunne", "."]
    # A span the model ran over a blanked figure is cut before it and takes the article's own text.
    coyle = text.index("Coyle")
    cut = text_spans(text, view, [Mention(coyle, coyle + 10, view[coyle : coyle + 10], "PERSON")])
    assert cut == [Mention(coyle, coyle + 5, "Coyle", "PERSON")]
    blank = text.index("8-15")
    assert text_spans(text, view, [Mention(blank, blank + 4, "    ", "CARDINAL")]) == []
