"""Articles kept apart from the entity rules: sports reports (match report, results and table, tennis, golf,
rugby and cricket) and general news, written apart from the rules and never looked at while changing them. The bench
scores them as a held-out check; no test asserts on them, so nothing pulls the rules towards them.

Each lists the sidebar rows a careful reader would expect ({name: kind}): one row per person, team, company,
body or place, under its longest spelling in the text; titles, nationalities, products, works and events are
no rows, venues are places. Names are invented or public figures used only as text.
"""

from __future__ import annotations

MATCH_REPORT = """\
HARTLEY DOUBLE SINKS DERBY RIVALS

NOTTINGHAM FOREST 2 DERBY COUNTY 0.

By Graham Oakes at the City Ground

Callum Hartley scored twice in four second-half minutes as Nottingham Forest beat Derby County in front of 29,455 at the City Ground on Sunday.

Derby goalkeeper Ryan Sutcliffe kept his side level until the 58th minute, when Hartley turned in a low cross from Jamal Ochieng. Four minutes later the striker curled a second past Sutcliffe from the edge of the area.

Forest manager Stefan Lindqvist said: "Callum has waited a long time for this. The Swedish lads in the dressing room told me he would do it." Derby's Irish midfielder Conor Daly was sent off in stoppage time for a second booking.

Forest: Turner; Ochieng, Ballard, Mensah, Price; Yates (Kovac 77), Webb, Danso; Hartley.
Derby: Sutcliffe; Holt, Ferris, Nwosu, Bell; Daly, Moyo; Archer (Quinn 70).
Scorers: Hartley 58, 62.
Sent off: Daly (90+2).
Referee: Michael Salisbury (Lancashire).
"""

MATCH_REPORT_ROWS = {
    "Graham Oakes": "person",
    "City Ground": "place",
    "Callum Hartley": "person",
    "Nottingham Forest": "organisation",
    "Derby County": "organisation",
    "Ryan Sutcliffe": "person",
    "Jamal Ochieng": "person",
    "Stefan Lindqvist": "person",
    "Conor Daly": "person",
    "Turner": "person",
    "Ballard": "person",
    "Mensah": "person",
    "Price": "person",
    "Yates": "person",
    "Kovac": "person",
    "Webb": "person",
    "Danso": "person",
    "Holt": "person",
    "Ferris": "person",
    "Nwosu": "person",
    "Bell": "person",
    "Moyo": "person",
    "Archer": "person",
    "Quinn": "person",
    "Michael Salisbury": "person",
    "Lancashire": "place",
}

RESULTS_TABLE = """\
PREMIER LEAGUE: SATURDAY'S RESULTS AND TABLE

Arsenal 2 Brighton 2
Chelsea 0 Everton 1
Fulham 3 Wolves 1
Leeds United 1 Newcastle United 1

Scorers: Arsenal: Saka 23, 45 pen; Brighton: Welbeck 51, Mitoma 88. Everton: Calvert-Lewin 64. Fulham: Jimenez 12, 70, Iwobi 33; Wolves: Cunha 59. Leeds: Bamford 8; Newcastle: Isak 90.

Arsenal stay top after Mikel Arteta's side twice let a lead slip at the Emirates. Everton's win at Stamford Bridge lifts Sean Dyche's team to fourth.

TABLE        P  W  D  L  Pts
1 Arsenal    24 17 4  3  55
2 Newcastle  24 15 6  3  51
3 Fulham     24 12 5  7  41
4 Everton    24 11 6  7  39
5 Chelsea    24 10 6  8  36
"""

RESULTS_TABLE_ROWS = {
    "Arsenal": "organisation",
    "Brighton": "organisation",
    "Chelsea": "organisation",
    "Everton": "organisation",
    "Fulham": "organisation",
    "Wolves": "organisation",
    "Leeds United": "organisation",
    "Newcastle United": "organisation",
    "Premier League": "organisation",
    "Saka": "person",
    "Welbeck": "person",
    "Mitoma": "person",
    "Calvert-Lewin": "person",
    "Jimenez": "person",
    "Iwobi": "person",
    "Cunha": "person",
    "Bamford": "person",
    "Isak": "person",
    "Mikel Arteta": "person",
    "Emirates": "place",
    "Stamford Bridge": "place",
    "Sean Dyche": "person",
}

