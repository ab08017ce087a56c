"""Articles written for the entity tests, shaped like the feeds that are not prose: sports results, market
reports, election tallies, with datelines, bylines and headlines in capitals; and two news reports heavy with
titles and roles (a vote in Congress, a committee hearing, a fraud trial, a Senate vote with its tally), a golf
leaderboard and a cup tie with team sheets, and news with datelines, companies, places and works (a funding
round, a border crisis, an obituary, a council vote). Each lists the sidebar rows a
careful reader would expect ({name: kind}); names are invented or public figures used only as text.
"""

from __future__ import annotations

SPORTS = """\
ROVERS HOLD NERVE AS HALDEN SCORES TWICE

By Tomas Brennick, Sports Reporter

LEEDS, England (Reuters) - Marco Halden scored twice as Kirkby Rovers beat Ashford United 3-1 at Elland Road on Saturday to stay top of the table.

Halden opened the scoring after 12 minutes and added a second before half-time. Ashford's Dele Moreno pulled one back, but Sam Okafor sealed it late on.

"We never panicked," said Rovers manager Jill Castell. "Marco was outstanding."

RESULTS
Kirkby Rovers 3 (Halden 12, 41, Okafor 88) Ashford United 1 (Moreno 55)
Brenton City 0 Dunmore Athletic 2
Lorne Wanderers 1 Carvell Town 1

STANDINGS
1. Kirkby Rovers 14 pts
2. Dunmore Athletic 12 pts
3. Carvell Town 11 pts

Next Saturday: Kirkby Rovers v Brenton City; Dunmore Athletic v Lorne Wanderers.
"""

SPORTS_ROWS = {
    "Tomas Brennick": "person",
    "Leeds": "place",
    "England": "place",
    "Reuters": "organisation",
    "Marco Halden": "person",
    "Kirkby Rovers": "organisation",
    "Ashford United": "organisation",
    "Elland Road": "place",
    "Dele Moreno": "person",
    "Sam Okafor": "person",
    "Jill Castell": "person",
    "Brenton City": "organisation",
    "Dunmore Athletic": "organisation",
    "Lorne Wanderers": "organisation",
    "Carvell Town": "organisation",
}

MARKETS = """\
STOCKS SLIDE AS OIL JUMPS; BANKS LEAD LOSSES

NEW YORK, March 4 (AP) - Wall Street fell on Tuesday after oil prices rose for a third day and Harmon Bancorp warned on profits.

The Dow Jones Industrial Average lost 1.2%, the S&P 500 fell 0.9% and the Nasdaq slipped 0.4%. Harmon Bancorp dropped 6.3% after chief executive Lena Varga said loan losses would rise. Brent crude rose 2.1% to $84.10 a barrel.

In London, the FTSE 100 closed 0.6% lower, while Tokyo's Nikkei ended flat.

"Investors are nervous about rates," said Omar Rees, an analyst at Pellham Securities.

Movers:
Harmon Bancorp -6.3%
Castor Energy +4.8%
Velin Motors -2.2%
"""

MARKETS_ROWS = {
    "New York": "place",
    "AP": "organisation",
    "Wall Street": "place",
    "Harmon Bancorp": "organisation",
    "Lena Varga": "person",
    "London": "place",
    "Tokyo": "place",
    "Omar Rees": "person",
    "Pellham Securities": "organisation",
    "Castor Energy": "organisation",
    "Velin Motors": "organisation",
    "Nasdaq": "organisation",
}

ELECTION = """\
ALVAREZ WINS NORTH DISTRICT SEAT BY 412 VOTES

By Priya Natarajan

SPRINGFIELD, Ill. - Democrat Rosa Alvarez won the North District seat on Tuesday, beating Republican Gary Whitcombe by 412 votes after a recount, the county election board said.

Alvarez had 18,204 votes (50.6%) to Whitcombe's 17,792 (49.4%). The Green Party candidate, Ted Moss, withdrew in October.

Results by ward:
Ward 1: Alvarez 4,101, Whitcombe 3,870
Ward 2: Alvarez 5,230, Whitcombe 5,412
Ward 3: Whitcombe 8,510, Alvarez 8,873

Whitcombe said he would not challenge the result. Alvarez will be sworn in at the Capitol in January.
"""

ELECTION_ROWS = {
    "Priya Natarajan": "person",
    "Springfield": "place",
    "Ill": "place",
    "Rosa Alvarez": "person",
    "North District": "place",
    "Gary Whitcombe": "person",
    "Green Party": "organisation",
    "Ted Moss": "person",
    "Capitol": "place",
}

