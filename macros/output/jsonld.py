"""schema.org Occupation JSON-LD for a role page, escaped so that no data text can end the <script> element."""

import json

from ..data import models
from ..data.labels import one_line
from ..data.handbook import Handbook
from ..data.language import words

# The public classifications the data's codes come from, named as their publishers name them.
CODE_SETS = {"onet": "O*NET-SOC 2019", "isco": "ISCO-08"}

# Which requirement categories fill which schema.org property.
PROPERTY_OF_CATEGORY = {
    "education": "educationRequirements",
    "experience": "experienceRequirements",
    "knowledge": "skills",
    "skill": "skills",
    "quality": "qualifications",
}


def occupation(handbook: Handbook, role: models.Role) -> dict:
    """The role as a schema.org Occupation, with its O*NET-SOC and ISCO-08 codes as CategoryCode entries."""
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "inLanguage": "zh-CN" if handbook.language == "zh" else handbook.language,
        "name": one_line(role.title),
        "description": one_line(role.summary),
        "responsibilities": [f"{one_line(d.title)}: {one_line(d.summary)}" for d in handbook.resolve("duties", role.duties)],
    }
    for prop in dict.fromkeys(PROPERTY_OF_CATEGORY.values()):
        data[prop] = []
    for requirement in handbook.resolve("requirements", role.requirements):
        preferred = f" ({words('preferred')})" if requirement.level == "preferred" else ""
        data[PROPERTY_OF_CATEGORY[requirement.category]].append(f"{one_line(requirement.title)}{preferred}")
    data["occupationalCategory"] = [_category_code(role.onet, CODE_SETS["onet"]),
                                    _category_code(role.isco, CODE_SETS["isco"])]
    return data


def script(handbook: Handbook, role: models.Role) -> str:
    """A <script type="application/ld+json"> block; safe for any data text."""
    return f'<script type="application/ld+json">{script_json(occupation(handbook, role))}</script>'


def script_json(data) -> str:
    """JSON safe inside a <script> element: <, > and & as \\u escapes, so no `</script>`, `<!--` or entity, and it
    still parses the same (JSON-LD blocks, the onboarding plan's calendar data)."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _category_code(code: models.OccupationCode, code_set: str) -> dict:
    return {
        "@type": "CategoryCode",
        "codeValue": code.code,
        "name": one_line(code.title),
        "description": one_line(code.reason),
        "inCodeSet": {"@type": "CategoryCodeSet", "name": code_set},
    }
