"""A third set of articles kept apart from the entity rules, written before the third round of rules: eight
general news stories in styles the other sets lack (a court case, an obituary, a council meeting, a market
report with tickers, an election night, a science story, an arts review, a foreign-affairs piece), 400-900
words each. The bench scores it only when asked (`--fresh`), in totals only, once before a change to the rules
and once after; its rows are never looked at one by one, so nothing pulls the rules towards it. No test asserts
on it.

The rows follow tests/entity_articles_unseen.py: one per person, company, body or place, under its longest
spelling; titles, nationalities, products, works, events, laws and indices are no rows; venues and buildings are
places. Names are invented or public figures used only as text.
"""

from __future__ import annotations

COURT = """\
Former Castlebridge finance chief jailed for six years over 11m fraud

By Laura Finnegan, Crime Correspondent

A former finance director who siphoned more than 11 million pounds from a housing association to pay for racehorses, a villa in Portugal and his daughter's wedding was jailed for six years at Southwark Crown Court on Friday.

Gareth Pembury, 58, of Little Haddon in Hertfordshire, pleaded guilty in September to fraud by abuse of position and false accounting while working for Castlebridge Homes, a charity that manages about 14,000 homes across north London and Essex.

Sentencing him, Judge Miriam Okafor KC said Pembury had "betrayed the trust of an organisation whose only purpose is to house people who cannot afford to house themselves". She told him: "You did not steal from a faceless institution. You stole from the tenants of Tottenham, Enfield and Harlow, whose repairs waited while your horses ran."

The court heard that between 2017 and 2023 Pembury approved 212 payments to two companies, Marlow Facilities Ltd and Greystone Property Services, which he controlled through his brother-in-law, Dennis Hargreaves. The companies invoiced Castlebridge for roof repairs, damp treatment and lift maintenance that was never carried out.

Prosecuting for the Serious Fraud Office, Nicholas Ashdown KC said the scheme was uncovered when a junior accountant, Amira Haddad, noticed that the same photograph of a repaired roof had been attached to invoices for three different estates. Ms Haddad raised the matter with the association's audit committee in March 2023, and Pembury was suspended the following week.

Hargreaves, 61, of Chelmsford, was convicted by a jury in October of conspiracy to defraud and was jailed for three years and four months. His lawyer, Priya Sandhu, said he had been "a willing but junior partner" who received less than a tenth of the money.

Mr Ashdown told the court that Pembury had spent 1.8 million pounds on a villa near Lagos, on the Algarve coast, and about 900,000 pounds on a string of racehorses trained at Newmarket. One of the horses, Castle Dancer, won a race at Ascot in 2021, the court heard, with Pembury photographed in the winner's enclosure beside members of the association's board.

Defending Pembury, Jonathan Greaves KC said his client had been suffering from a gambling addiction and had "lost control of a situation he never meant to create". He said Pembury had co-operated with investigators and had agreed to the sale of the villa, whose proceeds would go back to Castlebridge.

The Serious Fraud Office said it would seek a confiscation order under the Proceeds of Crime Act to recover the rest of the money. Lisa Osborne, the agency's head of fraud, said outside court that the case showed "how much damage one trusted person can do when the checks are not there".

Castlebridge's chief executive, Robert Alleyne, who joined the association after Pembury's suspension, said the organisation had since replaced its external auditors and introduced a rule that no single officer could approve a payment of more than 25,000 pounds. "Our tenants paid for this, and we owe them an apology as well as the money," he said.

The Regulator of Social Housing downgraded Castlebridge's governance rating last year and said on Friday it was continuing to monitor the association. The tenants' group Castlebridge Residents Together, which has campaigned for an independent inquiry, said the sentence was "a start, not an end".

Its chair, Beverley Nwachukwu, who lives on the Broadwater Farm estate in Tottenham, said residents had waited months for repairs to leaking roofs while the money was being taken. "Some of us had buckets in the living room for two winters," she said. "We want to know why nobody on the board asked where the money was going."

Pembury showed no reaction as the sentence was passed and was led from the dock by two security officers. He is expected to serve half of his sentence before being released on licence.
"""

