"""A second set of articles kept apart from the entity rules, written before the rules for cricket scorecards
and the cheaper model path: four general news stories (politics, business, science, local) and four sports
reports (football with a table, a basketball box score, a cricket scorecard, athletics results), 700-800 words
each. The bench scores it only when asked (`--fresh`), once before a change to the rules and once after; its
rows are never looked at one by one, so nothing pulls the rules towards it. No test asserts on it.

The rows follow tests/entity_articles_unseen.py: one per person, team, company, body or place, under its longest
spelling; titles, nationalities, products, works and events are no rows; venues are places; a country or county
playing a match is a team (an organisation). Names are invented or public figures used only as text.
"""

from __future__ import annotations

COALITION = """\
Coalition talks stall as Greens demand transport minister's post

By Helen Marchetti, Political Correspondent

Talks on a new coalition government in Valdoria broke up without agreement on Tuesday night after the Green Alliance insisted that one of its members take over the transport ministry, a post the Social Democrats have held for eleven years.

Prime Minister-designate Tomas Eriksen, whose Social Democratic Party won 34 per cent of the vote in last month's election, told reporters outside the Riverside Chamber that he remained "cautiously hopeful" of a deal before parliament reconvenes on 14 January. "We agree on nine chapters out of ten," he said. "The tenth is about who sits in which chair, and that is always the hardest."

The Greens' leader, Ingrid Solberg, said her party would not sign a programme that left rail investment in the hands of the ministry that had, in her words, "cancelled three electrification schemes in five years". She added that the party's executive would meet in Northport on Thursday to decide whether to stay at the table.

The third partner in the talks, the centrist Citizens' Movement led by Pavel Korhonen, has so far stayed out of the dispute. Korhonen, a former mayor of Eastfield, told the state broadcaster VBC on Wednesday morning that his party "did not come into this to referee a fight over one department".

Without the Greens, Eriksen would need the support of the Farmers' League, whose nine seats would give him a majority of one. But the league's leader, Mats Halvorsen, ruled out any arrangement that included a rise in diesel duty, a measure both the Social Democrats and the Citizens' Movement promised during the campaign.

Analysts at the Institute for Public Policy in Kessburg said the arithmetic left Eriksen little room. "A three-party coalition with the Greens is the only stable option on the numbers," said Dr Leena Mattila, the institute's director of research. "Everything else depends on one or two votes and on the goodwill of a party that campaigned against half of his programme."

The dispute over the transport ministry has its roots in the collapse of the previous government in March, when the Greens walked out over the decision to cancel the Northport to Kessburg line. The outgoing transport minister, Henrik Dahl, defended the decision at the time as "a choice between a railway and a hospital", citing a report by the National Audit Office that found the project's costs had nearly doubled.

On Wednesday, Dahl, who is not expected to return to the cabinet, said the Greens were "entitled to their ambitions" but warned that the country's rail operator, Valdoria Rail, was already struggling to recruit engineers. The company's chief executive, Sofia Lindgren, declined to comment on the talks.

Outside the chamber, a small group of protesters from the campaign group Rail Forward held banners calling for the line to be reinstated. Its spokesman, Jonas Berg, said the group had collected more than 40,000 signatures in Northport and the surrounding towns of Millbrook and Hallen.

President Maria Aalto, who asked Eriksen to form a government after the election, has said she will give the parties until the end of the month before considering other options. Her office said on Wednesday that she had spoken by telephone with all four party leaders.

Opinion polls suggest voters are losing patience. A survey by Nordpol Research published in the Kessburg Gazette on Monday found that 58 per cent of respondents wanted a government "within weeks, whatever its make-up", while only 19 per cent said they would prefer a fresh election.

In Brussels, a spokesman for the European Commission said the delay would not affect Valdoria's access to recovery funds, provided a budget was passed by the spring. The country has yet to submit the second half of its investment plan, which includes 1.2 billion euros for rail.

Negotiators are due to meet again on Friday at the Riverside Chamber. Solberg said the Greens would attend "if there is something new on the table", while Eriksen said he would bring "a proposal that nobody will like entirely, which is usually the sign of a good compromise".
"""

COALITION_ROWS = {
    "Helen Marchetti": "person",
    "Valdoria": "place",
    "Green Alliance": "organisation",
    "Social Democratic Party": "organisation",
    "Tomas Eriksen": "person",
    "Riverside Chamber": "place",
    "Ingrid Solberg": "person",
    "Northport": "place",
    "Citizens' Movement": "organisation",
    "Pavel Korhonen": "person",
    "Eastfield": "place",
    "VBC": "organisation",
    "Farmers' League": "organisation",
    "Mats Halvorsen": "person",
    "Institute for Public Policy": "organisation",
    "Kessburg": "place",
    "Leena Mattila": "person",
    "Henrik Dahl": "person",
    "National Audit Office": "organisation",
    "Valdoria Rail": "organisation",
    "Sofia Lindgren": "person",
    "Rail Forward": "organisation",
    "Jonas Berg": "person",
    "Millbrook": "place",
    "Hallen": "place",
    "Maria Aalto": "person",
    "Nordpol Research": "organisation",
    "Kessburg Gazette": "organisation",
    "Brussels": "place",
    "European Commission": "organisation",
}