TENNIS = """\
ALCARAZ CRUISES INTO THIRD ROUND

From Simon Briggs in Melbourne

Carlos Alcaraz needed only an hour and 48 minutes to beat Jordan Thompson 6-2 6-3 6-4 on Rod Laver Arena on Tuesday, and the Spaniard said afterwards that his serve had "never felt better".

Thompson, cheered by a home crowd, broke once in the third set but Alcaraz won the last four games. He next plays Alexander Zverev, who came through a tight first set against Lloyd Harris.

Men's singles, second round: C Alcaraz (Spain) bt J Thompson (Australia) 6-2 6-3 6-4; A Zverev (Germany) bt L Harris (South Africa) 7-6 (7-4) 6-2 6-1; D Medvedev (Russia) bt A Rinderknech (France) 3-6 6-3 6-4 7-6 (7-2).

Women's singles, second round: A Sabalenka (Belarus) bt B Bencic (Switzerland) 6-3 6-2; C Gauff (US) bt M Bouzkova (Czech Republic) 6-4 7-5.
"""

TENNIS_ROWS = {
    "Simon Briggs": "person",
    "Melbourne": "place",
    "Carlos Alcaraz": "person",
    "Jordan Thompson": "person",
    "Rod Laver Arena": "place",
    "Alexander Zverev": "person",
    "Lloyd Harris": "person",
    "Spain": "place",
    "Australia": "place",
    "Germany": "place",
    "South Africa": "place",
    "D Medvedev": "person",
    "Russia": "place",
    "A Rinderknech": "person",
    "France": "place",
    "A Sabalenka": "person",
    "Belarus": "place",
    "B Bencic": "person",
    "Switzerland": "place",
    "C Gauff": "person",
    "US": "place",
    "M Bouzkova": "person",
    "Czech Republic": "place",
}

GOLF = """\
GOLF: McILROY LEADS BY TWO IN DUBAI

DUBAI (Reuters) - Rory McIlroy shot a seven-under-par 65 on Friday to lead the Dubai Desert Classic by two strokes from Tommy Fleetwood at Emirates Golf Club.

McIlroy, who won the title in 2023, holed a 40-foot putt for eagle on the 18th. Fleetwood, playing in the group behind, birdied four of his last six holes. Collin Morikawa of the United States is three shots back.

"I love this place," McIlroy told Sky Sports. "The course suits my eye."

Leading second-round scores (GB & Ire unless stated):
131 R McIlroy 66 65
133 T Fleetwood 67 66
134 A Rai 68 66, C Morikawa (US) 67 67
135 S Lowry 70 65, T Hatton 69 66
"""

GOLF_ROWS = {
    "Dubai": "place",
    "Reuters": "organisation",
    "Rory McIlroy": "person",
    "Tommy Fleetwood": "person",
    "Emirates Golf Club": "place",
    "Collin Morikawa": "person",
    "United States": "place",
    "Sky Sports": "organisation",
    "A Rai": "person",
    "S Lowry": "person",
    "T Hatton": "person",
    "GB": "place",
    "Ire": "place",
}

BUDGET = """\
German coalition agrees budget after all-night talks

BERLIN (AP) — Chancellor Olaf Scholz's coalition reached a deal on next year's budget early Friday after 20 hours of talks, ending weeks of wrangling that had raised doubts about the government's survival.

Finance Minister Christian Lindner, whose Free Democrats had insisted on keeping the constitutional limit on new borrowing, said the agreement "shows this coalition can act." The Greens, led in the talks by Economy Minister Robert Habeck, won extra money for Ukraine and for rail projects run by Deutsche Bahn.

The opposition Christian Democrats called the deal a patchwork. Their leader, Friedrich Merz, told ZDF television that Scholz had "bought time, not solutions."

Economists at the Ifo Institute in Munich said the plan relied on optimistic growth forecasts. The European Commission in Brussels must still review it under the European Union's fiscal rules.
"""

BUDGET_ROWS = {
    "Berlin": "place",
    "AP": "organisation",
    "Olaf Scholz": "person",
    "Christian Lindner": "person",
    "Free Democrats": "organisation",
    "Greens": "organisation",
    "Robert Habeck": "person",
    "Ukraine": "place",
    "Deutsche Bahn": "organisation",
    "Christian Democrats": "organisation",
    "Friedrich Merz": "person",
    "ZDF": "organisation",
    "Ifo Institute": "organisation",
    "Munich": "place",
    "European Commission": "organisation",
    "Brussels": "place",
    "European Union": "organisation",
}

EARNINGS = """\
Apple shares fall as iPhone sales slide in China

Apple Inc. shares fell 4% in after-hours trading on Thursday after the company said iPhone revenue in Greater China dropped 13% in the quarter, as Huawei's new Mate 60 handsets won back buyers.

Chief executive Tim Cook told analysts on a call that the Cupertino, California-based company still saw "tremendous opportunity" in India, where it opened its first stores in Mumbai and New Delhi last year. Chief financial officer Luca Maestri said services revenue, which includes the App Store and Apple Music, hit a record.

"The China numbers are the story," said Dan Ives, an analyst at Wedbush Securities. Samsung Electronics, Apple's biggest rival in smartphones, reports next week.
"""