COURT_ROWS = {
    "Castlebridge Homes": "organisation",
    "Laura Finnegan": "person",
    "Portugal": "place",
    "Southwark Crown Court": "place",
    "Gareth Pembury": "person",
    "Little Haddon": "place",
    "Hertfordshire": "place",
    "London": "place",
    "Essex": "place",
    "Miriam Okafor": "person",
    "Tottenham": "place",
    "Enfield": "place",
    "Harlow": "place",
    "Marlow Facilities Ltd": "organisation",
    "Greystone Property Services": "organisation",
    "Dennis Hargreaves": "person",
    "Serious Fraud Office": "organisation",
    "Nicholas Ashdown": "person",
    "Amira Haddad": "person",
    "Chelmsford": "place",
    "Priya Sandhu": "person",
    "Lagos": "place",
    "Algarve": "place",
    "Newmarket": "place",
    "Ascot": "place",
    "Jonathan Greaves": "person",
    "Lisa Osborne": "person",
    "Robert Alleyne": "person",
    "Regulator of Social Housing": "organisation",
    "Castlebridge Residents Together": "organisation",
    "Beverley Nwachukwu": "person",
    "Broadwater Farm": "place",
}

OBITUARY = """\
Eleanor Vasquez-Whitmore, marine biologist who mapped the kelp forests of the Pacific, dies aged 91

Eleanor Vasquez-Whitmore, who spent six decades diving in the cold waters off California and Chile and whose maps of kelp forests became the baseline against which their decline is now measured, has died at her home in Monterey. She was 91.

Her death was announced by the Monterey Bay Aquarium Research Institute, where she worked from its founding in 1987 until her retirement in 2009. Her son, Daniel Whitmore, said she had been in failing health since a fall in the spring.

Born in Valparaiso in 1935 to a Chilean mother and an American father who worked for a copper company, she moved with her family to San Diego at the age of nine. She learned to swim in the surf at La Jolla and, by her own account, decided at twelve that she would spend her life underwater.

She studied zoology at Stanford University, one of four women in her year, and in 1960 became one of the first women to earn a doctorate from the Scripps Institution of Oceanography. Her supervisor there, the oceanographer Roger Revelle, later said she was "the only student I ever had who knew more about the sea floor than I did".

In the 1960s she joined an expedition led by Jacques Cousteau off Baja California, and she often said that the weeks aboard his ship Calypso taught her to film as carefully as she counted. Her underwater photographs of giant kelp near the Channel Islands, taken with a camera she had built into a pressure cooker, were published in National Geographic in 1968.

Her most lasting work began in 1974, when she and her colleague Harold Finch started to survey kelp forests along 800 miles of coast from Point Conception to the Oregon border. They repeated the survey every five years for more than three decades, diving at the same 140 sites. When the forests off northern California collapsed after a marine heatwave in 2014, it was her records that showed how much had been lost: more than 90 per cent of the canopy in some places.

"Without Eleanor's maps we would have had a disaster and no way to measure it," said Dr Kamala Iyer, a kelp ecologist at the University of California, Santa Cruz. "She was doing long-term ecology before anybody had a name for it."

She was outspoken about the lack of women in her field and in 1979 founded the Women Divers Network, which arranged training and equipment for young scientists who could not afford them. She was its president until 1995.

She was elected to the National Academy of Sciences in 1991 and received the Alexander Agassiz Medal in 2002. In 2015 a species of sea snail found off the Farallon Islands was named after her.

In retirement she campaigned against the harvesting of kelp for fertiliser and gave evidence to the California Coastal Commission, which in 2018 extended protection to several of the forests she had mapped. She continued to swim every morning at Lovers Point until she was 88.

Her marriage to the architect Paul Whitmore ended in divorce in 1982. She is survived by her son, Daniel, her daughter, Lucia Whitmore-Reyes, and five grandchildren.
"""

OBITUARY_ROWS = {
    "Eleanor Vasquez-Whitmore": "person",
    "California": "place",
    "Chile": "place",
    "Monterey": "place",
    "Monterey Bay Aquarium Research Institute": "organisation",
    "Daniel Whitmore": "person",
    "Valparaiso": "place",
    "San Diego": "place",
    "La Jolla": "place",
    "Stanford University": "organisation",
    "Scripps Institution of Oceanography": "organisation",
    "Roger Revelle": "person",
    "Jacques Cousteau": "person",
    "Baja California": "place",
    "Channel Islands": "place",
    "National Geographic": "organisation",
    "Harold Finch": "person",
    "Point Conception": "place",
    "Oregon": "place",
    "Kamala Iyer": "person",
    "University of California, Santa Cruz": "organisation",
    "Women Divers Network": "organisation",
    "National Academy of Sciences": "organisation",
    "Farallon Islands": "place",
    "California Coastal Commission": "organisation",
    "Lovers Point": "place",
    "Paul Whitmore": "person",
    "Lucia Whitmore-Reyes": "person",
}