MERGER = """\
Harwell Foods agrees 4.1bn takeover by Dutch rival Kornmeyer

Shares in Harwell Foods jumped 27 per cent on Monday after the British snack maker agreed to be bought by Kornmeyer Group, the Dutch owner of the Crispa and Oatley Mills brands, in a deal that values it at 4.1 billion pounds including debt.

Kornmeyer, which is based in Utrecht, will pay 512 pence a share in cash, a premium of 34 per cent to Friday's closing price. Harwell's board, chaired by Sir Andrew Pell, said it would recommend the offer unanimously to shareholders.

The deal is the largest in the European packaged food industry this year and follows a run of takeovers of British companies by overseas buyers attracted by low valuations on the London Stock Exchange. Harwell, founded in Leicester in 1921, makes crisps, biscuits and breakfast cereals and employs about 6,800 people in Britain, most of them at factories in Leicester, Wrexham and Dundee.

Kornmeyer's chief executive, Elske van Dijk, said the combination would create "a European champion in everyday snacking" with annual sales of about 9 billion euros. She told analysts on a conference call that the company had "no plans" to close any of Harwell's sites, though it expected to find savings of 180 million euros a year, mostly from buying ingredients and packaging together.

The GMB union, which represents many of Harwell's factory workers, said it would seek "legally binding" assurances on jobs. "We have heard promises like these before," said Rachel Quinn, the union's national officer for food and drink. "Workers in Wrexham and Dundee deserve more than a line in a press release."

Harwell's chief executive, Martin Osei, who joined the company from Unilever in 2021, is expected to leave once the deal completes. He said the offer "recognises the value we have built" and that Kornmeyer's scale would help Harwell compete with supermarkets' own-label products, which have gained ground as shoppers cut back.

Analysts were divided on whether a rival bid could emerge. Priya Natarajan, a consumer analyst at Barclays, said the price was "full but fair" and that she did not expect a counter-offer. But Tom Whitfield of the broker Peel Hunt said American groups including Hollis Brands had looked at Harwell in the past and "may not want to see it go to a European rival".

The takeover will need approval from the Competition and Markets Authority, which blocked a smaller deal in the sector two years ago. Lawyers at Clifford Chance, advising Kornmeyer, said they expected a review of about six months. The European Commission will also examine the deal because of the companies' overlapping sales in Ireland and the Netherlands.

Kornmeyer is being advised by Goldman Sachs and Rothschild, while Morgan Stanley and the boutique firm Aldgate Partners are advising Harwell. The Dutch company said it would fund the purchase with cash and a new bond issue arranged by ING.

Harwell's largest shareholder, the investment firm Barrowgate Capital, which holds 12 per cent, said it supported the offer. Its founder, Simon Achterberg, said the deal was "a good outcome for a business that the London market has undervalued for too long".

The company's shares closed at 498 pence, below the offer price, suggesting some doubt among investors that the deal would be completed. Shares in Kornmeyer fell 3.2 per cent in Amsterdam.

Harwell reported pre-tax profits of 214 million pounds last year on sales of 2.3 billion pounds. It has struggled with rising costs for potatoes and sunflower oil since 2022 and last year closed a plant in Barnsley.

The FTSE 250 index, of which Harwell is a member, rose 0.6 per cent on Monday. Food producers were among the best performers, with Cranfield Bakeries up 4 per cent on speculation that it too could attract a bidder.
"""

MERGER_ROWS = {
    "Harwell Foods": "organisation",
    "Kornmeyer Group": "organisation",
    "Utrecht": "place",
    "Andrew Pell": "person",
    "London Stock Exchange": "organisation",
    "Leicester": "place",
    "United Kingdom": "place",
    "Wrexham": "place",
    "Dundee": "place",
    "Elske van Dijk": "person",
    "GMB": "organisation",
    "Rachel Quinn": "person",
    "Martin Osei": "person",
    "Unilever": "organisation",
    "Priya Natarajan": "person",
    "Barclays": "organisation",
    "Tom Whitfield": "person",
    "Peel Hunt": "organisation",
    "Hollis Brands": "organisation",
    "Competition and Markets Authority": "organisation",
    "Clifford Chance": "organisation",
    "European Commission": "organisation",
    "Ireland": "place",
    "Netherlands": "place",
    "Goldman Sachs": "organisation",
    "Rothschild": "organisation",
    "Morgan Stanley": "organisation",
    "Aldgate Partners": "organisation",
    "ING": "organisation",
    "Barrowgate Capital": "organisation",
    "Simon Achterberg": "person",
    "Amsterdam": "place",
    "Barnsley": "place",
    "Cranfield Bakeries": "organisation",
}

