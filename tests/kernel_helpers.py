"""A started Java (Workbench) kernel with a blocking client, and helpers to read its messages.

The one home of the tests' message helpers: waiting for a reply or for idle, collecting a cell's
output, its text, its value and its errors."""

import base64

import re
import time
from pathlib import Path
from queue import Empty

from jupyter_client.manager import start_new_kernel

from kernelspec_util import KERNEL_NAME

STARTUP_TIMEOUT = 90
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class KernelHarness:
    """One kernel process plus its BlockingKernelClient. Restartable.

    The kernel's stdout/stderr (JVM and logging output that is not sent to the notebook) go to
    log files under `log_dir`, so a failing test can show them."""

    def __init__(self, log_dir, name="kernel", kernel_name=KERNEL_NAME, env=None):
        self.log_dir = Path(log_dir)
        self.name = name
        self.kernel_name = kernel_name
        self.env = env
        self.km = None
        self.kc = None
        self.starts = 0
        self.log_path = None
        self.startup_seconds = None

    # -- life cycle ---------------------------------------------------------------------------
    def start(self):
        self.starts += 1
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = self.log_dir / ("%s-%d.log" % (self.name, self.starts))
        log = open(self.log_path, "wb")
        kwargs = dict(stdout=log, stderr=log)
        if self.env is not None:
            kwargs["env"] = self.env
        t0 = time.monotonic()
        try:
            self.km, self.kc = start_new_kernel(
                kernel_name=self.kernel_name, startup_timeout=STARTUP_TIMEOUT, **kwargs
            )
        finally:
            log.close()
        self.startup_seconds = time.monotonic() - t0
        return self

    def stop(self):
        if self.kc is not None:
            try:
                self.kc.stop_channels()
            except Exception:
                pass
        if self.km is not None:
            try:
                self.km.shutdown_kernel(now=True)
            except Exception:
                pass
        self.km = self.kc = None

    def restart(self):
        self.stop()
        return self.start()

    def is_alive(self):
        return self.km is not None and self.km.is_alive()

    def is_responsive(self, timeout=10):
        """True when the kernel answers a kernel_info_request within `timeout` seconds."""
        if not self.is_alive():
            return False
        try:
            shell_reply(self.kc, self.kc.kernel_info(), timeout, "kernel_info_reply")
            return True
        except AssertionError:
            return False

    def log_tail(self, n=4000):
        try:
            return self.log_path.read_text(errors="replace")[-n:]
        except Exception as e:  # pragma: no cover - diagnostics only
            return "<no kernel log: %s>" % e

    # -- requests -----------------------------------------------------------------------------
    def submit(self, code, **kwargs):
        """Send an execute_request; return its msg_id."""
        return self.kc.execute(code, **kwargs)

    def wait_shell_reply(self, msg_id, timeout, what="reply"):
        return shell_reply(self.kc, msg_id, timeout, what, self.log_tail)

    def iopub_until_idle(self, msg_id, timeout):
        """The iopub messages of request msg_id (without status messages), up to its idle."""
        deadline = time.monotonic() + timeout
        msgs = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    "no idle status on iopub within %.0f s (msg_id %s); got so far: %r"
                    % (timeout, msg_id, [m["msg_type"] for m in msgs])
                )
            try:
                msg = self.kc.get_iopub_msg(timeout=remaining)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status":
                if msg["content"]["execution_state"] == "idle":
                    return msgs
                continue
            msgs.append(msg)

    def iopub_until_output(self, msg_id, marker, timeout):
        """The iopub messages of request msg_id up to the stream message that contains `marker`."""
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.1)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            seen.append(msg)
            if msg["msg_type"] == "stream" and marker in msg["content"]["text"]:
                return seen
        raise AssertionError("the cell never printed %r within %s s: %r" % (marker, timeout, seen))

    def iopub_until_idle_of_any(self, msg_id, timeout=30):
        """Every iopub message, of any request, up to the idle status of msg_id."""
        messages = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            messages.append(msg)
            if (msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
                    and msg["parent_header"].get("msg_id") == msg_id):
                return messages

    def shell_messages_ready(self):
        """The shell messages that have arrived, without waiting for more."""
        messages = []
        while True:
            try:
                messages.append(self.kc.get_shell_msg(timeout=0.01))
            except Empty:
                return messages

    def execute(self, code, timeout=60, **kwargs):
        """Run a cell; return (execute_reply, iopub messages of that request up to idle)."""
        msg_id = self.submit(code, **kwargs)
        reply = self.wait_shell_reply(msg_id, timeout, "execute_reply to %r" % code[:80])
        msgs = self.iopub_until_idle(msg_id, timeout=max(5.0, timeout / 2))
        return reply, msgs

    def request(self, method, *args, timeout=30, **kwargs):
        """Send a shell request with a client method (complete, inspect, is_complete, ...)."""
        msg_id = getattr(self.kc, method)(*args, **kwargs)
        return self.wait_shell_reply(msg_id, timeout, "%s reply" % method)

    def control_request(self, msg_type, content=None, timeout=10):
        return control_reply(self.kc, msg_type, content, timeout)


