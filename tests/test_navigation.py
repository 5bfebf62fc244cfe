"""Navigation: top-level tabs by reader purpose, on every page on a desktop, and the menu button on a phone."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TABS = ["Home", "Start here", "Roles", "How we work", "Checklists and plans", "Reference", "For managers"]


def every_page(site: Path) -> list[str]:
    """Every page of the build, as a path from the site root (the 404 page and the search index left out)."""
    return sorted(str(p.parent.relative_to(site)).replace(".", "") + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if "assets" not in p.parts)


class NavLoader(yaml.SafeLoader):
    pass


# mkdocs.yml's !ENV and !!python/name: tags: their values do not matter here.
NavLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
NavLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_the_tabs_follow_reader_purpose_and_maintenance_is_not_in_the_menu():
    """The top level is the readers' purposes in order; the editors' Maintenance page is out of the menu."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=NavLoader)
    top = [next(iter(entry)) for entry in config["nav"]]
    assert top[:len(TABS)] == TABS
    assert "navigation.tabs" in config["theme"]["features"]
    assert "maintenance.md" not in str(config["nav"]) and "maintenance.md" in config["not_in_nav"]


def test_maintenance_is_still_linked_from_the_home_page(site):
    assert 'href="maintenance/"' in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [1280, 390])
def test_every_page_has_navigation(browser, served_site, site, width):
    """At 1280 px every page shows the tabs; at 390 px every page shows the menu button, which opens the menu."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    missing = []
    try:
        for path in every_page(site):
            page.goto(f"{served_site}/{path}", wait_until="domcontentloaded")
            if width >= 1220:  # where Material shows its tabs
                tabs = page.locator(".md-tabs .md-tabs__link:visible")
                if tabs.count() < len(TABS):
                    missing.append(path or "/")
            else:
                button = page.locator('label.md-header__button[for="__drawer"]')
                if not button.is_visible():
                    missing.append(path or "/")
        assert not missing, f"no navigation at {width} px on: {missing}"
        page.goto(f"{served_site}/manager/")
        if width < 1220:
            page.locator('label.md-header__button[for="__drawer"]').click()
            assert page.locator(".md-nav--primary .md-nav__link:visible", has_text="Start here").count()
    finally:
        context.close()