COUNCIL = """\
Councillors back plan to close Ferndale library despite 3,000-name petition

Ferndale's library will close next spring after councillors voted on Wednesday night to merge it with a new community hub in the town centre, despite a petition signed by more than 3,000 residents.

Members of Redmarsh District Council's cabinet voted five to two in favour of the plan, which the council says will save 180,000 pounds a year. The library on Mill Lane, which opened in 1962, will shut in April and its books and staff will move to the Ferndale Community Hub, a former bank building on the High Street that the council bought last year.

Councillor Janet Rowbotham, the cabinet member for communities, told the meeting at Redmarsh Town Hall that the decision had been "the hardest of my time on the council". She said the hub would open for longer hours than the library and would also house a citizens' advice service and a council help desk. "We are not closing a library," she said. "We are moving it 400 yards and giving it a longer day."

Opponents were not persuaded. Keith Barraclough, who organised the petition with the Friends of Ferndale Library, said the hub had "half the shelf space and none of the quiet". He said older residents of the Brookfield estate, on the far side of the River Leven, would have to cross the busy ring road to reach the new site. "You can call it a hub, but for people in Brookfield it is the end of the library," he said.

The two cabinet members who voted against, Councillor Sunita Mehra and Councillor Phil Dawes, both represent Ferndale wards. Councillor Mehra said the council had "made up its mind before the consultation began" and called for the decision to be reviewed by the overview and scrutiny committee. Under the council's rules, a review can be requested by any five councillors within ten days.

The leader of the council, Councillor Graham Oldroyd, said the authority faced a gap of 4.2 million pounds in next year's budget after a fall in its grant from central government. "Every service has been looked at, and every one of them has someone who loves it," he said. "We have chosen to keep a library in Ferndale when several of our neighbours have closed theirs altogether."

Neighbouring Holmbury Borough Council closed four of its nine libraries in 2023, and Westmarch County Council has handed two of its branches to volunteer groups. The council's plan was drawn up after a review by the consultancy Larkfield Associates, which recommended closing the Mill Lane building because of the cost of replacing its roof.

The meeting heard from Doreen Appleyard, 84, who said she had borrowed books from the Mill Lane library every week since it opened. "I learned to read properly in that building," she told councillors. "My grandchildren did their homework there. Do not tell me a desk in a bank is the same thing."

A spokesperson for the Chartered Institute of Library and Information Professionals said the hub model could work "when it is properly staffed", but warned that several councils had cut opening hours within two years of similar moves.

The former library building will be offered for sale. The Ferndale Players, an amateur theatre group, have said they would like to buy it and are seeking a grant from Arts Council England.

The local MP, Rebecca Haughton, said she had written to the council asking it to delay the closure until the scrutiny committee had met. The Friends of Ferndale Library said they would hold a public meeting at St Anne's Church Hall on Saturday.
"""

COUNCIL_ROWS = {
    "Ferndale": "place",
    "Redmarsh District Council": "organisation",
    "Mill Lane": "place",
    "Ferndale Community Hub": "place",
    "High Street": "place",
    "Janet Rowbotham": "person",
    "Redmarsh Town Hall": "place",
    "Keith Barraclough": "person",
    "Friends of Ferndale Library": "organisation",
    "Brookfield": "place",
    "River Leven": "place",
    "Sunita Mehra": "person",
    "Phil Dawes": "person",
    "Graham Oldroyd": "person",
    "Holmbury Borough Council": "organisation",
    "Westmarch County Council": "organisation",
    "Larkfield Associates": "organisation",
    "Doreen Appleyard": "person",
    "Chartered Institute of Library and Information Professionals": "organisation",
    "Ferndale Players": "organisation",
    "Arts Council England": "organisation",
    "Rebecca Haughton": "person",
    "St Anne's Church Hall": "place",
}