CONGRESS = """\
House approves defence bill after late deal on border money

WASHINGTON (AP) — The House of Representatives on Thursday approved an $886 billion defence policy bill, after Speaker Mike Johnson struck a late deal with Democrats over money for the southern border.

The bill passed 310-118. House Minority Leader Hakeem Jeffries, a New York Democrat, said it "keeps faith with our troops". Representative Marjorie Taylor Greene of Georgia voted against it, as did several members of the Freedom Caucus.

Senate Majority Whip Dick Durbin said the Senate would take up the measure next week. The Pentagon has warned that delays would hold up pay rises. Defense Secretary Lloyd Austin told reporters at Fort Bragg that the bill "gives our people certainty."

The White House said President Biden would sign it.
"""

CONGRESS_ROWS = {
    "Washington": "place",
    "AP": "organisation",
    "House of Representatives": "organisation",
    "Mike Johnson": "person",
    "Hakeem Jeffries": "person",
    "New York": "place",
    "Marjorie Taylor Greene": "person",
    "Georgia": "place",
    "Freedom Caucus": "organisation",
    "Dick Durbin": "person",
    "Senate": "organisation",
    "Pentagon": "organisation",
    "Lloyd Austin": "person",
    "Fort Bragg": "place",
    "White House": "organisation",
    "Biden": "person",
    "Democrats": "organisation",
}

HEARING = """\
Water company chief grilled by MPs over sewage spills

LONDON (PA) - The chief executive of Thames Water, Chris Weston, told MPs on Tuesday that the company would need "years, not months" to cut sewage discharges into the River Thames and its tributaries.

Weston faced questions from the Environment, Food and Rural Affairs Committee after Ofwat fined the utility £104 million. Committee chair Alistair Carmichael asked why bonuses had been paid while pollution incidents rose.

Feargal Sharkey, the former Undertones singer who campaigns on river pollution, said outside Portcullis House that the answers were "deeply disappointing". The Environment Agency said it was investigating 12 spills near Oxford and Reading.
"""

HEARING_ROWS = {
    "London": "place",
    "PA": "organisation",
    "Thames Water": "organisation",
    "Chris Weston": "person",
    "River Thames": "place",
    "Environment, Food and Rural Affairs Committee": "organisation",
    "Ofwat": "organisation",
    "Alistair Carmichael": "person",
    "Feargal Sharkey": "person",
    "Undertones": "organisation",
    "Portcullis House": "place",
    "Environment Agency": "organisation",
    "Oxford": "place",
    "Reading": "place",
}

TRIAL = """\
Former bank boss denies misleading investors, court hears

LONDON (Reuters) - Graham Pellow, the former chairman of Harcastle Bank, told Southwark Crown Court on Monday that he had never misled investors about the lender's losses during the 2008 financial crisis.

Pellow, 71, and two other former executives deny fraud. Prosecutor Sarah Whitlock KC said the men had hidden £2.4 billion of losses from shareholders, including the Qatar Investment Authority, before a rescue by the Treasury.

Judge Sir Martin Keogh reminded the jury that the BBC documentary "Bank on It", which featured Pellow, was not evidence. The trial, brought by the Serious Fraud Office, is expected to last until March. Pellow's lawyer, Andrew Fenn QC, said his client had relied on advice from KPMG.
"""

TRIAL_ROWS = {
    "London": "place",
    "Reuters": "organisation",
    "Graham Pellow": "person",
    "Harcastle Bank": "organisation",
    "Southwark Crown Court": "organisation",
    "Sarah Whitlock": "person",
    "Qatar Investment Authority": "organisation",
    "Treasury": "organisation",
    "Martin Keogh": "person",
    "BBC": "organisation",
    "Serious Fraud Office": "organisation",
    "Andrew Fenn": "person",
    "KPMG": "organisation",
}

VOTE = """\
Senate confirms new trade chief in 68-31 vote

WASHINGTON (Reuters) - The U.S. Senate on Wednesday confirmed Maria Delgado as the country's top trade negotiator, giving President Biden a point person for talks with China and the European Union.

The vote was 68-31, with 17 Republicans joining Democrats. Senate Minority Leader Mitch McConnell, a Republican from Kentucky, backed her. Senator Elizabeth Warren of Massachusetts voted no, saying Delgado was too close to industry.

Delgado, a former lawyer at Covington & Burling, told senators at her hearing that she would push Beijing on subsidies. Canada and Mexico have welcomed the appointment.

The Office of the U.S. Trade Representative said she would travel to Geneva next month for talks at the World Trade Organization.
"""

