"""The company settings applied to the MkDocs build: the site's address, name, footer and colours."""

import html

from ..data import language
from ..data.company import Company
from ..data.language import words
from ..output.paper import css_content

STYLESHEET = "assets/company.css"
INSTANT = "navigation.instant"


def apply(config, company: Company, offline: bool) -> None:
    """Sets the site's address, name and footer from the settings; instant navigation once there is an address."""
    # sitemap.xml and canonical links need the address; a translation lives in a folder of its own (/zh/).
    folder = "" if language.current() == "en" else f"{language.current()}/"
    config["site_url"] = company.site_url + folder if company.site_url else None
    config["site_name"] = words("{company} — Assistant to the {gm} handbook").format(
        company=company.short_name, gm=company.gm_title)
    kept_by = words("kept by the {office}").format(office=html.escape(company.offices.general_office))
    config["copyright"] = (f"{html.escape(company.name)} · {kept_by}"
                           f" · <a href=\"mailto:{html.escape(company.contact.email, quote=True)}\">"
                           f"{html.escape(company.contact.email)}</a>")
    features = config["theme"]["features"]
    # Material's instant navigation fetches pages listed in sitemap.xml, so it needs the address; from file:// (the
    # offline zip) there is nothing to fetch from.
    if company.site_url and not offline and INSTANT not in features:
        features.append(INSTANT)
    # Last: in a translation it restates words that docs/assets/checklists.css writes in English, with selectors of
    # the same weight, so only coming later makes them win (the colours are custom properties: order is no matter).
    if STYLESHEET not in config["extra_css"]:
        config["extra_css"].append(STYLESHEET)


def stylesheet(company: Company) -> str:
    """The company's colours as CSS custom properties, which docs/assets/handbook.css builds the palette from, and
    in a translation the words CSS writes itself (docs/assets/checklists.css has them in English)."""
    css = (":root {\n"
           f"  --hb-brand-primary: {company.colours.primary};\n"
           f"  --hb-brand-accent: {company.colours.accent};\n"
           "}\n")
    if language.current() != "en":
        css += ("@media screen and (max-width: 44.9375em) {\n"
                f"  .md-typeset .hb-checklist__table td.hb-col-owner::before {{ content: {css_content(words('Owner: '))}; }}\n"
                f"  .md-typeset .hb-checklist__table td.hb-col-when::before {{ content: {css_content(words('When: '))}; }}\n"
                "}\n"
                f"@page hb-sheet {{ @bottom-right {{ content: {css_content(words('Page {page} of {pages}'))}; }} }}\n")
    return css
