"""The documentation stands on its own: README.md and docs/*.md link only to what the repository holds.

- Every relative Markdown link resolves to a file or folder inside the repository, and a link to a
  heading of a Markdown file (`file.md#heading`, or `#heading` in the same file) names a heading there.
- No document refers to anything outside the repository (design notes kept elsewhere, local paths).
- The README stays one page: at most 150 lines.

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