VOTE_ROWS = {
    "Washington": "place",
    "Reuters": "organisation",
    "United States": "place",
    "Senate": "organisation",
    "Maria Delgado": "person",
    "Biden": "person",
    "China": "place",
    "European Union": "organisation",
    "Republicans": "organisation",
    "Democrats": "organisation",
    "Mitch McConnell": "person",
    "Kentucky": "place",
    "Elizabeth Warren": "person",
    "Massachusetts": "place",
    "Covington & Burling": "organisation",
    "Beijing": "place",
    "Canada": "place",
    "Mexico": "place",
    "Office of the U.S. Trade Representative": "organisation",
    "Geneva": "place",
    "World Trade Organization": "organisation",
}

LEADERBOARD = """\
GOLF: SCHEFFLER SURGES CLEAR AT AUGUSTA

AUGUSTA, Georgia (AP) - Scottie Scheffler birdied four of his last six holes for a 66 and a three-shot lead after the third round of the Masters on Saturday.

Ludvig Aberg, playing in his first major, is alone in second after a 69. Max Homa and Collin Morikawa are four back. Defending champion Jon Rahm slipped to 12 over.

"It's a long way to go," Scheffler told CBS. "Sunday at Augusta is never easy."

Third-round leaders (US unless stated):
205 S Scheffler 66 71 68
208 L Aberg (Swe) 73 66 69
209 M Homa 67 71 71, C Morikawa 71 70 68
211 B DeChambeau 65 73 73, X Schauffele 72 72 67
"""

LEADERBOARD_ROWS = {
    "Augusta": "place",
    "Georgia": "place",
    "AP": "organisation",
    "Scottie Scheffler": "person",
    "Ludvig Aberg": "person",
    "Max Homa": "person",
    "Collin Morikawa": "person",
    "Jon Rahm": "person",
    "CBS": "organisation",
    "US": "place",
    "Swe": "place",
    "B DeChambeau": "person",
    "X Schauffele": "person",
}

CHIPS = """\
Nvidia rival raises $640 million as AI chip race heats up

SAN FRANCISCO (Reuters) - Cerevia Systems, a Santa Clara-based maker of artificial intelligence chips, said on Tuesday it had raised $640 million from investors led by Fidelity and SoftBank's Vision Fund, valuing it at $4.1 billion.

Chief executive Priya Raman, who previously ran Intel's data-centre business, said the money would pay for a new plant in Arizona. The company's Orion accelerator competes with Nvidia's H100 and is made by Taiwan Semiconductor Manufacturing Co.

"Customers want a second source," Raman said in an interview. Analysts at Bernstein said demand from Microsoft and Amazon would keep supply tight through next year.

Cerevia's shares are not listed. The U.S. Commerce Department has restricted sales of advanced chips to China.
"""

CHIPS_ROWS = {
    "San Francisco": "place",
    "Reuters": "organisation",
    "Cerevia Systems": "organisation",
    "Santa Clara": "place",
    "Fidelity": "organisation",
    "SoftBank": "organisation",
    "Vision Fund": "organisation",
    "Priya Raman": "person",
    "Intel": "organisation",
    "Arizona": "place",
    "Nvidia": "organisation",
    "Taiwan Semiconductor Manufacturing Co.": "organisation",
    "Bernstein": "organisation",
    "Microsoft": "organisation",
    "Amazon": "organisation",
    "U.S. Commerce Department": "organisation",
    "China": "place",
}

BORDER = """\
Thousands flee fighting on Sudan-Chad border, UN says

KHARTOUM/GENEVA (AFP) - More than 20,000 people have crossed from Sudan's Darfur region into eastern Chad in the past week, the United Nations refugee agency said on Friday, as fighting between the army and the Rapid Support Forces spread to El Fasher.

UNHCR spokesman Olga Sarrado told reporters in Geneva that most of those arriving in the Chadian town of Adre were women and children. Sudanese aid workers said markets in Nyala had been looted.

The RSF, led by Mohamed Hamdan Dagalo, has denied attacking civilians. The African Union and the Intergovernmental Authority on Development have called for a ceasefire, and Egypt and Saudi Arabia are hosting talks in Jeddah.
"""

BORDER_ROWS = {
    "Sudan": "place",
    "Chad": "place",
    "Khartoum": "place",
    "Geneva": "place",
    "AFP": "organisation",
    "Darfur": "place",
    "United Nations": "organisation",
    "Rapid Support Forces": "organisation",
    "El Fasher": "place",
    "UNHCR": "organisation",
    "Olga Sarrado": "person",
    "Adre": "place",
    "Nyala": "place",
    "Mohamed Hamdan Dagalo": "person",
    "African Union": "organisation",
    "Intergovernmental Authority on Development": "organisation",
    "Egypt": "place",
    "Saudi Arabia": "place",
    "Jeddah": "place",
}

