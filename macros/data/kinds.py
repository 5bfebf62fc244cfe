"""One description per kind of record: its data file and model, its names, where it is shown and what it cites."""

from dataclasses import dataclass

from . import models


@dataclass(frozen=True)
class Kind:
    """Everything the handbook knows about one kind of record, in one place."""

    name: str                 # the data file's stem (data/duties.yml) and the key in Handbook.records
    model: type[models.Record]
    noun: str                 # one record, in messages and labels: "conduct rule"
    plural: str               # "conduct rules"
    title: str                # the catalogue page's and the handbook PDF chapter's title
    url: str                  # where one record is shown, as a link from docs/: "/conduct.md#{id}"
    page_macro: str | None = None  # a generated page per record, made by this macro (docs/<folder>/<id>.md)
    cites: tuple[tuple[str, str], ...] = ()  # (field, kind its ids name); "items.duties": inside each item
    must_be_cited: bool = False   # a record no role, duty, checklist or scenario cites never reaches a reader
    in_contents: bool = False     # the handbook PDF's contents list each record

    @property
    def folder(self) -> str:
        """The docs/ folder of the generated pages ("roles" for /roles/{id}.md)."""
        return self.url.strip("/").split("/")[0]

    def url_of(self, record_id: str) -> str:
        return self.url.format(id=record_id)


KINDS: tuple[Kind, ...] = (
    Kind("roles", models.Role, "role", "roles", "Role guides", "/roles/{id}.md", page_macro="role_guide",
         cites=(("duties", "duties"), ("requirements", "requirements"), ("principles", "principles"),
                ("donts", "donts"), ("pitfalls", "pitfalls"), ("checklists", "checklists")), in_contents=True),
    Kind("duties", models.Duty, "duty", "duties", "Duties", "/duties.md#{id}",
         cites=(("principles", "principles"), ("donts", "donts"), ("checklists", "checklists")), must_be_cited=True),
    Kind("principles", models.Principle, "principle", "principles", "Principles", "/principles.md#{id}",
         must_be_cited=True),
    Kind("donts", models.Dont, "conduct rule", "conduct rules", "Conduct rules", "/conduct.md#{id}",
         must_be_cited=True),
    Kind("pitfalls", models.Pitfall, "pitfall", "pitfalls", "Pitfalls", "/pitfalls.md#{id}", must_be_cited=True),
    Kind("requirements", models.Requirement, "requirement", "requirements", "Requirements", "/requirements.md#{id}",
         must_be_cited=True),
    Kind("checklists", models.Checklist, "checklist", "checklists", "Checklists", "/checklists/{id}.md",
         page_macro="checklist", cites=(("items.duties", "duties"), ("items.principles", "principles")),
         must_be_cited=True, in_contents=True),
    Kind("onboarding", models.OnboardingPlan, "onboarding plan", "onboarding plans", "Onboarding plans",
         "/onboarding/{id}.md", page_macro="onboarding_plan",
         cites=(("role", "roles"), ("steps.checklists", "checklists"), ("steps.duties", "duties")), in_contents=True),
    Kind("scenarios", models.Scenario, "worked case", "worked cases", "Worked cases", "/scenarios.md#{id}",
         cites=(("principles", "principles"), ("pitfalls", "pitfalls"), ("donts", "donts"), ("duties", "duties"))),
    Kind("glossary", models.Term, "glossary term", "glossary terms", "Glossary", "/glossary.md#{id}"),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