SCIENCE = """\
Glacier in Greenland losing ice three times faster than thought, study finds

A glacier in north-west Greenland is losing ice about three times faster than scientists had estimated, because warm ocean water is reaching further beneath its floating tongue than earlier surveys showed, according to research published on Wednesday.

The study, led by researchers at the University of Tromsø and the Scripps Institution of Oceanography, used an autonomous submarine to map the cavity under Petermann Glacier over two summers. It found that seawater about 2C above freezing point was flowing up to 7 kilometres further inland than previous models assumed, melting the glacier from below.

"We expected to find warm water, but not this far in," said Dr Anja Vestergaard, a glaciologist at Tromsø who led the fieldwork. "The grounding line, where the ice lifts off the bedrock and starts to float, is moving back and forth with the tides by several kilometres. That makes the glacier much more sensitive to ocean warming than the standard picture allows."

The findings, published in the journal Nature Geoscience, suggest that sea-level projections for the region may be too low. Petermann is one of a handful of large glaciers that drain the northern part of the Greenland ice sheet, which holds enough ice to raise global sea levels by more than seven metres if it melted entirely.

The team spent six weeks in 2023 and five in 2024 aboard the Swedish icebreaker Oden, launching the submarine, named Ran, through gaps in the sea ice. Ran carried sonar and sensors for temperature and salinity and travelled as far as 18 kilometres beneath the ice on each dive.

Professor Daniel Okafor of Scripps, a co-author, said the data allowed the team to calculate the melt rate directly for the first time. "Satellites can tell us how the surface is changing, but they cannot see the underside of the ice," he said. "With Ran we could measure the water that is doing the damage."

The researchers estimate that the glacier's floating tongue is losing about 12 billion tonnes of ice a year, compared with about four billion tonnes in estimates based on satellite data alone. The glacier lost two large sections in 2010 and 2012, events that were widely reported at the time.

Other scientists said the study was an important step but cautioned against drawing conclusions for the whole ice sheet. Dr Fiona Gallagher, who studies ice-ocean interactions at the British Antarctic Survey in Cambridge and was not involved in the research, said the tidal movement of the grounding line was "a striking result" that needed to be included in computer models. "The question now is how many other glaciers behave the same way," she said.

The work was funded by the Research Council of Norway, the US National Science Foundation and the Swedish Polar Research Secretariat, which operates Oden. Data from the expedition will be made public through the Arctic Data Centre in Oslo.

The Intergovernmental Panel on Climate Change said in its most recent assessment that the Greenland ice sheet was losing about 270 billion tonnes of ice a year on average and that the rate had increased since the 1990s. Losses from Greenland now account for about a fifth of the rise in global sea level.

Vestergaard said the team hoped to return in 2026 to survey Humboldt Glacier, further south, which is wider than Petermann but has been studied less. The expedition would depend on the availability of an icebreaker, she said, as the Swedish vessel is booked for work in the Antarctic that season.

Meanwhile, researchers at the Danish Meteorological Institute in Copenhagen reported this week that Greenland's summer melt season ended two weeks later than average in 2025, after a warm September along the west coast around Nuuk and Ilulissat.
"""

SCIENCE_ROWS = {
    "Greenland": "place",
    "University of Tromsø": "organisation",
    "Scripps Institution of Oceanography": "organisation",
    "Petermann Glacier": "place",
    "Anja Vestergaard": "person",
    "Tromsø": "place",
    "Nature Geoscience": "organisation",
    "Daniel Okafor": "person",
    "Fiona Gallagher": "person",
    "British Antarctic Survey": "organisation",
    "Cambridge": "place",
    "Research Council of Norway": "organisation",
    "National Science Foundation": "organisation",
    "Swedish Polar Research Secretariat": "organisation",
    "Arctic Data Centre": "organisation",
    "Oslo": "place",
    "Intergovernmental Panel on Climate Change": "organisation",
    "Humboldt Glacier": "place",
    "Antarctic": "place",
    "Danish Meteorological Institute": "organisation",
    "Copenhagen": "place",
    "Nuuk": "place",
    "Ilulissat": "place",
}

BRIDGE = """\
Ferry Lane bridge to close for 18 months as council approves £14m rebuild

By Owen Pritchard, Local Democracy Reporter

The only road bridge linking the two halves of Ashcombe will close for a year and a half from next spring after councillors approved a £14 million plan to replace it.

Members of Westmere District Council's planning committee voted seven to two on Thursday evening to demolish the Ferry Lane bridge, which carries about 11,000 vehicles a day over the River Tamsey, and build a wider crossing with a separate cycle path.

Engineers told the meeting at Ashcombe Town Hall that the 1930s concrete structure had deteriorated faster than expected since an inspection in 2021, and that a weight limit of 7.5 tonnes imposed last year could not be kept in place indefinitely. "Doing nothing is not an option," said Claire Beaumont, the council's head of highways. "The choice is between a planned closure now and an unplanned one later."

While the work is carried out, drivers will be sent on a diversion of about nine miles through Little Harford and the A38 at Crossways, a route that traders in the town centre fear will keep shoppers away.

Gareth Lloyd, who runs a hardware shop on Market Street and chairs the Ashcombe Chamber of Trade, said several businesses had already told him they were considering moving. "Half of our customers come from the north side," he said. "If it takes them 25 minutes to get here instead of five, they will go to the retail park at Stanton instead."

The council's leader, Councillor Bridget Harmon, said the authority would pay for a free shuttle bus between the two sides of the town and would consider a temporary footbridge for pedestrians and cyclists. A decision on the footbridge is expected in January, after talks with the Environment Agency, which must approve any structure over the river.

Two Liberal Democrat members voted against the plan. Councillor Neil Abbott, who represents the Riverside ward, said the council had "sat on the inspection report for two years" and should have started work sooner, when costs were lower. He also questioned why the contract had been awarded to Greyfield Construction, which finished a flood defence scheme in nearby Pollbridge eight months late.

A spokesman for Greyfield said the delays at Pollbridge had been caused by "exceptional weather and a change of design requested by the client" and that the company was "confident of delivering Ferry Lane on time".

The rebuild will be paid for with £9 million from the Department for Transport, £3 million from Somerset County Council and the rest from the district council's own reserves. Officers said the final cost could rise if the old foundations turned out to be in worse condition than surveys suggested.

Residents who spoke at the meeting raised concerns about access for emergency vehicles. Ashcombe has no ambulance station of its own, and crews from Bridgwater currently reach the north side of the town across Ferry Lane. South Western Ambulance Service said it was working with the council on a plan to station a vehicle north of the river during the closure.

Margaret Ellis, 81, who lives on Orchard Road, told councillors her husband had needed an ambulance twice in the past year. "I am not against a new bridge," she said. "I just want to know that when I ring 999, someone will get here."

Harmon said the concerns would be included in a traffic management plan to be published before Christmas. The bridge is due to close on 6 April, and the council hopes to reopen the new crossing in October of the following year.

Local MP Sarah Whitcombe welcomed the decision and said she would press ministers for more money to cover any overrun. "Ashcombe has waited long enough for this," she said.
"""