EARNINGS_ROWS = {
    "Apple Inc.": "organisation",
    "China": "place",
    "Greater China": "place",
    "Huawei": "organisation",
    "Tim Cook": "person",
    "Cupertino": "place",
    "California": "place",
    "India": "place",
    "Mumbai": "place",
    "New Delhi": "place",
    "Luca Maestri": "person",
    "Dan Ives": "person",
    "Wedbush Securities": "organisation",
    "Samsung Electronics": "organisation",
}

QUAKE = """\
Quake off Japan's coast prompts tsunami advisory

TOKYO — A magnitude 7.1 earthquake struck off the coast of Miyazaki prefecture on Thursday evening, the Japan Meteorological Agency said, prompting a tsunami advisory for parts of Kyushu and Shikoku.

Prime Minister Fumio Kishida postponed a trip to Central Asia, where he had been due to meet the leaders of Kazakhstan and Uzbekistan. Waves of up to 50 centimetres reached the port of Miyazaki, public broadcaster NHK reported, and Kyushu Electric Power said its nuclear plant in Satsumasendai was operating normally.

"We ask residents near the coast to stay alert for several days," agency official Shinya Tsukada told reporters. The US Geological Survey put the magnitude at 7.1 and the depth at 30 kilometres.
"""

QUAKE_ROWS = {
    "Japan": "place",
    "Tokyo": "place",
    "Miyazaki": "place",
    "Japan Meteorological Agency": "organisation",
    "Kyushu": "place",
    "Shikoku": "place",
    "Fumio Kishida": "person",
    "Central Asia": "place",
    "Kazakhstan": "place",
    "Uzbekistan": "place",
    "NHK": "organisation",
    "Kyushu Electric Power": "organisation",
    "Satsumasendai": "place",
    "Shinya Tsukada": "person",
    "US Geological Survey": "organisation",
}

INQUIRY = """\
Former Post Office boss tells inquiry she was misled

LONDON (Reuters) - Paula Vennells, the former chief executive of the Post Office, told a public inquiry on Wednesday that she had been misled by her own staff about faults in the Horizon accounting system that led to hundreds of wrongful prosecutions.

Horizon, supplied by Fujitsu, showed shortfalls at branches that did not exist. Vennells wept as she was shown emails from 2013 in which colleagues discussed "bugs" in the software. Sir Wyn Williams, the retired judge chairing the inquiry, asked her why she had not told ministers.

Edward Henry KC, who represents former sub-postmasters, said her account was "not credible". Alan Bates, whose campaign was dramatised in the ITV series "Mr Bates vs The Post Office", listened from the public gallery at Aldwych House in central London.

The Metropolitan Police said its investigation into possible offences was continuing.
"""

INQUIRY_ROWS = {
    "London": "place",
    "Reuters": "organisation",
    "Paula Vennells": "person",
    "Post Office": "organisation",
    "Fujitsu": "organisation",
    "Wyn Williams": "person",
    "Edward Henry": "person",
    "Alan Bates": "person",
    "ITV": "organisation",
    "Aldwych House": "place",
    "Metropolitan Police": "organisation",
}

RUGBY = """\
SIX NATIONS: IRELAND 27 FRANCE 21.

From Gerry Thornley, Aviva Stadium

Ireland stayed on course for a second successive Grand Slam after Tadhg Beirne's late try broke French resistance in Dublin on Saturday.

France led 21-20 with eight minutes left when Antoine Dupont kicked a penalty from halfway, but Ireland worked the ball through 14 phases before Beirne forced his way over. Jack Crowley converted.

"We showed real character," said Ireland head coach Andy Farrell. His French counterpart, Fabien Galthie, said his side had "given everything".

Ireland: Tries: Lowe, Sheehan, Beirne. Cons: Crowley 3. Pens: Crowley 2.
France: Tries: Penaud, Dupont. Con: Ramos. Pens: Ramos 3.
Referee: Angus Gardner (Australia).
"""

RUGBY_ROWS = {
    "Ireland": "organisation",
    "France": "organisation",
    "Gerry Thornley": "person",
    "Aviva Stadium": "place",
    "Tadhg Beirne": "person",
    "Dublin": "place",
    "Antoine Dupont": "person",
    "Jack Crowley": "person",
    "Andy Farrell": "person",
    "Fabien Galthie": "person",
    "Lowe": "person",
    "Sheehan": "person",
    "Penaud": "person",
    "Ramos": "person",
    "Angus Gardner": "person",
    "Australia": "place",
}

