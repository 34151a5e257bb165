"""The `workbench` launcher, run from a copy whose set-up step does nothing, so that the tests
change nothing on the machine (the real set-up installs packages and the kernelspec).

- `./workbench notebook` passes its token in the environment, not on the command line where ps
  shows it to every local user.
- `./workbench test maven ARGS` and `./workbench test pytest ARGS` pass ARGS on and run only that
  part; anything else after `test` is refused with the usage, as are arguments to `notebook`.
- `./workbench help` names every WORKBENCH_* variable the launcher and its scripts read.
- `./workbench run` runs the workshop profile unless WORKBENCH_PROFILE says otherwise, and
  environment/run_notebooks.py shows the notebook, the cell (i of N) and the time while it works.
- environment/setup.sh removes its scratch folder however it ends.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LAUNCHER = REPO / "workbench"
# the scripts whose environment variables `./workbench help` documents
SCRIPTS = [LAUNCHER, REPO / "environment" / "setup.sh", REPO / "environment" / "run_notebooks.py"]


@pytest.fixture
def launcher(tmp_path):
    """A copy of the launcher in tmp_path/repo, with a set-up that does nothing."""
    repo = tmp_path / "repo"
    (repo / "environment").mkdir(parents=True)
    (repo / "notebooks").mkdir()
    shutil.copy(LAUNCHER, repo / "workbench")
    (repo / "environment" / "setup.sh").write_text("exit 0\n")
    (repo / "environment" / "nd4j-classifier.sh").write_text("echo test-classifier\n")
    return repo


def run_launcher(repo, *args, env=None):
    return subprocess.run(["bash", str(repo / "workbench"), *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)


def test_workbench_notebook_keeps_its_token_off_the_command_line(launcher, tmp_path):
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    env.pop("JUPYTER_TOKEN", None)
    server = subprocess.Popen(["bash", str(launcher / "workbench"), "notebook"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        first_line = server.stdout.readline()
        url = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\w+)", first_line)
        assert url, first_line
        base, token = url.groups()
        assert wait_for_status(base, token) == 200
        assert wait_for_status(base, "not-the-token") == 403
        command_line = Path("/proc/%d/cmdline" % server.pid).read_bytes().replace(b"\0", b" ").decode()
        assert "notebook" in command_line and token not in command_line, command_line
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def wait_for_status(base, token, timeout=60):
    request = urllib.request.Request(base + "/api/status", headers={"Authorization": "token " + token})
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as e:
            return e.code
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_test_pytest_passes_its_arguments_on_and_skips_maven(launcher):
    (launcher / "tests").mkdir()
    (launcher / "tests" / "test_sample.py").write_text("def test_first():\n    pass\n\n\ndef test_second():\n    pass\n")

    selected = run_launcher(launcher, "test", "pytest", "-k", "second")
    named = run_launcher(launcher, "test", "pytest", "tests/test_sample.py::test_first")

    assert selected.returncode == 0, selected.stdout + selected.stderr
    assert "1 passed, 1 deselected" in selected.stdout, selected.stdout
    assert "== Maven tests" not in selected.stdout and "maven:  skipped" in selected.stdout, selected.stdout
    assert named.returncode == 0 and "1 passed" in named.stdout and "deselected" not in named.stdout, named.stdout


def test_test_maven_passes_its_arguments_on_and_skips_pytest(launcher, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "mvn").write_text('#!/bin/sh\necho "mvn was called with: $*"\n')
    (bin_dir / "mvn").chmod(0o755)
    env = dict(os.environ, PATH=str(bin_dir) + os.pathsep + os.environ["PATH"],
               WORKBENCH_MVN_LOCK=str(tmp_path / "mvn.lock"))

    result = run_launcher(launcher, "test", "maven", "-pl", "workbench-lib", "-Dtest=HistoryTest", env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "-Dnd4j.classifier=test-classifier test -pl workbench-lib -Dtest=HistoryTest" in result.stdout, result.stdout
    assert "== Python kernel tests" not in result.stdout and "pytest: skipped" in result.stdout, result.stdout


def test_test_refuses_an_unknown_part_with_the_usage(launcher):
    result = run_launcher(launcher, "test", "-k", "interrupt")

    assert result.returncode == 2
    assert "usage: ./workbench test [maven|pytest [ARGS...]]" in result.stderr, result.stderr


def test_notebook_refuses_arguments_with_the_usage(launcher):
    result = run_launcher(launcher, "notebook", "--port", "9999")

    assert result.returncode == 2
    assert "./workbench notebook takes no arguments (got: --port 9999)" in result.stderr, result.stderr
    assert "usage: ./workbench <command>" in result.stderr, result.stderr


def test_help_names_every_variable_the_scripts_read(launcher):
    variables = {name for script in SCRIPTS for name in re.findall(r"\bWORKBENCH_[A-Z_]+\b", script.read_text())}
    help_text = run_launcher(launcher, "help").stdout

    assert {"WORKBENCH_MVN_LOCK", "WORKBENCH_CELL_TIMEOUT"} <= variables, variables
    assert [v for v in sorted(variables) if v not in help_text] == [], help_text


def test_setup_removes_its_scratch_folder_however_it_ends(tmp_path):
    scratch_parent = tmp_path / "tmp"
    scratch_parent.mkdir()
    env = dict(os.environ, TMPDIR=str(scratch_parent))

    refused = subprocess.run(["bash", str(REPO / "environment" / "setup.sh"), "--no-such-option"], env=env,
                             capture_output=True, text=True, timeout=60)

    assert refused.returncode == 2 and "unknown argument '--no-such-option'" in refused.stderr, refused.stderr
    assert list(scratch_parent.iterdir()) == []


def test_run_uses_the_workshop_profile_unless_told_otherwise(launcher):
    (launcher / "notebooks" / "00-a.ipynb").write_text("{}")
    (launcher / "environment" / "run_notebooks.py").write_text(
        "import os, sys\nprint('run_notebooks saw', os.environ['WORKBENCH_PROFILE'], *sys.argv[1:])\n")
    env = {k: v for k, v in os.environ.items() if k != "WORKBENCH_PROFILE"}

    default = run_launcher(launcher, "run", env=env)
    full = run_launcher(launcher, "run", env=dict(env, WORKBENCH_PROFILE="full"))

    assert "run_notebooks saw workshop --out build/notebooks notebooks/00-a.ipynb" in default.stdout, default.stdout
    assert "run_notebooks saw full" in full.stdout, full.stdout


def test_run_notebooks_shows_the_notebook_the_cell_and_the_time_while_it_works(tmp_path):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": "# title"}] + [
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "source": source}
        for source in ("x = 1", "import time\ntime.sleep(1.5)", "print(x)")]
    notebook = tmp_path / "tiny.ipynb"
    notebook.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    script = REPO / "environment" / "run_notebooks.py"

    result = subprocess.run([sys.executable, str(script), "--kernel", "python3", "--out", str(tmp_path / "out"),
                             str(notebook)], capture_output=True, text=True, timeout=300)

    assert result.returncode == 0, result.stdout + result.stderr
    progress = [line.strip() for line in result.stdout.splitlines() if ": cell " in line]
    assert [re.sub(r", \d+:\d\d ", ", M:SS ", line) for line in progress] == [
        "tiny: cell 1 of 3, M:SS  x = 1",
        "tiny: cell 2 of 3, M:SS  import time",
        "tiny: cell 3 of 3, M:SS  print(x)",
    ], result.stdout
    assert (tmp_path / "out" / "tiny.html").exists()