BRIDGE_ROWS = {
    "Ferry Lane": "place",
    "Owen Pritchard": "person",
    "Ashcombe": "place",
    "Westmere District Council": "organisation",
    "River Tamsey": "place",
    "Ashcombe Town Hall": "place",
    "Claire Beaumont": "person",
    "Little Harford": "place",
    "Crossways": "place",
    "Gareth Lloyd": "person",
    "Market Street": "place",
    "Ashcombe Chamber of Trade": "organisation",
    "Stanton": "place",
    "Bridget Harmon": "person",
    "Environment Agency": "organisation",
    "Liberal Democrat": "organisation",
    "Neil Abbott": "person",
    "Riverside": "place",
    "Greyfield Construction": "organisation",
    "Pollbridge": "place",
    "Department for Transport": "organisation",
    "Somerset County Council": "organisation",
    "Bridgwater": "place",
    "South Western Ambulance Service": "organisation",
    "Margaret Ellis": "person",
    "Orchard Road": "place",
    "Sarah Whitcombe": "person",
}

FOOTBALL = """\
LATE OKONKWO WINNER KEEPS KINGSBRIDGE TOP

KINGSBRIDGE ATHLETIC 2 HALLAM ROVERS 1

By Danny Fairclough at Marsh Road

Emeka Okonkwo headed in a stoppage-time winner as Kingsbridge Athletic came from behind to beat Hallam Rovers and stay two points clear at the top of the Northern Championship.

Hallam had led through a first-half penalty from Lewis Grant, awarded when Kingsbridge defender Tom Ashworth pulled down Callum Reid as he ran on to a through ball. Grant sent goalkeeper Piotr Nowak the wrong way in the 31st minute.

Kingsbridge manager Alan Birch made two changes at half-time, sending on the winger Jordan Mills and the midfielder Sami Haddad, and his side were level within eight minutes. Mills beat two men on the left and crossed for Ryan Kettle to sweep in his 14th goal of the season.

Hallam, who started the day fourth, defended deep after that and their goalkeeper, Marcus Feeney, made fine saves from Haddad and Kettle. But in the third minute of added time Mills swung in a corner and Okonkwo, the Nigerian centre-back signed from Dunmore City in the summer, rose above Reid to head in.

"We showed what this group is about," Birch said. "We were poor in the first half, I told them so, and they answered. Emeka has been outstanding since he came in and he deserved that moment."

Hallam manager Steve Ingham was angry that the corner was given. "It came off their man, everyone in the ground saw it except the one person who matters," he said. "We'll look at it again, but I'm proud of the effort."

The crowd of 11,842 was the biggest at Marsh Road this season. Kingsbridge travel to Fenwick Town on Tuesday, while Hallam host Carrow United.

Elsewhere, second-placed Dunmore City kept up the chase with a 3-0 win at Oldbury, where Femi Adeyemi scored twice. Bradstow Wanderers moved into the play-off places after a 2-2 draw with Carrow United, in which Carrow's Luke Hennessy was sent off.

Kingsbridge Athletic: Nowak; Ashworth, Okonkwo, Bryant, Lyle; Kettle, Price (Haddad 46), Osborne; Walsh (Mills 46), Burke, Dean.
Hallam Rovers: Feeney; Reid, Stanton, Cole, Fisher; Grant, Oduya, Marsh (Pike 75); Connolly, Hughes.
Scorers: Kingsbridge: Kettle 54, Okonkwo 90+3. Hallam: Grant 31 pen.
Booked: Ashworth, Osborne; Reid, Oduya.
Referee: Andrew Madley (Yorkshire).
Attendance: 11,842.

NORTHERN CHAMPIONSHIP RESULTS
Kingsbridge Athletic 2 Hallam Rovers 1
Oldbury 0 Dunmore City 3
Bradstow Wanderers 2 Carrow United 2
Fenwick Town 1 Ellerby 1
Gatesby 0 Thornley Park 2
Redmarsh 4 Sowerton 1

TABLE
                       P   W  D  L   GD  Pts
1 Kingsbridge Athletic 20 14  3  3  +21   45
2 Dunmore City         20 13  4  3  +19   43
3 Thornley Park        20 11  5  4  +12   38
4 Hallam Rovers        20 11  3  6   +9   36
5 Bradstow Wanderers   20 10  4  6   +6   34
6 Fenwick Town         20  9  6  5   +4   33
7 Redmarsh             20  8  5  7   +2   29
8 Carrow United        20  7  6  7    0   27
9 Ellerby              20  6  5  9   -5   23
10 Oldbury             20  5  5 10   -9   20
11 Gatesby             20  3  6 11  -18   15
12 Sowerton            20  2  4 14  -22   10

Next fixtures: Fenwick Town v Kingsbridge Athletic; Hallam Rovers v Carrow United; Dunmore City v Redmarsh; Thornley Park v Bradstow Wanderers.

Okonkwo's goal was his second of the season, both of them headers from corners. The defender was named in the Nigeria squad for next month's friendlies against Ghana and Cameroon in London, and Birch said he expected to lose him for two league games. "I won't stand in his way," the manager said. "Playing for your country is the biggest thing there is."

Ingham, whose side have now lost three of their last five matches, said the club would appeal against the booking shown to Oduya, which means the midfielder will serve a one-match ban against Carrow. The Hallam chairman, Keith Rowntree, gave the manager his public backing before the match, saying the board was "fully behind Steve and the staff".
"""