MARKETS = """\
Stocks: Chipmakers lift Nasdaq as oil slides on OPEC+ output talk

NEW YORK, Nov 18 - Wall Street closed mostly higher on Tuesday as a rally in chipmakers offset a slide in energy shares, after oil prices fell on reports that OPEC+ was weighing a larger increase in output from January.

The Nasdaq Composite rose 1.1 per cent to 18,412.65, the S&P 500 gained 0.4 per cent and the Dow Jones Industrial Average slipped 0.1 per cent, dragged down by Chevron (CVX.N) and Caterpillar (CAT.N).

Nvidia (NVDA.O) climbed 3.8 per cent and Advanced Micro Devices (AMD.O) rose 4.2 per cent after Taiwan Semiconductor Manufacturing Co (2330.TW) said demand for its most advanced chips would outstrip supply through next year. "The message from Hsinchu is that the capacity is sold out, and the market is paying for that," said Karen Delgado, chief market strategist at Harbor Point Advisors in Boston.

Marvell Technology (MRVL.O) jumped 9 per cent after it raised its revenue forecast, while Intel (INTC.O) lost 2.3 per cent after a report in the Financial Times that the company was delaying the opening of a factory in Ohio.

Energy shares were the worst performers in the S&P 500. Brent crude fell 2.9 per cent to 71.84 dollars a barrel, its lowest close in six weeks, after delegates told Bloomberg News that Saudi Arabia and Russia were pressing other members to add 400,000 barrels a day. Exxon Mobil (XOM.N) fell 2.1 per cent and ConocoPhillips (COP.N) lost 3.4 per cent.

Retailers were mixed ahead of results later in the week. Walmart (WMT.N) edged up 0.3 per cent, while Target (TGT.N) dropped 4.6 per cent after analysts at Morgan Stanley cut their rating on the stock to "underweight", citing weak sales of home goods. Home Depot (HD.N) reported quarterly profit above expectations and its shares rose 1.7 per cent.

In company news, Pfizer (PFE.N) rose 2.4 per cent after the Food and Drug Administration approved its drug for a rare form of lung cancer. Boeing (BA.N) gained 1.2 per cent after Ryanair said it was in talks to buy up to 150 more aircraft. Shares in Brightline Payments (BRPY.O), a fintech company based in Austin, Texas, more than doubled in their first day of trading after an initial public offering that raised 620 million dollars.

Treasury yields fell as investors bet the Federal Reserve would cut interest rates again in December. The yield on the benchmark 10-year note dropped 6 basis points to 4.18 per cent. Fed Governor Christopher Waller said in a speech in Frankfurt that inflation was "moving in the right direction", though he gave no hint about the timing of the next cut.

"Bonds are doing the Fed's work for it this week," said Tomasz Nowicki, head of rates at Ellsworth Capital in Chicago. "If the jobs figures on Friday are soft, the December cut is all but done."

In Europe, the STOXX 600 closed up 0.5 per cent, led by technology shares. ASML (ASML.AS) rose 3.1 per cent in Amsterdam and Infineon (IFXGn.DE) gained 2.6 per cent in Frankfurt. In London, the FTSE 100 fell 0.3 per cent as BP (BP.L) and Shell (SHEL.L) followed oil lower.

In Asia, Japan's Nikkei average ended down 0.4 per cent, while Hong Kong's Hang Seng index rose 0.9 per cent, helped by a rebound in Alibaba (9988.HK) and Tencent (0700.HK).

Gold rose 0.6 per cent to 2,634 dollars an ounce. The dollar weakened against the yen and the euro. Bitcoin was steady near 91,000 dollars.

Advancing issues outnumbered decliners on the New York Stock Exchange by a 1.4-to-1 ratio; on the Nasdaq, a 1.6-to-1 ratio favoured advancers. About 11.8 billion shares changed hands on US exchanges.

Reporting by Daniel Okoro in New York and Mei Lin Chua in Singapore; editing by Sarah Brennan
"""

MARKETS_ROWS = {
    "New York": "place",
    "Wall Street": "place",
    "OPEC+": "organisation",
    "Nasdaq": "organisation",
    "Chevron": "organisation",
    "Caterpillar": "organisation",
    "Nvidia": "organisation",
    "Advanced Micro Devices": "organisation",
    "Taiwan Semiconductor Manufacturing Co": "organisation",
    "Hsinchu": "place",
    "Karen Delgado": "person",
    "Harbor Point Advisors": "organisation",
    "Boston": "place",
    "Marvell Technology": "organisation",
    "Intel": "organisation",
    "Financial Times": "organisation",
    "Ohio": "place",
    "Bloomberg News": "organisation",
    "Saudi Arabia": "place",
    "Russia": "place",
    "Exxon Mobil": "organisation",
    "ConocoPhillips": "organisation",
    "Walmart": "organisation",
    "Target": "organisation",
    "Morgan Stanley": "organisation",
    "Home Depot": "organisation",
    "Pfizer": "organisation",
    "Food and Drug Administration": "organisation",
    "Boeing": "organisation",
    "Ryanair": "organisation",
    "Brightline Payments": "organisation",
    "Austin": "place",
    "Texas": "place",
    "Federal Reserve": "organisation",
    "Christopher Waller": "person",
    "Frankfurt": "place",
    "Tomasz Nowicki": "person",
    "Ellsworth Capital": "organisation",
    "Chicago": "place",
    "Europe": "place",
    "ASML": "organisation",
    "Amsterdam": "place",
    "Infineon": "organisation",
    "London": "place",
    "BP": "organisation",
    "Shell": "organisation",
    "Asia": "place",
    "Japan": "place",
    "Hong Kong": "place",
    "Alibaba": "organisation",
    "Tencent": "organisation",
    "New York Stock Exchange": "organisation",
    "United States": "place",
    "Daniel Okoro": "person",
    "Mei Lin Chua": "person",
    "Singapore": "place",
    "Sarah Brennan": "person",
}

