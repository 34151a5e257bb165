"""The notebooks read as the library's API intends (docs/naming.md): a one-line prelude, profile(...)
instead of hand-written profile checks, short cells, imports instead of fully qualified names.

These read the notebook files only; they start no kernel.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
MAX_CELL_LINES = 15
QUALIFIED_NAME = re.compile(r"\b(?:java|javax|org|io|tech)\.[a-z0-9]+(?:\.[a-z0-9]+)*\.[A-Z]\w*")


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda path: path.stem)
def notebook(request):
    return request.param


def test_there_are_notebooks():
    assert len(NOTEBOOKS) >= 7, [path.name for path in NOTEBOOKS]


def test_the_first_code_cell_starts_with_the_prelude(notebook):
    first = code_cells(notebook)[0]
    assert first.splitlines()[0].strip() == "%workbench", "%s starts with %r" % (notebook.name, first[:80])


def test_profiles_are_chosen_with_profile(notebook):
    for source in code_cells(notebook):
        assert "smoke ?" not in source and 'getenv("WORKBENCH_PROFILE")' not in source, (
            "%s chooses a profile by hand; use profile(full, workshop, smoke):\n%s" % (notebook.name, source))


def test_no_code_cell_is_longer_than_the_limit(notebook):
    long = [source for source in code_cells(notebook) if len(source.splitlines()) > MAX_CELL_LINES]
    assert not long, "%s has cells over %d lines:\n\n%s" % (notebook.name, MAX_CELL_LINES, "\n\n".join(long))


def test_names_are_imported_rather_than_written_out(notebook):
    written_out = [
        name
        for source in code_cells(notebook)
        for line in source.splitlines()
        if not line.lstrip().startswith("import ")
        for name in QUALIFIED_NAME.findall(line)
    ]
    assert not written_out, "%s writes out %s; import them (or add them to the prelude)" % (notebook.name, written_out)


def test_notebooks_are_stored_without_outputs(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    with_outputs = [i for i, cell in enumerate(cells) if cell["cell_type"] == "code" and cell.get("outputs")]
    assert not with_outputs, "%s stores outputs in cells %s" % (notebook.name, with_outputs)