FOOTBALL_ROWS = {
    "Emeka Okonkwo": "person",
    "Kingsbridge Athletic": "organisation",
    "Hallam Rovers": "organisation",
    "Danny Fairclough": "person",
    "Marsh Road": "place",
    "Northern Championship": "organisation",
    "Lewis Grant": "person",
    "Tom Ashworth": "person",
    "Callum Reid": "person",
    "Piotr Nowak": "person",
    "Alan Birch": "person",
    "Jordan Mills": "person",
    "Sami Haddad": "person",
    "Ryan Kettle": "person",
    "Marcus Feeney": "person",
    "Dunmore City": "organisation",
    "Steve Ingham": "person",
    "Fenwick Town": "organisation",
    "Carrow United": "organisation",
    "Oldbury": "organisation",
    "Femi Adeyemi": "person",
    "Bradstow Wanderers": "organisation",
    "Luke Hennessy": "person",
    "Bryant": "person",
    "Lyle": "person",
    "Price": "person",
    "Osborne": "person",
    "Walsh": "person",
    "Dean": "person",
    "Burke": "person",
    "Stanton": "person",
    "Cole": "person",
    "Fisher": "person",
    "Oduya": "person",
    "Marsh": "person",
    "Pike": "person",
    "Connolly": "person",
    "Hughes": "person",
    "Andrew Madley": "person",
    "Yorkshire": "place",
    "Ellerby": "organisation",
    "Gatesby": "organisation",
    "Thornley Park": "organisation",
    "Redmarsh": "organisation",
    "Sowerton": "organisation",
    "Nigeria": "organisation",
    "Ghana": "organisation",
    "Cameroon": "organisation",
    "London": "place",
    "Keith Rowntree": "person",
}

