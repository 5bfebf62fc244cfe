"""What newcomers type into the handbook's search, and the page or section each query must lead to."""

from dataclasses import dataclass

EVERYDAY = "everyday word"
SYNONYM = "synonym"
PLURAL = "plural"
MISSPELLING = "misspelling"
PHRASE = "phrase"
ROLE = "role name"
NOT_COVERED = "not covered"

KINDS = (EVERYDAY, SYNONYM, PLURAL, MISSPELLING, PHRASE, ROLE, NOT_COVERED)


@dataclass(frozen=True)
class Case:
    """A query as a newcomer types it, and the site locations any one of which answers it."""

    # A location is a page (`checklists/procurement/`) or a section (`duties/#custom-printing`), as the search index
    # writes it. A not-covered case has none: the handbook has no answer, so the right outcome is "No matching
    # documents" rather than first results that look like an answer.

    query: str
    kind: str
    expected: tuple[str, ...]

    def __post_init__(self):
        assert self.kind in KINDS, f"{self.query!r}: unknown kind {self.kind!r}"
        assert (self.kind == NOT_COVERED) == (not self.expected), f"{self.query!r}: only not-covered cases expect none"


# Where records live on the built site, by id (ids from data/*.yml): one helper per kind of record.
def duty(id: str) -> str:
    return f"duties/#{id}"


def checklist(id: str) -> str:
    return f"checklists/{id}/"


def term(id: str) -> str:
    return f"glossary/#{id}"


def role(id: str) -> str:
    return f"roles/{id}/"


def plan(id: str) -> str:
    return f"onboarding/{id}/"


def principle(id: str) -> str:
    return f"principles/#{id}"


def conduct_rule(id: str) -> str:
    return f"conduct/#{id}"


def pitfall(id: str) -> str:
    return f"pitfalls/#{id}"


def requirement(id: str) -> str:
    return f"requirements/#{id}"


def worked_case(id: str) -> str:
    return f"scenarios/#{id}"


ROLE_IDS = ("general-assistant", "executive-secretary", "office-director", "enterprise-management-assistant",
            "strategic-assistant", "administrative-officer")

# The answers shared by several queries.
SEAL = (duty("seal-and-introduction-letters"), checklist("seal-and-introduction-letters"), term("company-seal"))
LETTERS_AND_VISITS = (duty("reception-and-letters-visits"), term("letters-and-visits"), duty("official-correspondence"))
BUYING = (checklist("procurement"), duty("procure-supplies"))
MINUTES = (duty("meeting-minutes"), checklist("meetings"), term("minutes"))
DIARY = (duty("gm-schedule"), checklist("travel-arrangements"))
TRIPS = (duty("business-trips"), checklist("travel-arrangements"))
VISITORS = (duty("reception-and-letters-visits"), checklist("guest-reception-and-events"), duty("official-visits"))
GIFTS = (*BUYING, term("clean-government-rules"), pitfall("cosy-with-suppliers"))
BRIBES = (term("clean-government-rules"), pitfall("cosy-with-suppliers"), checklist("procurement"))
PRINTING = (duty("custom-printing"), *BUYING)
WARRANTY = (duty("warranty-and-after-sales"),)
FILINGS = (duty("government-filings"), checklist("government-filings"))
ARCHIVE = (duty("document-lifecycle"), checklist("document-lifecycle"), term("document-lifecycle"))
# Hiring: the job descriptions are the role guides (printed or as PDFs), with the requirements behind them.
# HR's page has each role's job advert and interview kit; the glossary's "job description" points at both.
HIRING = ("roles/", *(role(id) for id in ROLE_IDS), "manager/#downloads", "manager/#requirements-by-role",
          "requirements/", "hr/", *(f"hr/adverts/{id}/" for id in ROLE_IDS), term("job-description"))
FIRST_DAYS = ("onboarding/", *(plan(f"onboarding-{id}") for id in ROLE_IDS),
              *(checklist(f"first-week-{id}") for id in ROLE_IDS))