OBITUARY = """\
Marguerite Olsson, stage designer who reshaped the Royal Opera House, dies at 88

Marguerite Olsson, the Swedish-born designer whose sets for the Royal Opera House and La Scala defined a generation of opera staging, has died in Stockholm. She was 88.

Her death was announced by the Royal Swedish Opera, where she began her career in 1958 under the director Ingmar Bergman. Olsson won the Laurence Olivier Award twice, for Tosca (1982) and the musical Chess.

Born in Malmo, she studied at the Royal Institute of Art before moving to London in 1966. Her husband, the conductor Anders Lind, died in 2009. She is survived by her daughter, Karin.
"""

OBITUARY_ROWS = {
    "Marguerite Olsson": "person",
    "Royal Opera House": "organisation",
    "La Scala": "organisation",
    "Stockholm": "place",
    "Royal Swedish Opera": "organisation",
    "Ingmar Bergman": "person",
    "Malmo": "place",
    "Royal Institute of Art": "organisation",
    "London": "place",
    "Anders Lind": "person",
    "Karin": "person",
}

CUP_TIE = """\
BARROW 1 GARTHWAITE ROVERS 3.

Okonjo hat-trick sends Rovers through

By Dan Feeney at Holker Street

Tunde Okonjo scored three times in the second half as Garthwaite Rovers came from behind to knock Barrow out of the FA Cup on Saturday.

Barrow led at the break through Liam Duggan's header, and their Welsh goalkeeper Rhys Pritchard saved well from Okonjo before the Nigerian striker levelled on 52 minutes. Rovers boss Martin Hale said: "Tunde was unplayable."

Barrow: Pritchard; Cole, Duggan, Barnes, Whitfield; Lowe (Grant 70), Shaw, Mills; Hyde.
Garthwaite Rovers: Keane; Osei, Ward, Fleming, Rudd; Hale, Bannan (Doyle 80); Okonjo.
Goals: Duggan 38; Okonjo 52, 67, 84 pen.
Attendance: 4,388.
"""

CUP_TIE_ROWS = {
    "Barrow": "organisation",
    "Garthwaite Rovers": "organisation",
    "Tunde Okonjo": "person",
    "Dan Feeney": "person",
    "Holker Street": "place",
    "Liam Duggan": "person",
    "Rhys Pritchard": "person",
    "Martin Hale": "person",
    "Cole": "person",
    "Barnes": "person",
    "Whitfield": "person",
    "Lowe": "person",
    "Grant": "person",
    "Shaw": "person",
    "Mills": "person",
    "Hyde": "person",
    "Keane": "person",
    "Osei": "person",
    "Ward": "person",
    "Fleming": "person",
    "Rudd": "person",
    "Bannan": "person",
    "Doyle": "person",
}

COUNCIL = """\
Council approves Brenton bypass despite protests

Plans for a £48m bypass around Brenton were approved by Kellshire County Council on Wednesday, despite objections from residents and the Woodland Trust.

Councillor Fiona Marsh, the cabinet member for transport, said the road would "take 9,000 lorries a day out of the town centre". Green Party councillor Tom Ashworth said it would destroy part of Harlow Wood, an ancient woodland near the River Lene.

The Department for Transport will pay most of the cost. Work is due to start next spring, with Galliford Try as the main contractor, and the road is expected to open in 2028. Campaigners from Save Harlow Wood said they would seek a judicial review at the High Court in London.
"""

COUNCIL_ROWS = {
    "Brenton": "place",
    "Kellshire County Council": "organisation",
    "Woodland Trust": "organisation",
    "Fiona Marsh": "person",
    "Green Party": "organisation",
    "Tom Ashworth": "person",
    "Harlow Wood": "place",
    "River Lene": "place",
    "Department for Transport": "organisation",
    "Galliford Try": "organisation",
    "Save Harlow Wood": "organisation",
    "High Court": "organisation",
    "London": "place",
}

ARTICLES = {
    "sports": (SPORTS, SPORTS_ROWS),
    "markets": (MARKETS, MARKETS_ROWS),
    "election": (ELECTION, ELECTION_ROWS),
    "congress": (CONGRESS, CONGRESS_ROWS),
    "hearing": (HEARING, HEARING_ROWS),
    "trial": (TRIAL, TRIAL_ROWS),
    "vote": (VOTE, VOTE_ROWS),
    "leaderboard": (LEADERBOARD, LEADERBOARD_ROWS),
    "chips": (CHIPS, CHIPS_ROWS),
    "border": (BORDER, BORDER_ROWS),
    "obituary": (OBITUARY, OBITUARY_ROWS),
    "cup tie": (CUP_TIE, CUP_TIE_ROWS),
    "council": (COUNCIL, COUNCIL_ROWS),
}
"""Genre -> (text, expected sidebar rows)."""