# -- replies of a client --------------------------------------------------------------------------
def shell_reply(kc, msg_id, timeout, what="reply", log_tail=None):
    """The shell reply to msg_id; other replies are dropped. Fails after `timeout` seconds, with
    the kernel log's tail when `log_tail` (a function) is given."""
    def failure():
        log = "\n--- kernel log tail ---\n%s" % log_tail() if log_tail else ""
        return "no %s from the kernel within %.0f s (msg_id %s)%s" % (what, timeout, msg_id, log)
    return reply_to(kc.get_shell_msg, msg_id, timeout, failure)


def control_reply(kc, msg_type, content=None, timeout=10):
    """Sends a `msg_type` request on the control channel and returns its reply."""
    msg = kc.session.msg(msg_type, content or {})
    kc.control_channel.send(msg)
    return control_reply_to(kc, msg["header"]["msg_id"], timeout, msg_type)


def control_reply_to(kc, msg_id, timeout=10, msg_type="request"):
    """The control channel's reply to msg_id; other replies are dropped."""
    return reply_to(kc.get_control_msg, msg_id, timeout,
                    lambda: "no %s reply on the control channel within %s s" % (msg_type, timeout))


def reply_to(get_msg, msg_id, timeout, failure):
    """The first message from `get_msg` (a channel's get_*_msg) whose parent is msg_id; raises
    AssertionError(failure()) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise AssertionError(failure())
        try:
            msg = get_msg(timeout=remaining)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


# -- running cells --------------------------------------------------------------------------------
def run_ok(kernel, code, timeout=60):
    """Runs a cell that must succeed; returns (execute_reply, iopub messages)."""
    reply, msgs = kernel.execute(code, timeout=timeout)
    assert reply["content"]["status"] == "ok", "cell failed: %r\n%s" % (code, describe(reply, msgs))
    return reply, msgs


def assert_value(kernel, code, expected, timeout=60):
    """The cell succeeds and shows `expected` as its text/plain value."""
    reply, msgs = run_ok(kernel, code, timeout)
    assert result_text(msgs) == expected, "%r: expected %r\n%s" % (code, expected, describe(reply, msgs))


# -- reading messages ---------------------------------------------------------------------------
def strip_ansi(text):
    return ANSI.sub("", text)


def of_type(msgs, msg_type):
    return [m for m in msgs if m["msg_type"] == msg_type]


def stream_text(msgs, name=None):
    return "".join(
        m["content"]["text"]
        for m in msgs
        if m["msg_type"] == "stream" and (name is None or m["content"]["name"] == name)
    )


def execute_result(msgs):
    """The data (MIME bundle) of the single execute_result, or None."""
    results = of_type(msgs, "execute_result")
    assert len(results) <= 1, "more than one execute_result: %r" % results
    return results[0]["content"]["data"] if results else None


def result_text(msgs):
    data = execute_result(msgs)
    return None if data is None else data.get("text/plain")


def all_text(reply, msgs):
    """Everything a user would read for this cell: streams, text/plain results, errors."""
    parts = [stream_text(msgs)]
    for m in msgs:
        if m["msg_type"] in ("execute_result", "display_data", "update_display_data"):
            parts.append(str(m["content"]["data"].get("text/plain", "")))
        elif m["msg_type"] == "error":
            parts += [m["content"].get("ename", ""), m["content"].get("evalue", "")]
            parts += m["content"].get("traceback", [])
    c = reply["content"]
    if c.get("status") == "error":
        parts += [c.get("ename", ""), c.get("evalue", "")] + list(c.get("traceback", []))
    return strip_ansi("\n".join(str(p) for p in parts))


def error_text(reply, msgs):
    """ename, evalue and traceback of the reply and of the iopub error messages."""
    parts = []
    c = reply["content"]
    parts += [c.get("ename", ""), c.get("evalue", "")] + list(c.get("traceback", []) or [])
    for m in of_type(msgs, "error"):
        parts += [m["content"].get("ename", ""), m["content"].get("evalue", "")]
        parts += m["content"].get("traceback", [])
    return strip_ansi("\n".join(str(p) for p in parts))


def png_bytes(b64):
    """The bytes of a base64 PNG; fails when they are not one."""
    raw = base64.b64decode("".join(b64.split()))
    assert raw.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG: %r" % raw[:16]
    return raw


def describe(reply, msgs):
    """A short dump of a cell's messages for assertion messages (the evidence for a report)."""
    lines = ["execute_reply content: %r" % {k: v for k, v in reply["content"].items()}]
    for m in msgs:
        content = dict(m["content"])
        if "data" in content:
            content["data"] = {
                k: (v[:300] + "...(%d chars)" % len(v) if isinstance(v, str) and len(v) > 300 else v)
                for k, v in content["data"].items()
            }
        lines.append("  iopub %s: %r" % (m["msg_type"], content))
    return "\n".join(lines)
