"""What a person sees: 00-tour.ipynb run in a real browser.

A Jupyter Notebook server (127.0.0.1, a free port, a random token) serves a temporary copy of the
tour. tests/browser/run-notebook.mjs opens it in Debian's Chromium,
headless, through playwright-core, runs all cells, saves a screenshot to build/test-artifacts/
and prints what the page shows as JSON; the asserts are here. WORKBENCH_SKIP_BROWSER=1 skips it.
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TOUR = REPO / "notebooks" / "00-tour.ipynb"
DRIVER_DIR = REPO / "tests" / "browser"
SCREENSHOT = REPO / "build" / "test-artifacts" / "browser-00-tour.png"
CHROMIUM = os.environ.get("WORKBENCH_CHROMIUM", "/usr/bin/chromium")
RUN_TIMEOUT = 300  # seconds for all cells (the smoke profile needs well under one)
EPOCHS = 3  # of the tour's training cell
JAVA_EXCEPTION = re.compile(r"\b[\w.$]+(Exception|Error)\b|^\s+at [\w.$]+\(", re.MULTILINE)


def missing_tools():
    missing = []
    if not Path(CHROMIUM).is_file():
        missing.append("Chromium (%s): apt-get install -y --no-install-recommends chromium" % CHROMIUM)
    if not shutil.which("node"):
        missing.append("Node.js: apt-get install -y nodejs npm")
    if not (DRIVER_DIR / "node_modules" / "playwright-core").is_dir():
        missing.append("playwright-core: cd %s && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci" % DRIVER_DIR)
    return missing


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process, timeout=30):
    """SIGTERM (the server then shuts its kernels down), SIGKILL to the whole group if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def notebook_server(java_kernelspec, tmp_path):
    """A Jupyter Notebook server on a temporary copy of the tour; yields (base URL, token)."""
    if os.environ.get("WORKBENCH_SKIP_BROWSER") == "1":
        pytest.skip("WORKBENCH_SKIP_BROWSER=1")
    missing = missing_tools()
    if missing:
        pytest.fail("the browser test needs (environment/setup.sh installs them):\n  "
                    + "\n  ".join(missing), pytrace=False)
    root = tmp_path / "notebooks"
    root.mkdir()
    shutil.copy(TOUR, root / TOUR.name)
    port, token = free_port(), secrets.token_hex(24)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"))
    env.setdefault("WORKBENCH_PROFILE", "smoke")  # the kernel inherits the server's environment
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen(
        ["/usr/bin/python3", "-m", "notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1",
         "--port=%d" % port, "--port-retries=0", "--NotebookApp.token=" + token,
         "--notebook-dir=" + str(root)],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = "http://127.0.0.1:%d" % port
    try:
        wait_until_up(server, url, token, tmp_path / "server.log")
        yield url, token
    finally:
        stop(server)
        log.close()


def wait_until_up(server, url, token, log_path, timeout=60):
    request = urllib.request.Request(url + "/api/status", headers={"Authorization": "token " + token})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail("the notebook server exited:\n" + log_path.read_text(), pytrace=False)
        try:
            with urllib.request.urlopen(request, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail("the notebook server did not answer within %d s:\n%s" % (timeout, log_path.read_text()),
                pytrace=False)


def run_in_browser(url, token):
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    result = subprocess.run(
        ["node", str(DRIVER_DIR / "run-notebook.mjs"), "%s/notebooks/%s?token=%s" % (url, TOUR.name, token),
         str(SCREENSHOT), str(RUN_TIMEOUT)],
        cwd=DRIVER_DIR, capture_output=True, text=True, timeout=RUN_TIMEOUT + 180)
    assert result.returncode == 0, "the browser run failed (screenshot: %s):\n%s" % (SCREENSHOT, result.stderr)
    return json.loads(result.stdout)


def cell_with(cells, snippet):
    found = [c for c in cells if c["type"] == "code" and snippet in c["firstLine"]]
    assert len(found) == 1, "expected one code cell starting with %r: %s" % (snippet, [c["firstLine"] for c in cells])
    return found[0]


def test_tour_in_a_browser_shows_tables_charts_and_live_displays(notebook_server):
    page = run_in_browser(*notebook_server)
    cells = page["cells"]
    code = [c for c in cells if c["type"] == "code"]
    assert code and all(isinstance(c["prompt"], int) for c in code), [(c["index"], c["prompt"]) for c in code]
    assert page["pageErrors"] == [], page["pageErrors"]

    problems = ["cell %d shows %s: %s" % (c["index"], "an error" if "output_error" in o["classes"] else "a Java exception",
                                         o["text"][:500])
                for c in code for o in c["outputs"]
                if "output_error" in o["classes"]
                or ("output_stderr" in o["classes"] and JAVA_EXCEPTION.search(o["text"]))]
    assert not problems, "\n".join(problems)

    # the machine and the planets: HTML tables
    for snippet, expected in [("WorkbenchRuntime.describe()", "backend"), ("Table planets", "Mars")]:
        tables = [t for o in cell_with(cells, snippet)["outputs"] for t in o["tables"]]
        assert tables and expected in tables[0]["text"], (snippet, tables)
    planets = [t for o in cell_with(cells, "Table planets")["outputs"] for t in o["tables"]][0]
    assert planets["rows"] >= 5, planets  # a header and four planets

    # the chart and the drawn digit: PNG images the browser decoded
    for snippet, width in [("double[] x", 800), ("BufferedImage img", 140)]:
        images = [i for o in cell_with(cells, snippet)["outputs"] for i in o["images"]]
        assert len(images) == 1 and images[0]["src"].startswith("data:image/png;base64,"), (snippet, images)
        assert images[0]["width"] == width, (snippet, images)

    # display + updateDisplay: one output throughout, replaced in place up to its final state
    live = cell_with(cells, "String id = display(")
    assert len(live["outputs"]) == 1 and live["outputs"][0]["text"] == "Step 5 of 5", live
    assert live["maxOutputs"] == 1, "the display grew new outputs instead of updating one: %s" % live
    steps = [t for t in live["shownTexts"] if re.fullmatch(r"Step \d of 5", t)]
    assert len(steps) >= 2, "no update in place was seen while the cell ran: %s" % live["shownTexts"]

    # live training progress: one HTML display, updated while training, that ends on the last epoch
    training = cell_with(cells, "TrainingData images")
    progress = [p for o in training["outputs"] for p in o["progress"]]
    assert len(training["outputs"]) == 1 and len(progress) == 1, training
    assert training["maxOutputs"] == 1, "the progress display grew new outputs: %s" % training
    assert "finished" in progress[0] and "Epoch %d / %d" % (EPOCHS, EPOCHS) in progress[0], progress[0]
    assert any("running" in t for t in training["shownTexts"]), "no running state was seen: %s" % training
    assert [i for i in training["outputs"][0]["images"] if i["src"].startswith("data:image/png")], \
        "no loss chart in the progress display: %s" % training

    profile = cell_with(cells, "Profile.current()")["outputs"]
    assert profile[0]["text"] == os.environ.get("WORKBENCH_PROFILE", "smoke"), profile
