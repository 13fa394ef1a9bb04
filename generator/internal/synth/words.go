package synth

// Word lists the prose is made from. Source text must never contain a digit
// (a year later than the source's date is an anachronism warning), an
// apostrophe or a character Markdown would interpret, so every entry here is
// plain lowercase ASCII words.

// slot n: a singular noun phrase.
var nouns = []string{
	"budget", "policy", "program", "survey", "contract", "hospital", "school",
	"bridge", "pipeline", "vaccine campaign", "tariff", "subsidy", "pension fund",
	"harbor", "railway", "forest reserve", "reservoir", "clinic", "property tax",
	"loan scheme", "grant", "price index", "audit", "census", "ballot", "council",
	"ministry", "factory", "mine", "market", "development bank", "relief fund",
	"reform", "inquiry", "strike", "treaty", "sanction", "permit system",
	"license", "bus fleet", "broadband network", "charity", "union", "district",
	"stadium", "airport", "highway", "tunnel", "dam", "power plant", "warehouse",
	"shelter", "prison", "police force", "water supply", "power grid",
	"housing plan", "trade deal", "rescue package", "price cap", "minimum wage",
	"school meal program", "flood barrier", "waiting list", "fuel duty",
	"recycling scheme", "fishing quota", "land registry", "tax credit",
	"rent freeze", "road toll", "border fence", "job guarantee", "crop insurance",
	"ferry service", "heating allowance", "literacy program", "child benefit",
	"emergency fund", "water treatment plant", "drainage project", "voter roll",
}

// slot N: a plural noun phrase.
var nounsPl = []string{
	"figures", "records", "payments", "households", "patients", "voters",
	"workers", "farmers", "students", "teachers", "nurses", "officials",
	"inspectors", "contracts", "loans", "arrests", "complaints", "admissions",
	"exports", "imports", "emissions", "prices", "wages", "rents", "jobs",
	"permits", "flights", "pensioners", "tenants", "landlords", "drivers",
	"small businesses", "schools", "clinics", "fishermen", "doctors",
	"commuters", "residents", "applicants", "claimants", "suppliers",
	"contractors", "volunteers", "migrants", "retailers", "donors", "auditors",
	"councillors", "engineers", "families", "apprentices", "tax returns",
	"invoices", "inspections", "refunds", "vacancies", "shipments", "subsidies",
}

// slot a: an adjective.
var adjectives = []string{
	"annual", "regional", "national", "local", "public", "private", "federal",
	"municipal", "rural", "urban", "coastal", "northern", "southern", "eastern",
	"western", "temporary", "permanent", "emergency", "preliminary", "revised",
	"official", "independent", "internal", "external", "overdue", "unpaid",
	"estimated", "projected", "recorded", "average", "median", "combined",
	"previous", "current", "quarterly", "monthly", "weekly", "statutory",
	"voluntary", "mandatory", "informal", "detailed", "confidential",
	"unpublished", "disputed", "delayed", "expanded", "reduced", "modest",
	"substantial", "routine", "unusual", "rapid", "gradual", "partial",
	"complete", "initial", "final", "separate", "joint", "standard", "special",
	"minor", "major", "longstanding", "recent", "untested", "controversial",
}

// slot v: a regular transitive verb in the past tense (also its participle).
var verbs = []string{
	"reviewed", "approved", "rejected", "delayed", "expanded", "reduced",
	"increased", "audited", "funded", "closed", "reopened", "cancelled",
	"extended", "suspended", "questioned", "published", "revised", "confirmed",
	"disputed", "examined", "tracked", "recorded", "estimated", "postponed",
	"doubled", "halved", "replaced", "inspected", "challenged", "financed",
	"restricted", "relaxed", "announced", "withdrawn", "merged", "transferred",
	"monitored", "surveyed", "reported", "adjusted", "renewed", "scrapped",
}

// slot i: an intransitive verb in the simple past.
var intransitive = []string{
	"rose", "fell", "grew", "declined", "stalled", "recovered", "shrank",
	"improved", "worsened", "changed", "collapsed", "stabilized", "peaked",
	"slowed", "climbed", "dropped", "increased", "decreased", "fluctuated",
	"rebounded", "levelled off", "narrowed", "widened", "accelerated",
}

// slot d: an adverb.
var adverbs = []string{
	"sharply", "slightly", "steadily", "gradually", "quickly", "slowly",
	"significantly", "modestly", "unevenly", "briefly", "consistently",
	"repeatedly", "unexpectedly", "markedly", "marginally", "noticeably",
	"substantially", "temporarily", "abruptly", "considerably",
}

