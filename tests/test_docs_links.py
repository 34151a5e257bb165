"""The documentation stands on its own: README.md and docs/*.md link only to what the repository holds.

- Every relative Markdown link resolves to a file or folder inside the repository, and a link to a
  heading of a Markdown file (`file.md#heading`, or `#heading` in the same file) names a heading there.
- No document refers to anything outside the repository (design notes kept elsewhere, local paths).
- The README stays one page: at most 150 lines.
- A call `Foo.bar(...)` or constant `Foo.BAR` in the documents' code names a member that Foo.java
  declares, for every class Foo of the repository (renamed API leaves no stale examples behind).

Needs no kernel: `/usr/bin/python3 -m pytest -q --noconftest tests/test_docs_links.py` runs it alone.
"""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
DOCUMENTS = [README] + sorted((REPO / "docs").glob("*.md"))
README_MAX_LINES = 150

LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
OUTSIDE = [re.compile(p) for p in (r"DESIGN\.md", r"\.\./shared", r"/work/", r"/home/", r"/tmp/[\w-]+/")]


def prose(path):
    """The document without its fenced code blocks (code may contain brackets and parentheses)."""
    return FENCE.sub("", path.read_text(encoding="utf-8"))


def anchors(path):
    """GitHub's anchors for the headings of a Markdown file."""
    result = set()
    for line in prose(path).splitlines():
        match = re.match(r"#{1,6}\s+(.*)", line)
        if match:
            text = re.sub(r"[`*_]", "", match.group(1).strip()).lower()
            result.add(re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text)))
    return result


def links(path):
    return [target for target in LINK.findall(prose(path))
            if not re.match(r"[a-z][a-z0-9+.-]*:", target)]  # http:, https:, mailto: are not files


def broken_links(path):
    broken = []
    for target in links(path):
        file_part, _, anchor = target.partition("#")
        resolved = (path.parent / file_part).resolve() if file_part else path
        if not resolved.is_relative_to(REPO):
            broken.append(target + " (outside the repository)")
        elif not resolved.exists():
            broken.append(target + " (no such file)")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(target + " (no such heading)")
    return broken


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(REPO)))
def test_every_link_resolves_inside_the_repository(path):
    assert links(path) or path != README, "README.md links to nothing: it should link to docs/"
    assert not broken_links(path), "%s has broken links: %s" % (path.relative_to(REPO), broken_links(path))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(REPO)))
def test_nothing_outside_the_repository_is_referred_to(path):
    text = path.read_text(encoding="utf-8")
    found = [pattern.pattern for pattern in OUTSIDE if pattern.search(text)]
    assert not found, "%s refers to something outside the repository (%s)" % (path.relative_to(REPO), found)


def test_every_document_in_docs_is_linked_from_the_readme():
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in links(README)}
    unlinked = [p.name for p in DOCUMENTS[1:] if p.resolve() not in linked]
    assert not unlinked, "README.md does not link to docs/%s" % ", docs/".join(unlinked)


def test_readme_is_one_page():
    lines = len(README.read_text(encoding="utf-8").splitlines())
    assert lines <= README_MAX_LINES, "README.md has %d lines; keep it to %d and move the rest to docs/" % (
        lines, README_MAX_LINES)


CODE = re.compile(r"```(?:java)?\n(.*?)```|`([^`\n]+)`", re.DOTALL)
QUALIFIED = re.compile(r"(?<![\w./])([A-Z]\w*)\.([A-Za-z_]\w*)(\()?")
FILE_SUFFIXES = {"java", "jsh", "md", "py", "json", "ipynb", "sh", "class"}


def java_files():
    found = {}
    for path in REPO.glob("*/src/*/java/**/*.java"):
        found.setdefault(path.stem, []).append(path)
    return found


def stale_names(path, classes):
    """`Foo.bar(` and `Foo.BAR` in the code of `path` whose Foo.java (a class of the repository) does not declare bar."""
    stale = []
    for match in CODE.finditer(path.read_text(encoding="utf-8")):
        code = re.sub(r'"[^"\n]*"', '""', match.group(1) or match.group(2))
        for cls, member, call in QUALIFIED.findall(code):
            if cls not in classes or member in FILE_SUFFIXES:
                continue  # JDK, DL4J, Tablesaw, ...: not this repository's
            declared = re.compile((r"\b%s\s*\(" if call else r"\b%s\b") % re.escape(member))
            if not any(declared.search(f.read_text(encoding="utf-8")) for f in classes[cls]):
                stale.append("%s.%s%s" % (cls, member, "(" if call else ""))
    return stale


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(REPO)))
def test_code_names_what_the_classes_declare(path):
    stale = stale_names(path, java_files())
    assert not stale, "%s names members its classes do not declare (renamed or removed?): %s" % (
        path.relative_to(REPO), ", ".join(sorted(set(stale))))