BASKETBALL = """\
Okafor scores 38 as Harbour City Hawks hold off Lakeport

Harbour City Hawks 112, Lakeport Lynx 106

By Marcy Delgado, Special to the Courier

HARBOUR CITY - Jalen Okafor scored 38 points, including 14 in the fourth quarter, and the Harbour City Hawks held off a late rally to beat the Lakeport Lynx 112-106 on Saturday night at Meridian Arena.

The Hawks led by 19 early in the third quarter before Lakeport guard Dario Bellini hit five three-pointers in a seven-minute stretch to cut the lead to two with 3:12 left. Okafor answered with a step-back jumper and a driving layup, and Chris Whitman sealed it with two free throws with 11 seconds remaining.

"We got comfortable, and you can't do that against a team with shooters like theirs," said Hawks coach Renee Calloway. "But when it got tight, Jalen wanted the ball, and that's what great players do."

Okafor, who was named to the All-Star team last week, shot 14 of 22 from the field and added nine rebounds and six assists. Whitman finished with 21 points and Marcus Tillery had a double-double with 12 points and 13 rebounds.

Bellini led Lakeport with 31 points, a season high, and Andre Kowalczyk added 19 points and 10 rebounds. The Lynx were without their leading scorer, Devonte Ames, who missed his third straight game with a sprained left ankle. Lakeport coach Gregg Halvorsen said Ames would be re-evaluated on Monday.

"Dario kept us in it, but we dug too big a hole," Halvorsen said. "You can't spot a team like Harbour City 19 points on their floor and expect to get away with it."

The Hawks (31-14) have won seven of their last eight and moved within a game of the Riverton Stags for first place in the Western Conference. The Lynx (22-23) have lost four in a row and fell to 10th, the last spot for the play-in tournament.

Harbour City rookie Theo Marchand, the fifth pick in last summer's draft, played 18 minutes off the bench and scored eight points, all in the second quarter. He left late in the game after a collision with Kowalczyk but returned to the bench and said afterwards he was fine.

A crowd of 18,204 included former Hawks great Leon Archibald, whose No. 33 jersey was retired in 2019. Archibald, now a broadcaster with Vista Sports Network, received a standing ovation during a timeout in the first quarter.

LAKEPORT LYNX (106)
Bellini 11-21 4-4 31, Kowalczyk 8-15 3-5 19, Ndiaye 4-9 0-0 9, Forsberg 3-10 2-2 10, Hale 5-11 1-2 12, Mbeki 2-4 0-0 5, Tran 3-6 2-2 9, Pollard 2-3 0-0 4, Greer 1-2 0-0 2, Sato 0-1 0-0 0, Rudd 1-1 3-4 5. Totals 40-83 15-19 106.

HARBOUR CITY HAWKS (112)
Okafor 14-22 8-9 38, Tillery 5-8 2-4 12, Whitman 7-14 5-5 21, Ojo 3-7 0-0 7, Lindqvist 4-9 2-2 11, Marchand 3-5 2-2 8, Delacroix 2-6 0-0 5, Fennimore 2-3 0-0 4, Baptiste 1-2 0-0 2, Yoon 1-1 2-2 4. Totals 42-77 21-24 112.

Lakeport     24 28 26 28 - 106
Harbour City 31 30 25 26 - 112

3-Point Goals: Lakeport 11-32 (Bellini 5-10, Forsberg 2-7, Hale 1-4, Ndiaye 1-3, Mbeki 1-2, Tran 1-3, Kowalczyk 0-3), Harbour City 7-24 (Okafor 2-5, Whitman 2-6, Ojo 1-3, Lindqvist 1-4, Delacroix 1-4, Marchand 0-2). Rebounds: Lakeport 39 (Kowalczyk 10), Harbour City 46 (Tillery 13). Assists: Lakeport 21 (Forsberg 7), Harbour City 25 (Okafor 6). Attendance: 18,204. Referees: Tony Brennan, Scott Wirtz, Leah Odum.

The Hawks host the Riverton Stags on Tuesday in a game that could decide the top seed. Calloway said forward Kwame Ojo, who played through a bruised hip, would be assessed before the game. The Lynx begin a four-game road trip at Sandport on Monday.

Halvorsen said the losing run had not shaken his faith in a young roster. "We'll be fine," he said. "We've got guys who are learning on the job, and nights like this are part of that."
"""

BASKETBALL_ROWS = {
    "Jalen Okafor": "person",
    "Harbour City Hawks": "organisation",
    "Lakeport Lynx": "organisation",
    "Marcy Delgado": "person",
    "Courier": "organisation",
    "Harbour City": "place",
    "Meridian Arena": "place",
    "Dario Bellini": "person",
    "Chris Whitman": "person",
    "Renee Calloway": "person",
    "Marcus Tillery": "person",
    "Andre Kowalczyk": "person",
    "Devonte Ames": "person",
    "Gregg Halvorsen": "person",
    "Riverton Stags": "organisation",
    "Western Conference": "organisation",
    "Theo Marchand": "person",
    "Leon Archibald": "person",
    "Vista Sports Network": "organisation",
    "Ndiaye": "person",
    "Forsberg": "person",
    "Hale": "person",
    "Mbeki": "person",
    "Tran": "person",
    "Pollard": "person",
    "Greer": "person",
    "Sato": "person",
    "Rudd": "person",
    "Kwame Ojo": "person",
    "Lindqvist": "person",
    "Delacroix": "person",
    "Fennimore": "person",
    "Baptiste": "person",
    "Yoon": "person",
    "Tony Brennan": "person",
    "Scott Wirtz": "person",
    "Leah Odum": "person",
    "Sandport": "place",
}