ELECTION = """\
Labour's Okonkwo wins Harrowgate mayoralty as Reform surges in the north

HARROWGATE - Adaeze Okonkwo was elected mayor of the Harrowgate Combined Authority in the early hours of Friday, holding the post for Labour by fewer than 6,000 votes after a night in which Reform UK came within sight of its first big-city mayoralty.

The count at the Harrowgate Arena ended shortly after 3am, when the returning officer, Michael Stenhouse, announced that Okonkwo had won 38.2 per cent of first-preference votes to 33.5 per cent for Reform's candidate, the former police officer Darren Kilbride. The Conservative candidate, Alison Forsythe, was third with 14.1 per cent, ahead of the Green Party's Tobias Wren on 8.3 per cent and the Liberal Democrats' Fiona MacAulay on 5.9 per cent.

In her victory speech, Okonkwo thanked volunteers who had "knocked on doors from Castleford to Kirkby Moor" and promised to bring the region's buses back into public control within two years. "People here have been told to wait for too long," she said. "Tonight they told us they will not wait any more."

Kilbride, whose campaign centred on crime and the closure of police stations, said the result showed that Reform was "now the real opposition in every town in the north". He did not concede until the final ward, Denby Dale, had been counted, and his supporters booed when Okonkwo's share was read out.

The turnout was 31.4 per cent, up from 27 per cent at the last election. Reform UK's vote rose by more than 25 points, taking most of it from the Conservatives, whose candidate had come second four years ago. Labour's share fell by nine points.

Nigel Farage, the Reform UK leader, who visited the region three times during the campaign, said on social media that the party had "won the argument even where it did not win the count". The Conservative Party chairman, Richard Fuller, said it had been "a difficult night" and that the party would "listen to what voters have said".

Professor Sir John Curtice, the polling expert at the University of Strathclyde, told the BBC that the result in Harrowgate was "the clearest sign yet that Reform can compete for first place outside its strongholds on the coast". He said Labour's margin had been helped by postal votes, which made up almost a third of the total.

In the council elections held on the same day, Labour lost control of Kirkby Moor Metropolitan Borough Council, where Reform won 19 of the 21 seats it contested. Labour held Castleford and Holmewood, and the Liberal Democrats gained control of Ilkley Town Council from independents.

In Westbridge, where a by-election was held for the parliamentary seat vacated by the former minister Peter Lamb, Labour's Hannah Iqbal held the seat with a majority of 2,311, down from 14,000 at the general election. Reform's candidate, Stuart Pickles, was second.

The prime minister, Keir Starmer, congratulated Okonkwo and said the result was "a vote for getting things done". But Labour MPs from the region warned privately that the party could not rely on its vote in former mining towns. One, who asked not to be named, said: "We held on tonight. We will not hold on next time if nothing changes on the high street."

Okonkwo, 44, was born in Enugu, Nigeria, and came to Harrowgate as a student. She was a nurse at Harrowgate General Infirmary before being elected to the city council in 2016. She will take office on Monday.
"""

ELECTION_ROWS = {
    "Labour": "organisation",
    "Adaeze Okonkwo": "person",
    "Harrowgate": "place",
    "Reform UK": "organisation",
    "Harrowgate Combined Authority": "organisation",
    "Harrowgate Arena": "place",
    "Michael Stenhouse": "person",
    "Darren Kilbride": "person",
    "Alison Forsythe": "person",
    "Green Party": "organisation",
    "Tobias Wren": "person",
    "Liberal Democrats": "organisation",
    "Fiona MacAulay": "person",
    "Castleford": "place",
    "Kirkby Moor": "place",
    "Denby Dale": "place",
    "Nigel Farage": "person",
    "Conservative Party": "organisation",
    "Richard Fuller": "person",
    "John Curtice": "person",
    "University of Strathclyde": "organisation",
    "BBC": "organisation",
    "Kirkby Moor Metropolitan Borough Council": "organisation",
    "Holmewood": "place",
    "Ilkley Town Council": "organisation",
    "Westbridge": "place",
    "Peter Lamb": "person",
    "Hannah Iqbal": "person",
    "Stuart Pickles": "person",
    "Keir Starmer": "person",
    "Enugu": "place",
    "Nigeria": "place",
    "Harrowgate General Infirmary": "place",
}