// slot p: a place.
var places = []string{
	"the capital", "the northern provinces", "the river valley",
	"the coastal districts", "the border towns", "the old industrial belt",
	"the eastern suburbs", "the mountain villages", "the port city",
	"the southern plains", "Eastmoor", "Redvale", "Westbridge", "Lowfield",
	"Harrowgate", "Northcliff", "Ashford Bay", "Millbrook", "Stonebridge",
	"Greenhollow", "Kestrel Point", "Oakmere", "Brackenfield", "Silverlake",
	"the western highlands", "the delta region", "the inner city",
	"the farming counties", "the island communities", "the lake district",
}

// slot o: an organization.
var orgs = []string{
	"the health ministry", "the statistics office", "the national audit office",
	"the central bank", "the election commission", "the transport authority",
	"the regional council", "the finance ministry", "the labor inspectorate",
	"the environment agency", "the water board", "the housing trust",
	"the teachers union", "the farmers association", "the chamber of commerce",
	"the ombudsman", "the court of auditors", "the energy regulator",
	"the education department", "the planning commission", "the port authority",
	"the public prosecutor", "the consumer council", "the fisheries agency",
	"the civil aviation office", "the parliamentary committee",
}

// slot t: a period of time.
var periods = []string{
	"reporting period", "winter months", "first quarter",
	"second half of the year", "last election campaign", "recent drought",
	"budget negotiations", "previous administration", "trial period",
	"summer season", "harvest season", "spending review", "transition period",
	"school year", "financial crisis", "flood season", "consultation period",
	"pilot phase", "following spring", "same period a year earlier",
}

// slot q: a quantity in words.
var quantities = []string{
	"one in five", "about a third", "nearly half", "roughly a quarter",
	"more than half", "fewer than one in ten", "almost two thirds",
	"a small share", "a large majority", "around one in four",
	"a growing number", "only a handful",
}

// Templates: {x} is a slot (see the lists above). Sentences are capitalized
// when filled.
var sourceTemplates = []string{
	"the {a} {n} in {p} {i} {d} during the {t}.",
	"according to {o}, {q} of the {N} in {p} were affected by the {a} {n}.",
	"{o} {v} the {a} {n} after {q} of the {N} {i} {d}.",
	"in {p}, officials {v} the {n} and {v} the {a} {n} within weeks.",
	"the number of {N} {i} {d}, from {q} to {q} of the total.",
	"records held by {o} show that the {n} was {v} {d} in {p}.",
	"several {N} told inspectors that the {a} {n} had been {v} without notice.",
	"the {n} was expected to cost {q} of the {a} budget, but the final figure {i} {d}.",
	"neither {o} nor {o} {v} the {a} {N} before the {t}.",
	"this {a} {n} has been {v} {d} by {o} since the {t}.",
	"we found no evidence that the {n} was {v} by {o} during the {t}.",
	"officials in {p} said the {a} {N} were {v} because of the {n}.",
	"a {a} review of the {n} found that {q} of the {N} had been {v}.",
	"{o} noted that {N} in {p} {i} {d} compared with the {t}.",
	"spending on the {n} {i} {d}, while the {a} {N} {i} over the same period.",
	"it remains unclear whether the {a} {n} will be {v} before the {t}.",
	"the committee heard that {q} of the {N} in {p} had never been {v}.",
	"when the {n} was {v}, {N} in {p} reported that {a} {N} {i} {d}.",
	"the {a} data on {N} were {v} twice, and the second estimate {i} {d}.",
	"in its {a} statement, {o} said the {n} would be {v} by the end of the {t}.",
}

var analysisTemplates = []string{
	"we compared the claim with the {a} {N} published by {o}.",
	"{o} did not respond to a request for comment about the {n}.",
	"experts we consulted said the {n} in {p} {i} {d} during the {t}.",
	"the claim appears to rest on a {a} {n} that circulated widely during the {t}.",
	"we could not find any record that {o} {v} the {n} in {p}.",
	"a spokesperson for {o} said the {a} figures were {v} {d}.",
	"the same {n} was cited in several posts that {v} the {a} {N}.",
	"the underlying data cover {q} of the {N} in {p}, not all of them.",
	"readers asked us to check whether the {n} really {i} {d}.",
	"our review of the {a} {N} found that the numbers were {v} {d}.",
	"the wording of the claim leaves out the {a} {n} that {o} described.",
	"several {N} in {p} gave us accounts that {v} the official {n}.",
	"figures from {o} suggest that {N} {i} {d} after the {t}.",
	"the claim does not say which {n} it refers to, and {p} had more than one.",
}

