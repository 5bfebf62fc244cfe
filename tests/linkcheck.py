"""Offline link check of a built site: every internal href and src resolves to a file, every fragment to an id.

PDFs are checked too: a link inside one goes to a named place in it, or to a listed outbound address.

Maintained checkers either need a server and the network or miss anchors on other pages (see FIELD-NOTES), so
this walks the built files with the standard library's HTML parser. Run it by hand with
`python tests/linkcheck.py site/`; tests/test_links.py runs it on every build.
"""

import json
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Deliberate outbound links: plain <a href> only (never a src, stylesheet or script), listed here and nowhere else.
# The one there is: the footer's address for readers' questions, from the company settings.
_CONTACT = re.search(r"^  email: (\S+)", (Path(__file__).resolve().parent.parent / "data" / "settings" / "company.yml")
                     .read_text(encoding="utf-8"), re.M).group(1)
OUTBOUND: frozenset[str] = frozenset({f"mailto:{_CONTACT}"})

# Attributes that point at another resource, per element ("*" = any element).
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "script": ("src",), "img": ("src", "srcset"),
    "source": ("src", "srcset"), "iframe": ("src",), "frame": ("src",), "embed": ("src",), "object": ("data",),
    "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "input": ("src",), "form": ("action",),
    "use": ("href", "xlink:href"), "image": ("href", "xlink:href"), "*": ("background",),
}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3""", re.I)
META_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";]+)", re.I)


@dataclass(frozen=True)
class Reference:
    """One URL found in a built file, with where it was found."""

    source: str   # path of the file it is in, relative to the site
    line: int
    what: str     # e.g. '<a href>' or 'url()'
    url: str


@dataclass
class Page:
    """What the check needs from one HTML file: the ids it defines and the URLs it uses."""

    ids: set[str] = field(default_factory=set)
    references: list[Reference] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.page = Page()
        self._in_style = False

    def _add(self, what: str, url: str) -> None:
        self.page.references.append(Reference(self.source, self.getpos()[0], what, url.strip()))

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.page.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.page.ids.add(attrs["name"])
        for name in URL_ATTRIBUTES.get(tag, ()) + URL_ATTRIBUTES["*"]:
            value = attrs.get(name)
            if value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self._add(f"<{tag} srcset>", candidate.split()[0])
            else:
                self._add(f"<{tag} {name}>", value)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            match = META_REFRESH_URL.search(attrs.get("content") or "")
            if match:
                self._add("<meta refresh>", match.group(1))
        if attrs.get("style"):
            for url in css_urls(attrs["style"]):
                self._add(f"<{tag} style> url()", url)
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            for url in css_urls(data):
                self._add("<style> url()", url)


def css_urls(css: str) -> list[str]:
    """Every url(...) and @import target in a piece of CSS."""
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(css)]


def parse_html(site: Path, path: Path) -> Page:
    parser = _PageParser(path.relative_to(site).as_posix())
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def _css_references(site: Path, path: Path) -> list[Reference]:
    source = path.relative_to(site).as_posix()
    text = path.read_text(encoding="utf-8", errors="replace")
    return [Reference(source, text.count("\n", 0, match.start()) + 1, "url()", match.group(2) or match.group(4))
            for match in CSS_URL.finditer(text)]


def _search_index_references(site: Path, path: Path) -> list[Reference]:
    """Search results link to `location`, relative to the site root, so each must resolve like a link."""
    index = json.loads(path.read_text(encoding="utf-8"))
    source = path.relative_to(site).as_posix()
    return [Reference(source, 0, "search location", doc["location"] or "./") for doc in index.get("docs", [])]


def _pdf_references(site: Path, path: Path) -> tuple[list[Reference], set[str]]:
    """The links in a PDF (to a named place in it, or a URI) and the names it defines."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    source = path.relative_to(site).as_posix()
    try:
        reader = PdfReader(path)
    except PdfReadError as error:
        return [Reference(source, 0, "PDF", f"unreadable: {error}")], set()
    found = []
    for number, page in enumerate(reader.pages, 1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            if action.get("/URI") is not None:
                found.append(Reference(source, number, "PDF link", str(action["/URI"])))
            destination = annotation.get("/Dest") or action.get("/D")
            if isinstance(destination, str):
                found.append(Reference(source, number, "PDF link", f"#{destination}"))
    return found, set(reader.named_destinations)


class Site:
    """A built site on disk: its files, and each HTML page parsed once."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.files = {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()}
        self._pages: dict[str, Page] = {}
        self._pdf_names: dict[str, set[str]] = {}

    def page(self, relative: str) -> Page:
        if relative not in self._pages:
            self._pages[relative] = parse_html(self.root, self.root / relative)
        return self._pages[relative]

    def references(self) -> list[Reference]:
        """Every URL used by the site's HTML, CSS and search index, in a stable order."""
        found = []
        for relative in sorted(self.files):
            path = self.root / relative
            if relative.endswith(".html"):
                found += self.page(relative).references
            elif relative.endswith(".css"):
                found += _css_references(self.root, path)
            elif relative.endswith("search_index.json"):
                found += _search_index_references(self.root, path)
            elif relative.endswith(".pdf"):
                pdf_refs, self._pdf_names[relative] = _pdf_references(self.root, path)
                found += pdf_refs
        return found

    def pdf_names(self, relative: str) -> set[str]:
        if relative not in self._pdf_names:
            self._pdf_names[relative] = _pdf_references(self.root, self.root / relative)[1]
        return self._pdf_names[relative]

    def target_file(self, base: str, path: str) -> str | None:
        """The site file a path points at from `base` (a directory URL means its index.html), or None."""
        parts = [] if path.startswith("/") else base.split("/")[:-1]
        for part in unquote(path).split("/"):
            if part == "..":
                if not parts:
                    return None  # climbs out of the site
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        joined = "/".join(parts)
        for candidate in (joined, f"{joined}/index.html".lstrip("/")):
            if candidate in self.files:
                return candidate
        return None


def problem_with(site: Site, ref: Reference, outbound: frozenset[str]) -> str | None:
    """Why one reference is broken, or None when it resolves."""
    url = ref.url
    parts = urlsplit(url)
    if parts.scheme == "data":
        return None
    if ref.what == "PDF":
        return f"cannot be read as a PDF ({url})"
    if ref.what == "PDF link":
        if url.startswith("#"):
            return None if url[1:] in site.pdf_names(ref.source) else f"{url}: no such named place in the PDF"
        if parts.scheme in ("http", "https") and url in outbound:
            return None
        # A relative link in a PDF is resolved on the build machine (file://...), useless once downloaded.
        return f"{url} leads outside the PDF (only OUTBOUND web addresses may)"
    if parts.scheme or url.startswith("//"):
        if ref.what == "<a href>" and url in outbound:
            return None
        return f"external URL {url} (plain outbound links must be listed in tests/linkcheck.py OUTBOUND)"
    base = ref.source
    if ref.what == "search location":
        # Locations are relative to the root of the index's own edition: search/ of the site, or of zh/.
        base = ref.source.removesuffix("search/search_index.json") + "index.html"
    if parts.path.startswith("/") and not ref.source.endswith("404.html"):
        # The 404 page is served at any depth, so MkDocs writes it with root paths; elsewhere they break file://.
        return f"root-relative {url} breaks when the site is opened from a folder or file://"
    target = site.target_file(base, parts.path) if parts.path else base
    if target is None:
        return f"{url} points at no file in the site"
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in site.page(target).ids:
        return f"{url}: {target} has no element with id '{fragment}'"
    return None


def check_site(root: Path, outbound: frozenset[str] = OUTBOUND) -> list[str]:
    """Every broken reference in a built site, as `file:line: <tag attr> problem` lines."""
    site = Site(root)
    problems = []
    for ref in site.references():
        problem = problem_with(site, ref, outbound)
        if problem:
            problems.append(f"{ref.source}:{ref.line}: {ref.what} {problem}")
    return problems


def main(argv: list[str]) -> int:
    problems = check_site(Path(argv[1]))
    print("\n".join(problems) or "no broken links")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