SCIENCE = """\
Bacteria found in Antarctic lake could help break down plastic, researchers say

Bacteria living in a frozen lake in Antarctica produce an enzyme that breaks down a common plastic at temperatures close to freezing, a discovery that could cut the energy needed to recycle it, scientists reported on Thursday.

The team, led by researchers at the University of Otago in New Zealand and the Max Planck Institute for Marine Microbiology in Bremen, found the enzyme in bacteria collected from the sediment of Lake Vanda, in the McMurdo Dry Valleys. Their results were published in the journal Nature Catalysis.

The enzyme attacks polyethylene terephthalate, or PET, the plastic used in most drinks bottles. Enzymes that digest PET have been known since 2016, when Japanese researchers found one in bacteria living at a recycling plant in Sakai, but those work best at 60 to 70 degrees Celsius, which means that industrial reactors using them must be heated.

"What we have found works at four degrees," said Dr Aroha Te Whata, a microbiologist at the university and the study's lead author. "It is slower, but it does not need a boiler, and that changes the sums for a recycling plant."

The researchers spent two seasons drilling through the lake's ice cover from Scott Base, the New Zealand research station on Ross Island, with logistical support from the United States Antarctic Program at nearby McMurdo Station. They grew 340 strains of bacteria from the samples and tested each for its ability to break down plastic film.

One strain, a previously unknown species the team has named Rhodococcus vandae, stood out. Working with colleagues at the European Molecular Biology Laboratory in Heidelberg, the team determined the structure of its enzyme and found that its active site is unusually flexible, which helps it keep working in the cold.

Professor Jens Harbeck of the Max Planck Institute, a co-author, said the next step was to improve the enzyme's speed. His group has already produced a modified version that works three times faster, using a method developed by Frances Arnold at the California Institute of Technology, who shared the Nobel Prize in Chemistry in 2018 for the directed evolution of enzymes.

Independent scientists welcomed the work but cautioned that it was a long way from a working recycling plant. "Finding an enzyme is the easy part," said Dr Olumide Bankole, who studies plastic recycling at Imperial College London. "Making it cheaply, at scale, and keeping it stable for weeks in a reactor is where most of these discoveries stall."

The French company Carbios, which opened a plant in Longlaville last year using an enzyme that works at higher temperatures, said in a statement that it followed research on cold-active enzymes "with great interest". The company has received funding from the European Commission and from the French government.

The study was funded by the Royal Society of New Zealand's Marsden Fund and by the German Research Foundation. Antarctica New Zealand, the agency that runs Scott Base, said the findings showed "the value of basic research in places most people will never see".

Dr Te Whata said the team hoped to return to the Dry Valleys next summer to sample two other lakes, Lake Fryxell and Lake Bonney, whose waters are saltier and colder. "Every lake down there has been cut off for thousands of years," she said. "Each one is its own experiment."
"""

SCIENCE_ROWS = {
    "Antarctica": "place",
    "University of Otago": "organisation",
    "New Zealand": "place",
    "Max Planck Institute for Marine Microbiology": "organisation",
    "Bremen": "place",
    "Lake Vanda": "place",
    "McMurdo Dry Valleys": "place",
    "Nature Catalysis": "organisation",
    "Sakai": "place",
    "Aroha Te Whata": "person",
    "Scott Base": "place",
    "Ross Island": "place",
    "United States Antarctic Program": "organisation",
    "McMurdo Station": "place",
    "European Molecular Biology Laboratory": "organisation",
    "Heidelberg": "place",
    "Jens Harbeck": "person",
    "Frances Arnold": "person",
    "California Institute of Technology": "organisation",
    "Olumide Bankole": "person",
    "Imperial College London": "organisation",
    "Carbios": "organisation",
    "Longlaville": "place",
    "European Commission": "organisation",
    "Royal Society of New Zealand": "organisation",
    "Marsden Fund": "organisation",
    "German Research Foundation": "organisation",
    "Antarctica New Zealand": "organisation",
    "Lake Fryxell": "place",
    "Lake Bonney": "place",
}