var claimTemplates = []string{
	"the {n} in {p} {i} {d} during the {t}.",
	"{o} {v} the {a} {n} without consulting {N}.",
	"{q} of the {N} in {p} lost access to the {n}.",
	"the {a} {n} was {v} by {o} to hide the true number of {N}.",
	"spending on the {n} {i} {d} after the {t}.",
	"{o} {v} {q} of the {a} {N} last year.",
	"the {n} has made life harder for {q} of the {N} in {p}.",
	"nobody in {p} was told that the {n} would be {v}.",
}

var summaryTemplates = []string{
	"records from {o} show that the {n} {i} {d}; the claim {r}.",
	"the {a} {N} published by {o} {r2} the claim.",
	"the sources we hold describe a {a} {n} in {p}, and the claim {r}.",
}

var correctionTemplates = []string{
	"an earlier version of this fact-check misstated the {a} {n} in {p}.",
	"we corrected the name of {o}.",
	"we added the {a} {N} published by {o} to the sources.",
	"an earlier version gave the wrong date for the {t}.",
}

var titleTemplates = []string{
	"{a} review of the {n} in {p}",
	"report on {N} and the {n}",
	"the {n}: {a} findings",
	"statement on the {a} {n}",
	"survey of {N} in {p}",
	"{a} data on {N}",
}

var headingTemplates = []string{
	"the {a} {n}", "{N} in {p}", "findings on the {n}", "what {o} reported",
}

// Each rating with its label, how a summary ends ("the claim ...") and how
// a summary says what the sources do to the claim.
var ratings = []struct{ id, label, verdict, verdict2 string }{
	{"accurate", "Accurate", "is borne out by the record", "support"},
	{"mostly-accurate", "Mostly accurate", "holds up, with a caveat", "largely support"},
	{"misleading", "Misleading", "leaves out context that changes its meaning", "give needed context to"},
	{"unsupported", "Unsupported", "can be neither confirmed nor refuted from the record", "do not settle"},
	{"false", "False", "is contradicted by the record", "contradict"},
}

var claimants = []string{
	"Social media posts", "Viral video", "Chain message", "Senator Maria Okafor",
	"Governor Daniel Reyes", "Mayor Ingrid Holm", "Minister Paul Achterberg",
	"Representative Lena Kowalski", "Councillor Tomas Varga", "Dr. Amina Diallo",
	"Professor Hugh Calloway", "The Workers Alliance", "The Taxpayers League",
	"The Green Future Party", "The National Unity Party", "The Liberty Forum",
	"Farmers First", "The Housing Coalition", "Citizens for Clean Water",
	"The Retail Federation", "Opposition leader Karin Strand",
	"Prime Minister Jonas Wexler", "Deputy Mayor Rosa Lindqvist",
	"Health spokesperson Omar Haddad", "Campaign group Open Roads",
	"Union leader Bridget Nolan", "Commentator Victor Sato",
	"Podcast host Marcus Bell", "Blogger Nadia Petrova", "Eastmoor Gazette",
	"Redvale Daily", "The Morning Ledger", "Channel Nine News", "Radio Northcliff",
	"The Energy Forum", "Parents for Schools", "The Pensioners Guild",
	"Mayor Felix Brandt", "Senator Grace Mbeki", "Governor Ana Duarte",
	"Minister Yusuf Demir", "Councillor Ellen Byrne", "Candidate Tobias Klein",
	"Candidate Priya Raman", "Economist Sofia Marin", "The Small Business Network",
	"Residents Association of Oakmere", "The Transport Users Group",
	"The Patients Voice", "Online petition",
}

var topics = []string{
	"Public health", "Elections", "Immigration", "Economy", "Energy", "Climate",
	"Education", "Housing", "Crime", "Transport", "Agriculture", "Water",
	"Taxes", "Pensions", "Labor", "Trade", "Defense", "Foreign aid", "Science",
	"Technology", "Media", "Courts", "Local government", "Environment",
	"Budget", "Welfare", "Health care", "Vaccines", "Banking", "Tourism",
}

var authors = []string{
	"Elena Marsh", "Samuel Osei", "Hana Kimura", "Lucas Ferreira",
	"Maya Goldberg", "Idris Bakr", "Clara Novak", "Owen Price", "Leila Sadeghi",
	"Jonah Meyer", "Ruth Adeyemi", "Pablo Ortega",
}

var publishers = []string{
	"National Statistics Office", "Eastmoor Gazette", "Redvale Daily",
	"The Morning Ledger", "National Audit Office", "Health Ministry",
	"Election Commission", "Transport Authority", "Channel Nine News",
	"Radio Northcliff", "Environment Agency", "Central Bank",
	"Parliamentary Committee on Public Accounts", "Housing Trust",
	"Court of Auditors", "Energy Regulator", "Farmers Association",
	"Chamber of Commerce", "Consumer Council", "Planning Commission",
}

var kinds = []string{"primary", "report", "news", "statement", "dataset", "social", "other"}