CRICKET = """\
Kapoor five-for bowls Surrey to victory over Hampshire at The Oval

Surrey beat Hampshire by 84 runs

By James Thornbury at The Oval

Arjun Kapoor took five for 38 as Surrey bowled out Hampshire for 211 on the final afternoon to win by 84 runs and move to the top of the County Championship's first division.

Set 296 to win on a pitch that had begun to turn, Hampshire reached 142 for three at lunch with Toby Albert and Liam Dawson well set. But Kapoor, the 24-year-old off-spinner from Bradford, removed both in his first three overs after the break, and the last seven wickets fell for 54 runs.

"The ball started to grip from the Vauxhall End and I just tried to be patient," Kapoor said. "Ollie Pope kept the fielders in close and we knew one chance would bring two or three."

Pope, Surrey's captain, had set up the game with a first-innings 112, and Dom Sibley's patient 78 in the second innings gave the bowlers time. Hampshire's Kyle Abbott took seven wickets in the match, but their batting failed again: they have not passed 250 in any of their last six innings.

Hampshire's director of cricket, Giles White, said the side had been "outplayed in the key sessions". He said Dawson would have a scan on a sore side but was expected to play in the next match, against Somerset at Taunton.

Surrey lead Essex by nine points. Essex drew with Lancashire at Chelmsford, where rain washed out the last two days, while Warwickshire beat Nottinghamshire by six wickets at Edgbaston.

SCORECARD

Surrey 341 (Pope 112, Foakes 58; Abbott 4-71) and 252 (Sibley 78, Jacks 44; Abbott 3-66, Dawson 3-80)
Hampshire 298 (Vince 96, Albert 61; Kapoor 3-70, Atkinson 3-58) and 211

Hampshire second innings
T Albert c Foakes b Kapoor 67 (121)
F Middleton lbw b Atkinson 4 (11)
J Vince c Jacks b Clark 22 (40)
L Dawson st Foakes b Kapoor 38 (76)
B Brown c Pope b Kapoor 0 (3)
J Fuller b Atkinson 19 (33)
F Organ c Sibley b Kapoor 21 (37)
K Abbott not out 17 (25)
J Turner run out (Jacks) 6 (9)
M Barker lbw b Kapoor 2 (5)
I Holland absent hurt
Extras (b 4, lb 7, w 1, nb 3) 15
Total (all out, 77.4 overs) 211

Fall of wickets: 1-9 (Middleton), 2-46 (Vince), 3-131 (Albert), 4-142 (Dawson), 5-142 (Brown), 6-163 (Fuller), 7-189 (Organ), 8-198 (Turner), 9-211 (Barker)

Bowling: Atkinson 16-3-52-2, Clark 14-2-47-1, Lawes 9-1-33-0, Kapoor 24.4-6-38-5, Jacks 14-3-30-0

Umpires: Russell Evans and Neil Bainton

The result was Surrey's fourth win in five matches and their second by a margin of more than 80 runs. Gus Atkinson, who returned from an England tour this month, took five wickets in the match and said he was "enjoying bowling long spells again".

Kapoor's figures were the best of his first-class career, beating the four for 61 he took against Kent at Canterbury last season. He joined Surrey from Yorkshire in the winter after two seasons in which he played only five Championship matches.

Surrey's head coach, Gareth Batty, said the club had seen "a lot of potential" in Kapoor. "He spins it hard, he is brave, and he wants to bowl in the big moments," Batty said. "He has earned his place."

Surrey travel to Hove to play Sussex next week, while Hampshire host Somerset at the Utilita Bowl after Dawson's scan. Ben Foakes, who made 58 and took four catches, is expected to keep wicket in both games.
"""

CRICKET_ROWS = {
    "Arjun Kapoor": "person",
    "Surrey": "organisation",
    "Hampshire": "organisation",
    "The Oval": "place",
    "James Thornbury": "person",
    "County Championship": "organisation",
    "Toby Albert": "person",
    "Liam Dawson": "person",
    "Bradford": "place",
    "Vauxhall End": "place",
    "Ollie Pope": "person",
    "Dom Sibley": "person",
    "Kyle Abbott": "person",
    "Giles White": "person",
    "Somerset": "organisation",
    "Taunton": "place",
    "Essex": "organisation",
    "Lancashire": "organisation",
    "Chelmsford": "place",
    "Warwickshire": "organisation",
    "Nottinghamshire": "organisation",
    "Edgbaston": "place",
    "Ben Foakes": "person",
    "Jacks": "person",
    "J Vince": "person",
    "Gus Atkinson": "person",
    "F Middleton": "person",
    "Clark": "person",
    "B Brown": "person",
    "J Fuller": "person",
    "F Organ": "person",
    "J Turner": "person",
    "M Barker": "person",
    "I Holland": "person",
    "Lawes": "person",
    "Russell Evans": "person",
    "Neil Bainton": "person",
    "England": "organisation",
    "Kent": "organisation",
    "Canterbury": "place",
    "Yorkshire": "organisation",
    "Gareth Batty": "person",
    "Hove": "place",
    "Sussex": "organisation",
    "Utilita Bowl": "place",
}