REVIEW = """\
The Salt Road review - Marguerite Oyelaran's epic of the desert crossing is a triumph

Rating: four stars

There is a moment near the end of the first half of The Salt Road, the National Theatre's vast new production on the Olivier stage, when the whole company stops walking. For an hour they have crossed the stage in a slow loop, a caravan leaving Timbuktu for the salt mines of Taoudenni, and the stillness lands like a thunderclap.

Marguerite Oyelaran's play, her first since the success of Harbour Lights at the Royal Court in 2019, follows four generations of a family of traders along the route between Mali and the Mediterranean. It is long - three hours and forty minutes with two intervals - and occasionally baggy, but it has an ambition and a generosity that few new plays dare.

The director, Rufus Hallworth, who staged Oyelaran's earlier work at the Bristol Old Vic, keeps the epic moving with very little scenery. A sand-coloured cloth designed by Asha Menon becomes a dune, a tent, a courtroom in Algiers and, in the play's most startling image, the sea off Marseille. The music, by the Malian guitarist Bassekou Traore, is played live by a band of five at the side of the stage and does much of the work of telling us where and when we are.

At the centre is Fatoumata Diallo, extraordinary as Aminata, the trader's daughter who takes over the caravan when her father dies in the first act. Diallo, who came to notice in the Donmar Warehouse's Antony and Cleopatra two years ago, ages forty years across the evening without a wig or a line of make-up, simply by changing the way she stands. Her scenes with Kwame Asante, as the French colonial officer who tries to tax the salt and ends up depending on her, are the best in the play.

Not everything works. The third part, set in present-day Paris, where Aminata's great-grandson runs a restaurant, feels rushed after the patient pace of what came before, and a subplot about a missing ledger is resolved too neatly. Lucien Marchand, as the great-grandson, does what he can with a part that is more idea than person.

But the production's best moments are unforgettable: a sandstorm made of nothing but light and the noise of the band, and a wedding in Gao that turns the Olivier into a party. At the performance I saw, the audience stood for five minutes at the end.

The National's director, Indhu Rubasingham, has made new writing on the largest scale a mark of her first seasons, and The Salt Road is the strongest argument yet for that choice. It transfers to the Lyric Theatre in Hammersmith in the spring and will be broadcast to cinemas by National Theatre Live in March.

The production is a co-production with the Theatre Royal Stratford East and was developed with support from the Arts Council England and the Bamako cultural centre Maison des Arts.

The Salt Road is at the National Theatre, London, until 14 February.
"""

REVIEW_ROWS = {
    "Marguerite Oyelaran": "person",
    "National Theatre": "organisation",
    "Olivier": "place",
    "Timbuktu": "place",
    "Taoudenni": "place",
    "Royal Court": "organisation",
    "Mali": "place",
    "Mediterranean": "place",
    "Rufus Hallworth": "person",
    "Bristol Old Vic": "organisation",
    "Asha Menon": "person",
    "Algiers": "place",
    "Marseille": "place",
    "Bassekou Traore": "person",
    "Fatoumata Diallo": "person",
    "Aminata": "person",
    "Donmar Warehouse": "organisation",
    "Kwame Asante": "person",
    "Paris": "place",
    "Lucien Marchand": "person",
    "Gao": "place",
    "Indhu Rubasingham": "person",
    "Lyric Theatre": "place",
    "Hammersmith": "place",
    "National Theatre Live": "organisation",
    "Theatre Royal Stratford East": "organisation",
    "Arts Council England": "organisation",
    "Bamako": "place",
    "Maison des Arts": "organisation",
    "London": "place",
}