CASES = [
    # Everyday words: the word a newcomer has in mind, which the record itself uses.
    Case("procurement", EVERYDAY, BUYING),
    Case("phone calls", EVERYDAY, (duty("call-log"), term("call-log"))),
    Case("diary", EVERYDAY, DIARY),
    Case("appointment", EVERYDAY, DIARY),
    Case("hotel", EVERYDAY, (*TRIPS, duty("guest-logistics"), checklist("guest-reception-and-events"))),
    Case("stationery", EVERYDAY, PRINTING),
    Case("invoice", EVERYDAY, (duty("acceptance-checks"), term("acceptance-check"), checklist("procurement"))),
    Case("repair", EVERYDAY, WARRANTY),
    Case("agenda", EVERYDAY, (checklist("meetings"), duty("meeting-minutes"))),
    Case("contract", EVERYDAY, (duty("contracts-and-cooperation"),)),
    Case("complaint", EVERYDAY, LETTERS_AND_VISITS),
    Case("visitor", EVERYDAY, VISITORS),
    # A driver is driven (pick-ups for guests and trips) or is you (the stand-in duty): both are answers.
    Case("driver", EVERYDAY, (duty("stand-in-driver"), requirement("driving-licence"), duty("guest-logistics"),
                              checklist("guest-reception-and-events"), checklist("travel-arrangements"))),
    Case("dinner", EVERYDAY, (checklist("team-dinner"), worked_case("colleague-dinner"), duty("event-logistics"))),
    Case("gossip", EVERYDAY, (conduct_rule("no-tattling"),)),
    Case("archiving", EVERYDAY, ARCHIVE),
    Case("supplier", EVERYDAY, (*BUYING, pitfall("cosy-with-suppliers"), term("three-quotes"))),
    Case("printing", EVERYDAY, (duty("custom-printing"),)),
    Case("newsletter", EVERYDAY, (duty("major-events-record"),)),
    Case("confidential", EVERYDAY, (requirement("discretion"), conduct_rule("dont-pry"), duty("document-lifecycle"),
                                    checklist("document-lifecycle"), duty("gm-documents"))),
    Case("website", EVERYDAY, (duty("website-proposal"),)),
    Case("feedback", EVERYDAY, (duty("reception-and-letters-visits"),)),
    Case("bribe", EVERYDAY, BRIBES),
    Case("strategy", EVERYDAY, (duty("planning-and-strategy"), duty("strategic-and-annual-plans"),
                                duty("business-plan-sales-capital"), duty("e-commerce-strategy"),
                                role("strategic-assistant"))),
    # Synonyms: the newcomer's word is not the handbook's.
    Case("chop", SYNONYM, SEAL),
    Case("stamp", SYNONYM, SEAL),
    Case("petition", SYNONYM, LETTERS_AND_VISITS),
    Case("complaint letter", SYNONYM, LETTERS_AND_VISITS),
    Case("purchasing", SYNONYM, BUYING),
    Case("buying", SYNONYM, BUYING),
    Case("vacancy", SYNONYM, HIRING),
    Case("job ad", SYNONYM, HIRING),
    Case("job advert", SYNONYM, HIRING),
    Case("minutes of meeting", SYNONYM, MINUTES),
    Case("calendar", SYNONYM, DIARY),
    Case("rota", SYNONYM, (term("duty-roster"), duty("office-rules"))),
    Case("kickback", SYNONYM, BRIBES),
    Case("chauffeur", SYNONYM, (duty("stand-in-driver"),)),
    Case("front desk", SYNONYM, VISITORS),
    Case("ceo", SYNONYM, (term("general-manager"),)),
    # Plurals: the record may use the singular.
    Case("visitors", PLURAL, VISITORS),
    Case("invoices", PLURAL, (duty("acceptance-checks"), term("acceptance-check"), checklist("procurement"))),
    Case("gifts", PLURAL, GIFTS),
    Case("warranties", PLURAL, WARRANTY),
    Case("resolutions", PLURAL, (duty("resolutions-and-decisions"), term("resolution"))),
    Case("business trips", PLURAL, TRIPS),
    Case("licences", PLURAL, (*FILINGS, requirement("driving-licence"))),
    Case("seals", PLURAL, SEAL),
    # Plurals of words the handbook only uses in the singular.
    Case("diaries", PLURAL, DIARY),
    Case("agendas", PLURAL, (checklist("meetings"), duty("meeting-minutes"))),
    Case("stamps", PLURAL, SEAL),
    Case("archives", PLURAL, ARCHIVE),
    # Misspellings: the ones people really make.
    Case("recieve visitors", MISSPELLING, VISITORS),
    Case("procurment", MISSPELLING, BUYING),
    Case("itinery", MISSPELLING, TRIPS),
    Case("secretery", MISSPELLING, (role("executive-secretary"),)),
    Case("stationary", MISSPELLING, PRINTING),
    Case("accomodation", MISSPELLING, (duty("guest-logistics"), checklist("guest-reception-and-events"))),
    Case("warrenty", MISSPELLING, WARRANTY),
    # Multi-word phrases: a task, as a newcomer would put it.
    Case("business cards", PHRASE, PRINTING[:2]),
    Case("how to take minutes", PHRASE, MINUTES[:2]),
    Case("book a hotel for the boss", PHRASE, TRIPS),
    Case("who can use the company seal", PHRASE, SEAL),
    Case("buying office supplies", PHRASE, BUYING),
    Case("handle a complaint", PHRASE, LETTERS_AND_VISITS),
    Case("organise a team dinner", PHRASE, (checklist("team-dinner"), worked_case("colleague-dinner"))),
    Case("get three quotes", PHRASE, (term("three-quotes"), checklist("procurement"))),
    Case("prepare a meeting agenda", PHRASE, (checklist("meetings"), duty("meeting-minutes"))),
    Case("car annual inspection", PHRASE, (term("annual-inspection"), *FILINGS)),
    Case("welcome a visiting delegation", PHRASE, (duty("official-visits"), checklist("guest-reception-and-events"))),
    Case("letter of introduction", PHRASE, (*SEAL[:2], term("letter-of-introduction"))),
    Case("what to do on my first day", PHRASE, FIRST_DAYS),
    Case("company news", PHRASE, (duty("major-events-record"),)),
    Case("staff party", PHRASE, (duty("staff-activities"), duty("event-logistics"))),
    # Role names: a role's own title, a shortening of it, or the name other companies give it.
    Case("secretary", ROLE, (role("executive-secretary"),)),
    Case("office director", ROLE, (role("office-director"),)),
    Case("admin officer", ROLE, (role("administrative-officer"),)),
    Case("strategic assistant", ROLE, (role("strategic-assistant"),)),
    Case("enterprise management assistant", ROLE, (role("enterprise-management-assistant"),)),
    Case("general assistant", ROLE, (role("general-assistant"),)),
    Case("assistant to the general manager", ROLE, (role("general-assistant"), "roles/")),
    Case("assistant gm", ROLE, (role("general-assistant"), "roles/")),
    Case("personal assistant", ROLE, (role("executive-secretary"), role("general-assistant"), "roles/")),
    Case("executive assistant", ROLE, (role("executive-secretary"),)),
    Case("chief of staff", ROLE, (role("general-assistant"),)),
    # Not covered: the handbook has no answer, so it should say so instead of offering pages that merely share a word.
    Case("payroll tax rates", NOT_COVERED, ()),
    Case("forklift licence", NOT_COVERED, ()),
    Case("stock options", NOT_COVERED, ()),
    Case("maternity leave", NOT_COVERED, ()),
    Case("wifi password", NOT_COVERED, ()),
    Case("pension scheme", NOT_COVERED, ()),
]

# The misses the suite accepts, each with its reason (tests/test_search_suite.py expects them to fail, strictly).
# Material 9.8.1's search matches a word only from its start (it adds a wildcard to each word typed) and has no
# fuzzy matching unless the reader types "~": a misspelling finds nothing. The handbook does not write misspellings
# into its records, so these stay misses; the no-results hint asks the reader to check the spelling.
_MISSPELT = "misspelling: Material's search has no fuzzy matching unless the reader types '~'"
KNOWN_MISSES = {
    "procurment": _MISSPELT,
    "itinery": _MISSPELT,
    "secretery": _MISSPELT,
    "stationary": _MISSPELT,
    "accomodation": _MISSPELT,
    "warrenty": _MISSPELT,
    # Material adds a wildcard to each word, stop words included: "a" matches every word that starts with "a", and
    # the records whose other names start with one ("archiving", "admin officer") outrank the answer.
    "book a hotel for the boss": "the stop word 'a' matches every word starting with 'a' (Material's wildcard)",
    "welcome a visiting delegation": "the stop word 'a' matches every word starting with 'a' (Material's wildcard)",
}