CRICKET = """\
Root century puts England in control at Lord's

By Nick Hoult at Lord's

Joe Root made his 34th Test hundred as England reached 358 for five on the opening day of the second Test against Sri Lanka.

Root, who passed Alastair Cook's record for Test runs at the ground, shared a stand of 141 with Harry Brook before falling to Asitha Fernando shortly before the close. Prabath Jayasuriya took two wickets for Sri Lanka.

ENGLAND first innings
B Duckett c Mendis b Fernando 40
D Lawrence lbw b Jayasuriya 9
O Pope c Karunaratne b Fernando 1
J Root c Mendis b Fernando 143
H Brook b Jayasuriya 71
J Smith not out 51
"""

CRICKET_ROWS = {
    "Joe Root": "person",
    "England": "organisation",
    "Lord's": "place",
    "Nick Hoult": "person",
    "Sri Lanka": "organisation",
    "Alastair Cook": "person",
    "Harry Brook": "person",
    "Asitha Fernando": "person",
    "Prabath Jayasuriya": "person",
    "B Duckett": "person",
    "Mendis": "person",
    "D Lawrence": "person",
    "O Pope": "person",
    "Karunaratne": "person",
    "J Smith": "person",
}

SENATE = """\
Senate passes stopgap bill hours before shutdown deadline

WASHINGTON (Reuters) - The U.S. Senate on Saturday passed a bill to keep the federal government funded until mid-November, sending it to President Joe Biden hours before a shutdown would have begun.

The measure passed 88-9 after House Speaker Kevin McCarthy dropped demands from hardline Republicans for deep spending cuts. It leaves out new aid for Ukraine, which the White House had sought.

Senate Majority Leader Chuck Schumer, a Democrat from New York, said the vote showed "cooler heads prevailed". Senator Rand Paul of Kentucky voted against it, saying Congress had again failed to control spending.

The Congressional Budget Office estimates the federal deficit will reach $1.7 trillion this year.
"""

SENATE_ROWS = {
    "Washington": "place",
    "Reuters": "organisation",
    "Senate": "organisation",
    "United States": "place",
    "Joe Biden": "person",
    "Kevin McCarthy": "person",
    "House": "organisation",
    "Ukraine": "place",
    "White House": "organisation",
    "Chuck Schumer": "person",
    "New York": "place",
    "Rand Paul": "person",
    "Kentucky": "place",
    "Congress": "organisation",
    "Congressional Budget Office": "organisation",
}

HEALTH = """\
WHO warns of rising measles cases across Europe

GENEVA — Measles cases in Europe rose more than 30-fold last year, the World Health Organization said on Thursday, urging governments to step up vaccination after the pandemic disrupted routine immunisation.

The WHO's regional office, based in Copenhagen, recorded 42,200 cases in 41 countries, with Kazakhstan and Romania the worst hit. Hans Kluge, the regional director, said "only through urgent vaccination efforts can we halt transmission."

In Britain, the UK Health Security Agency has urged parents in Birmingham and London to check their children's records. Dr Mary Ramsay, its head of immunisation, said uptake of the MMR vaccine was at its lowest level in a decade.

Gavi, the vaccine alliance, said it would fund catch-up campaigns in several countries with UNICEF.
"""

HEALTH_ROWS = {
    "Europe": "place",
    "Geneva": "place",
    "World Health Organization": "organisation",
    "Copenhagen": "place",
    "Kazakhstan": "place",
    "Romania": "place",
    "Hans Kluge": "person",
    "United Kingdom": "place",
    "UK Health Security Agency": "organisation",
    "Birmingham": "place",
    "London": "place",
    "Mary Ramsay": "person",
    "Gavi": "organisation",
    "UNICEF": "organisation",
}

UNSEEN = {
    "sports": {
        "match report": (MATCH_REPORT, MATCH_REPORT_ROWS),
        "results table": (RESULTS_TABLE, RESULTS_TABLE_ROWS),
        "tennis": (TENNIS, TENNIS_ROWS),
        "golf": (GOLF, GOLF_ROWS),
        "rugby": (RUGBY, RUGBY_ROWS),
        "cricket": (CRICKET, CRICKET_ROWS),
    },
    "news": {
        "budget": (BUDGET, BUDGET_ROWS),
        "earnings": (EARNINGS, EARNINGS_ROWS),
        "quake": (QUAKE, QUAKE_ROWS),
        "inquiry": (INQUIRY, INQUIRY_ROWS),
        "senate": (SENATE, SENATE_ROWS),
        "health": (HEALTH, HEALTH_ROWS),
    },
}
"""Genre -> article -> (text, expected sidebar rows)."""