DIPLOMACY = """\
Ceasefire talks in Doha stall as envoys trade blame over Sudan's besieged city

DOHA - Talks on a ceasefire in Sudan broke up in Qatar on Sunday without agreement, after the two sides accused each other of blocking aid convoys to El Fasher, the besieged capital of North Darfur, where the United Nations says famine has taken hold.

Delegations from the Sudanese Armed Forces and the paramilitary Rapid Support Forces spent four days in the Qatari capital in indirect talks mediated by Qatar, Egypt and the United States. It was the first round since negotiations in Jeddah collapsed last year.

Tom Perriello, the US special envoy for Sudan, told reporters that the two delegations had agreed "in principle" to open a humanitarian corridor from Chad through the Adre border crossing, but could not settle who would inspect the lorries. "We are closer on aid than we have ever been, and further apart on everything else," he said.

Egypt's foreign minister, Badr Abdelatty, said Cairo would host a follow-up meeting within a month. He met the army's delegation, led by Lieutenant General Yasser al-Atta, on Saturday evening, and later spoke by telephone with the head of the RSF delegation, Omar Hamdan.

The army's chief, General Abdel Fattah al-Burhan, said in a speech in Port Sudan on Sunday that there would be no agreement while the RSF "occupies the homes of Sudanese citizens". The RSF leader, Mohamed Hamdan Dagalo, known as Hemedti, said in a recorded message that his forces had accepted the corridor and that the army had "walked away from the table".

The war, which began in April 2023 with fighting between the two forces in Khartoum, has killed tens of thousands of people and driven more than 11 million from their homes, according to the International Organization for Migration. Many have fled to Chad, South Sudan and Egypt.

In El Fasher, doctors at the Saudi Hospital, the last functioning hospital in the city, said they had run out of anaesthetic. Medecins Sans Frontieres said on Friday that it had treated 900 children for severe malnutrition at the Zamzam camp south of the city in October alone. Claire Nicolet, the group's head of emergencies, said: "What we need is not another meeting but lorries on the road."

The World Food Programme's executive director, Cindy McCain, said the agency had 400 lorries of food waiting in Chad and in Kosti, on the White Nile, for permission to move. "The food is there, the drivers are there," she said in Rome. "What is missing is a signature."

The African Union's Peace and Security Council is due to discuss Sudan in Addis Ababa on Thursday, and the UN Security Council in New York next week. Britain, which holds the council's pen on Sudan, has drafted a resolution calling for the protection of civilians in Darfur.

Diplomats in Doha said the United Arab Emirates, which the army accuses of arming the RSF, had sent an observer to the talks for the first time. The Emirati foreign ministry has denied supplying weapons. Saudi Arabia, which hosted the Jeddah talks, did not send a delegation.

Volker Perthes, the former UN envoy to Sudan, said the talks had shown that outside powers had "more influence on this war than either side admits". Speaking in Berlin, he said: "If Abu Dhabi, Cairo and Riyadh push the same way, there will be a ceasefire. If they do not, there will be another round like this one."

A spokesman for Qatar's foreign ministry, Majed al-Ansari, said the mediators would continue to meet each delegation separately over the coming week.
"""

DIPLOMACY_ROWS = {
    "Doha": "place",
    "Sudan": "place",
    "Qatar": "place",
    "El Fasher": "place",
    "North Darfur": "place",
    "United Nations": "organisation",
    "Sudanese Armed Forces": "organisation",
    "Rapid Support Forces": "organisation",
    "Egypt": "place",
    "United States": "place",
    "Jeddah": "place",
    "Tom Perriello": "person",
    "Chad": "place",
    "Adre": "place",
    "Badr Abdelatty": "person",
    "Cairo": "place",
    "Yasser al-Atta": "person",
    "Omar Hamdan": "person",
    "Abdel Fattah al-Burhan": "person",
    "Port Sudan": "place",
    "Mohamed Hamdan Dagalo": "person",
    "Khartoum": "place",
    "International Organization for Migration": "organisation",
    "South Sudan": "place",
    "Saudi Hospital": "place",
    "Medecins Sans Frontieres": "organisation",
    "Zamzam": "place",
    "Claire Nicolet": "person",
    "World Food Programme": "organisation",
    "Cindy McCain": "person",
    "Kosti": "place",
    "White Nile": "place",
    "Rome": "place",
    "African Union": "organisation",
    "Peace and Security Council": "organisation",
    "Addis Ababa": "place",
    "UN Security Council": "organisation",
    "New York": "place",
    "United Kingdom": "place",
    "Darfur": "place",
    "United Arab Emirates": "place",
    "Saudi Arabia": "place",
    "Volker Perthes": "person",
    "Berlin": "place",
    "Abu Dhabi": "place",
    "Riyadh": "place",
    "Majed al-Ansari": "person",
}

FRESH2 = {
    "news": {
        "fraud sentencing": (COURT, COURT_ROWS),
        "obituary": (OBITUARY, OBITUARY_ROWS),
        "library closure": (COUNCIL, COUNCIL_ROWS),
        "market report": (MARKETS, MARKETS_ROWS),
        "mayoral count": (ELECTION, ELECTION_ROWS),
        "plastic enzyme": (SCIENCE, SCIENCE_ROWS),
        "theatre review": (REVIEW, REVIEW_ROWS),
        "ceasefire talks": (DIPLOMACY, DIPLOMACY_ROWS),
    },
}
"""Genre -> article -> (text, expected sidebar rows)."""
