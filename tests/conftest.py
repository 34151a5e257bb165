"""Fixtures for testing the Java (Workbench) kernel through a real Jupyter client.

Run with Debian's Python, which has the Jupyter packages:
    /usr/bin/python3 -m pytest -q tests/

- A temporary kernelspec `java-workbench` is written at session start (tmp_path_factory) and put
  first on JUPYTER_PATH, before any kernel is looked up; the kernelspec that environment/setup.sh
  installs is never used.
- `kernel` is one kernel shared by the whole session; it is restarted only when a test killed it
  or left it unresponsive.
- The whole suite takes a few minutes: a kernel starts in seconds; jupyter_kernel_test, the
  notebooks and a few tests start their own.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kernelspec_util  # noqa: E402
from kernel_helpers import KernelHarness  # noqa: E402

@pytest.fixture(scope="session", autouse=True)
def java_kernelspec(tmp_path_factory):
    """The temporary kernelspec directory; JUPYTER_PATH points at it from here on."""
    try:
        kernelspec_util.check_kernel_built()
    except kernelspec_util.KernelNotBuilt as e:
        message = str(e)
    else:
        return kernelspec_util.use_temporary_kernelspec(tmp_path_factory.mktemp("jupyter-path"))
    pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session")
def kernel_log_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("kernel-logs")


@pytest.fixture(scope="session")
def _session_kernel(java_kernelspec, kernel_log_dir):
    harness = KernelHarness(kernel_log_dir, name="session-kernel").start()
    yield harness
    harness.stop()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def kernel(request, _session_kernel):
    """The shared kernel. After a test that killed it, or failed and left it unresponsive
    (e.g. a loop an interrupt did not stop), it is restarted for the next test."""
    if not _session_kernel.is_alive():
        _session_kernel.restart()
    yield _session_kernel
    rep = getattr(request.node, "rep_call", None)
    if not _session_kernel.is_alive():
        _session_kernel.restart()
    elif rep is not None and rep.failed and not _session_kernel.is_responsive(timeout=10):
        _session_kernel.restart()


@pytest.fixture(scope="session")
def fresh_kernel_factory(java_kernelspec, kernel_log_dir):
    """Starts extra kernels (stopped at session end) for tests that need a kernel of their own."""
    started = []

    def start(name, env=None):
        harness = KernelHarness(kernel_log_dir, name=name, env=env).start()
        started.append(harness)
        return harness

    yield start
    for harness in started:
        harness.stop()