ATHLETICS = """\
Chebet breaks meeting record as Warholm returns in style in Oslo

By Kirsty Lamb in Oslo

Beatrice Chebet broke the meeting record in the women's 5,000 metres and Karsten Warholm won the 400m hurdles on his return from injury at the Bislett Games on Thursday night.

Chebet, the Olympic champion from Kenya, ran 14min 09.52sec, pulling clear of Ethiopia's Gudaf Tsegay on the final lap to take more than two seconds off the record set in 2016. Her compatriot Margaret Kipkemboi was third.

"The crowd here is always special," Chebet said. "I wanted to run fast tonight and the pacemakers did a great job for the first 3,000. After that it was just me and Gudaf, and I knew I had a strong finish."

Warholm, racing for the first time since tearing a hamstring in April, thrilled a full house at the stadium with a time of 46.98sec, the fastest in the world this year. The Norwegian beat Rai Benjamin of the United States, who was second in 47.21, with Alison dos Santos of Brazil third.

"I was nervous all day," Warholm said. "You never know after an injury. But the legs felt good and this stadium gives you something extra." His coach, Leif Olav Alnes, said Warholm would race next in Stockholm before the European Championships in Rome.

In the men's mile, Jakob Ingebrigtsen was beaten on home soil for the first time in three years when Yared Nuguse of the United States passed him in the last 50 metres. Britain's Josh Kerr, the world champion at 1500m, faded to fifth after leading at the bell.

There was a British win in the women's 800m, where Keely Hodgkinson ran a controlled race to beat Mary Moraa of Kenya and the Australian Catriona Bisset. Hodgkinson, who trains in Manchester under Trevor Painter and Jenny Meadows, said she had been working on her speed over the last 200 metres.

In the field, Sweden's Armand Duplantis cleared 6.10m to win the pole vault and then had three attempts at a world record of 6.26m, all of them failures. Yaroslava Mahuchikh of Ukraine won the women's high jump with 2.01m.

RESULTS

Men

100m (wind +0.4): 1 Oblique Seville (Jamaica) 9.91; 2 Akani Simbine (South Africa) 9.95; 3 Ferdinand Omanyala (Kenya) 10.01; 4 Henrik Larsson (Sweden) 10.19.

400m hurdles: 1 K Warholm (Norway) 46.98; 2 R Benjamin (United States) 47.21; 3 A dos Santos (Brazil) 47.66; 4 Wilfried Happio (France) 48.30; 5 Alastair Chalmers (Britain) 48.52.

Mile: 1 Y Nuguse (United States) 3:46.22; 2 J Ingebrigtsen (Norway) 3:46.40; 3 Niels Laros (Netherlands) 3:47.11; 4 Azeddine Habz (France) 3:48.02; 5 J Kerr (Britain) 3:48.35.

Pole vault: 1 A Duplantis (Sweden) 6.10m; 2 Sam Kendricks (United States) 5.95; 3 Emmanouil Karalis (Greece) 5.85.

Javelin: 1 Jakub Vadlejch (Czech Republic) 88.15m; 2 Julian Weber (Germany) 86.40; 3 Anderson Peters (Grenada) 85.02.

Women

800m: 1 K Hodgkinson (Britain) 1:56.71; 2 M Moraa (Kenya) 1:57.30; 3 C Bisset (Australia) 1:57.84; 4 Natoya Goule-Toppin (Jamaica) 1:58.91.

5,000m: 1 B Chebet (Kenya) 14:09.52; 2 G Tsegay (Ethiopia) 14:11.87; 3 M Kipkemboi (Kenya) 14:20.03; 4 Nadia Battocletti (Italy) 14:31.44; 5 Karoline Bjerkeli Grovdal (Norway) 14:45.10.

High jump: 1 Y Mahuchikh (Ukraine) 2.01m; 2 Nicola Olyslagers (Australia) 1.98; 3 Angelina Topic (Serbia) 1.95.

The meeting, part of the Diamond League series, drew a crowd of 15,000 to Bislett Stadium. Organisers said tickets for next year's edition would go on sale in the autumn. World Athletics president Sebastian Coe, who attended, praised the atmosphere and said Oslo remained "one of the great nights of the season".
"""

ATHLETICS_ROWS = {
    "Beatrice Chebet": "person",
    "Karsten Warholm": "person",
    "Oslo": "place",
    "Kirsty Lamb": "person",
    "Kenya": "place",
    "Ethiopia": "place",
    "Gudaf Tsegay": "person",
    "Margaret Kipkemboi": "person",
    "Rai Benjamin": "person",
    "United States": "place",
    "Alison dos Santos": "person",
    "Brazil": "place",
    "Leif Olav Alnes": "person",
    "Stockholm": "place",
    "Rome": "place",
    "Jakob Ingebrigtsen": "person",
    "Yared Nuguse": "person",
    "United Kingdom": "place",
    "Josh Kerr": "person",
    "Keely Hodgkinson": "person",
    "Mary Moraa": "person",
    "Catriona Bisset": "person",
    "Manchester": "place",
    "Trevor Painter": "person",
    "Jenny Meadows": "person",
    "Sweden": "place",
    "Armand Duplantis": "person",
    "Yaroslava Mahuchikh": "person",
    "Ukraine": "place",
    "Oblique Seville": "person",
    "Jamaica": "place",
    "Akani Simbine": "person",
    "South Africa": "place",
    "Ferdinand Omanyala": "person",
    "Henrik Larsson": "person",
    "Norway": "place",
    "Wilfried Happio": "person",
    "France": "place",
    "Alastair Chalmers": "person",
    "Niels Laros": "person",
    "Netherlands": "place",
    "Azeddine Habz": "person",
    "Sam Kendricks": "person",
    "Emmanouil Karalis": "person",
    "Greece": "place",
    "Jakub Vadlejch": "person",
    "Czech Republic": "place",
    "Julian Weber": "person",
    "Germany": "place",
    "Anderson Peters": "person",
    "Grenada": "place",
    "Natoya Goule-Toppin": "person",
    "Australia": "place",
    "Nadia Battocletti": "person",
    "Italy": "place",
    "Karoline Bjerkeli Grovdal": "person",
    "Nicola Olyslagers": "person",
    "Angelina Topic": "person",
    "Serbia": "place",
    "Bislett Stadium": "place",
    "World Athletics": "organisation",
    "Sebastian Coe": "person",
}

FRESH = {
    "sports": {
        "football with table": (FOOTBALL, FOOTBALL_ROWS),
        "basketball box score": (BASKETBALL, BASKETBALL_ROWS),
        "cricket scorecard": (CRICKET, CRICKET_ROWS),
        "athletics results": (ATHLETICS, ATHLETICS_ROWS),
    },
    "news": {
        "coalition talks": (COALITION, COALITION_ROWS),
        "takeover": (MERGER, MERGER_ROWS),
        "glacier study": (SCIENCE, SCIENCE_ROWS),
        "bridge rebuild": (BRIDGE, BRIDGE_ROWS),
    },
}
"""Genre -> article -> (text, expected sidebar rows)."""
