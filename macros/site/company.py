"""The company settings applied to the MkDocs build: the site's address, name, footer and colours."""

import html

from ..data.company import Company

STYLESHEET = "assets/company.css"
INSTANT = "navigation.instant"


def apply(config, company: Company, offline: bool) -> None:
    """Sets the site's address, name and footer from the settings; instant navigation once there is an address."""
    config["site_url"] = company.site_url or None  # sitemap.xml and canonical links need it
    config["site_name"] = f"{company.short_name} — Assistant to the {company.gm_title} handbook"
    config["copyright"] = (f"{html.escape(company.name)} · kept by the {html.escape(company.offices.general_office)}"
                           f" · <a href=\"mailto:{html.escape(company.contact.email, quote=True)}\">"
                           f"{html.escape(company.contact.email)}</a>")
    features = config["theme"]["features"]
    # Material's instant navigation fetches pages listed in sitemap.xml, so it needs the address; from file:// (the
    # offline zip) there is nothing to fetch from.
    if company.site_url and not offline and INSTANT not in features:
        features.append(INSTANT)
    if STYLESHEET not in config["extra_css"]:
        config["extra_css"].insert(0, STYLESHEET)


def stylesheet(company: Company) -> str:
    """The company's colours as CSS custom properties, which docs/assets/handbook.css builds the palette from."""
    return (":root {\n"
            f"  --hb-brand-primary: {company.colours.primary};\n"
            f"  --hb-brand-accent: {company.colours.accent};\n"
            "}\n")
