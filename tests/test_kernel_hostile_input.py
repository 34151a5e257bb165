"""The kernel against input that used to break it, checked through a real Jupyter client.

Exceptions with causes and suppressed exceptions, values whose display fails or never ends,
malformed but correctly signed messages on the shell and control channels, completion at odd
cursor positions and in huge cells, and classes redefined under existing variables.
"""

import json
import time
import uuid
from datetime import datetime, timezone

import pytest
import zmq
from jupyter_client.session import Session

from kernel_helpers import assert_value, describe, of_type, stream_text, strip_ansi


def traceback_lines(reply):
    return [strip_ansi(line) for line in reply["content"]["traceback"]]


def assert_user_error(reply, msgs, ename, evalue):
    """The reply and the iopub error name the user's exception and message, not the kernel's."""
    c = reply["content"]
    assert c["status"] == "error", describe(reply, msgs)
    assert (c["ename"], c["evalue"]) == (ename, evalue), describe(reply, msgs)
    errors = of_type(msgs, "error")
    assert len(errors) == 1, describe(reply, msgs)
    assert (errors[0]["content"]["ename"], errors[0]["content"]["evalue"]) == (ename, evalue)
    assert [strip_ansi(l) for l in errors[0]["content"]["traceback"]] == traceback_lines(reply)


def assert_no_kernel_frames(lines):
    for line in lines:
        for kernel_part in ("nbworkbench", "dflib", "jdk.jshell", "jdk.internal.reflect", "java.lang.Thread.run"):
            assert kernel_part not in line, "a kernel frame in the user's stack trace: %r\n%s" % (
                line, "\n".join(lines))


# -- 1. exceptions with causes ------------------------------------------------------------------
def test_an_exception_with_a_cause_shows_the_users_exception_first_then_the_cause(kernel):
    reply, msgs = kernel.execute('throw new RuntimeException("outer", new java.io.IOException("inner"));')
    assert_user_error(reply, msgs, "RuntimeException", "outer")
    lines = traceback_lines(reply)
    assert lines[0] == "java.lang.RuntimeException: outer", "\n".join(lines)
    assert "Caused by: java.io.IOException: inner" in lines, "\n".join(lines)
    assert_no_kernel_frames(lines)


def test_a_wrapped_library_exception_keeps_its_frames_under_caused_by(kernel):
    code = (
        'int column(String text) {\n'
        '    try { return Integer.parseInt(text); }\n'
        '    catch (NumberFormatException e) { throw new IllegalArgumentException("column 3 is not a number", e); }\n'
        '}\n'
        'column("x")'
    )
    reply, msgs = kernel.execute(code)
    assert_user_error(reply, msgs, "IllegalArgumentException", "column 3 is not a number")
    lines = traceback_lines(reply)
    assert lines[0] == "java.lang.IllegalArgumentException: column 3 is not a number", "\n".join(lines)
    assert any(l.strip().startswith("at column(#") for l in lines), "no frame of the cell's method:\n" + "\n".join(lines)
    cause = lines.index('Caused by: java.lang.NumberFormatException: For input string: "x"')
    assert any("Integer.parseInt" in l for l in lines[cause:]), "\n".join(lines)
    assert_no_kernel_frames(lines)


def test_suppressed_exceptions_are_shown_below_the_users_exception(kernel):
    code = (
        'var failure = new IllegalStateException("saving failed");\n'
        'failure.addSuppressed(new java.io.UncheckedIOException("closing failed", new java.io.IOException("disk full")));\n'
        'throw failure;'
    )
    reply, msgs = kernel.execute(code)
    assert_user_error(reply, msgs, "IllegalStateException", "saving failed")
    lines = traceback_lines(reply)
    assert lines[0] == "java.lang.IllegalStateException: saving failed", "\n".join(lines)
    assert "    Suppressed: java.io.UncheckedIOException: closing failed" in lines, "\n".join(lines)
    assert "    Caused by: java.io.IOException: disk full" in lines, "\n".join(lines)
    assert_no_kernel_frames(lines)


def test_the_error_value_does_not_repeat_the_class_name(kernel):
    reply, msgs = kernel.execute('throw new IllegalArgumentException("bad value");')
    assert_user_error(reply, msgs, "IllegalArgumentException", "bad value")
    lines = traceback_lines(reply)
    assert lines[0] == "java.lang.IllegalArgumentException: bad value", "\n".join(lines)
    assert not any("IllegalArgumentException: java.lang.IllegalArgumentException" in l for l in lines)


def test_an_exception_without_a_message_has_an_empty_error_value(kernel):
    reply, msgs = kernel.execute("throw new UnsupportedOperationException();")
    assert_user_error(reply, msgs, "UnsupportedOperationException", "")
    assert traceback_lines(reply)[0] == "java.lang.UnsupportedOperationException"


def test_the_system_exit_error_shows_no_kernel_frames(kernel):
    reply, msgs = kernel.execute("System.exit(3);")
    assert reply["content"]["ename"] == "SecurityException", describe(reply, msgs)
    lines = traceback_lines(reply)
    assert lines[0].startswith("java.lang.SecurityException: System.exit(3) was called in a cell."), "\n".join(lines)
    assert_no_kernel_frames(lines)


# -- 2. showing a cell's value ------------------------------------------------------------------
def assert_display_failed(kernel, code, ename, mentions):
    reply, msgs = kernel.execute(code, timeout=60)
    c = reply["content"]
    assert c["status"] == "error" and c["ename"] == ename, describe(reply, msgs)
    assert of_type(msgs, "error"), describe(reply, msgs)
    assert mentions in "\n".join([c["evalue"]] + traceback_lines(reply)), describe(reply, msgs)
    assert not of_type(msgs, "execute_result"), describe(reply, msgs)
    assert_no_kernel_frames(traceback_lines(reply))
    return reply


def test_two_lists_that_contain_each_other_are_an_error_and_the_kernel_keeps_its_variables(kernel):
    assert_value(kernel, "int keptAcrossTheFailure = 41; keptAcrossTheFailure", "41")
    reply = assert_display_failed(
        kernel,
        "var a = new ArrayList<Object>(); var b = new ArrayList<Object>(); a.add(b); b.add(a); a",  # jshell's imports
        "StackOverflowError", "StackOverflowError")
    assert "showing the cell's value" in " ".join(traceback_lines(reply)).lower(), traceback_lines(reply)
    assert_value(kernel, "keptAcrossTheFailure + a.size()", "42")


def test_a_to_string_that_throws_an_error_is_an_error_reply(kernel):
    reply = assert_display_failed(
        kernel,
        'class NoText { public String toString() { throw new AssertionError("no text for you"); } }\nnew NoText()',
        "AssertionError", "no text for you")
    lines = traceback_lines(reply)
    assert lines[0] == "java.lang.AssertionError: no text for you", "\n".join(lines)
    assert "    at NoText.toString(notebook cell)" in lines, "\n".join(lines)
    assert_value(kernel, "1 + 1", "2")


def test_a_to_string_that_runs_out_of_memory_is_an_error_reply(kernel):
    assert_display_failed(
        kernel,
        "class Huge { public String toString() { return java.util.Arrays.toString(new long[Integer.MAX_VALUE]); } }\n"
        "new Huge()",
        "OutOfMemoryError", "OutOfMemoryError")
    assert_value(kernel, "1 + 1", "2")


def test_interrupt_stops_a_to_string_that_never_returns(kernel):
    assert_value(kernel, 'String keptAcrossTheInterrupt = "still here"; keptAcrossTheInterrupt', "still here")
    msg_id = kernel.submit("class Endless { public String toString() { while (true) { } } }\nnew Endless()")
    with pytest.raises(AssertionError, match="no execute_reply"):
        kernel.wait_shell_reply(msg_id, timeout=3, what="execute_reply")
    t0 = time.monotonic()
    kernel.km.interrupt_kernel()  # interrupt_mode "message": an interrupt_request on the control channel
    reply = kernel.wait_shell_reply(msg_id, timeout=20, what="execute_reply after the interrupt")
    print("interrupt stopped the endless toString() in %.2f s" % (time.monotonic() - t0))
    msgs = kernel.iopub_until_idle(msg_id, timeout=10)
    assert reply["content"]["status"] == "error", describe(reply, msgs)
    assert "interrupted" in reply["content"]["evalue"], describe(reply, msgs)
    assert_value(kernel, "keptAcrossTheInterrupt", "still here")
    # a declaration runs no code: it must not be reported as interrupted by the earlier interrupt
    reply, msgs = kernel.execute("void declaredAfterTheInterrupt() { }")
    assert reply["content"]["status"] == "ok", describe(reply, msgs)


def test_a_declaration_after_an_interrupted_cell_is_not_reported_interrupted(kernel):
    msg_id = kernel.submit("while (true) { }")
    with pytest.raises(AssertionError, match="no execute_reply"):
        kernel.wait_shell_reply(msg_id, timeout=2, what="execute_reply")
    kernel.km.interrupt_kernel()
    assert kernel.wait_shell_reply(msg_id, timeout=20)["content"]["status"] == "error"
    kernel.iopub_until_idle(msg_id, timeout=10)
    reply, msgs = kernel.execute("class DeclaredAfterAnInterrupt { }")
    assert reply["content"]["status"] == "ok", describe(reply, msgs)


# -- 4. malformed but correctly signed messages -------------------------------------------------
class RawChannel:
    """A DEALER socket on the kernel's shell or control port that sends frames signed with the
    connection file's key, as any local process that read the connection file could."""

    def __init__(self, kernel, channel):
        info = kernel.km.get_connection_info()
        self.session = Session(key=info["key"], signature_scheme=info["signature_scheme"], username="hostile")
        self.socket = zmq.Context.instance().socket(zmq.DEALER)
        self.socket.linger = 0
        self.socket.connect("%s://%s:%s" % (info["transport"], info["ip"], info["%s_port" % channel]))

    def close(self):
        self.socket.close()

    def send_signed(self, header, content, parent=b"{}", metadata=b"{}"):
        parts = [p if isinstance(p, bytes) else json.dumps(p).encode() for p in (header, parent, metadata, content)]
        self.socket.send_multipart([b"<IDS|MSG>", self.session.sign(parts)] + parts)

    def send_request(self, msg_type, content):
        msg = self.session.msg(msg_type, content)
        self.socket.send_multipart(self.session.serialize(msg))
        return msg["header"]["msg_id"]

    def replies(self, timeout):
        """The replies that arrive within `timeout` seconds."""
        got = []
        deadline = time.monotonic() + timeout
        while self.socket.poll(max(1, int(1000 * (deadline - time.monotonic())))):
            _, frames = self.session.feed_identities(self.socket.recv_multipart(), copy=True)
            got.append(self.session.deserialize(frames))
            if time.monotonic() >= deadline:
                break
        return got

    def reply_to(self, msg_id, timeout=10):
        """The reply to msg_id, and the replies to other requests that came before it."""
        others = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for reply in self.replies(min(0.5, max(0.01, deadline - time.monotonic()))):
                if reply["parent_header"].get("msg_id") == msg_id:
                    return reply, others
                others.append(reply)
        raise AssertionError("no reply to %s within %s s; other replies: %r" % (msg_id, timeout, others))


def header_of(msg_type, msg_id):
    """A message header; a field given as None is left out."""
    header = {"msg_id": msg_id, "username": "hostile", "session": uuid.uuid4().hex,
              "date": datetime.now(timezone.utc).isoformat(), "msg_type": msg_type, "version": "5.3"}
    return {k: v for k, v in header.items() if v is not None}


MALFORMED = {
    # id: (header, content) of a correctly signed message, and whether its sender can be answered
    "header-not-json": (b"{this is not json", {}, False),
    "header-not-utf8": (b"\xff\xfe\x00", {}, False),
    "header-an-array": (b"[1, 2]", {}, False),
    "no-msg-type": (header_of(None, "no-type"), {}, False),
    "no-msg-id": (header_of("kernel_info_request", None), {}, False),
    "content-not-json": (header_of("kernel_info_request", "bad-content"), b"{nope", True),
    "content-an-array": (header_of("complete_request", "array-content"), [1, 2], True),
    "cursor-pos-not-an-integer": (header_of("complete_request", "fraction"), {"code": "Math.ab", "cursor_pos": 1.5}, True),
    "code-not-a-string": (header_of("execute_request", "number-code"), {"code": {"x": 1}, "silent": False}, True),
}


@pytest.mark.parametrize("channel", ["shell", "control"])
@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_signed_message_is_answered_or_dropped_and_the_next_is_served(kernel, channel, case):
    header, content, answered = MALFORMED[case]
    raw = RawChannel(kernel, channel)
    try:
        raw.send_signed(header, content)
        follow_up = "kernel_info_request" if channel == "shell" else "interrupt_request"
        good = raw.send_request(follow_up, {})
        reply, others = raw.reply_to(good, timeout=10)
        assert reply["msg_type"] == follow_up.replace("_request", "_reply"), reply
        assert reply["content"]["status"] == "ok", reply
        if answered:
            assert len(others) == 1, "expected one error reply to the malformed %s: %r" % (case, others)
            bad_reply = others[0]
            assert bad_reply["parent_header"]["msg_id"] == header["msg_id"], bad_reply
            assert bad_reply["msg_type"] == header["msg_type"].replace("_request", "_reply"), bad_reply
            assert bad_reply["content"]["status"] == "error", bad_reply
            assert bad_reply["content"]["ename"] == "InvalidRequest", bad_reply
        else:
            assert others == [], "a reply to a message without a readable header: %r" % others
    finally:
        raw.close()
    assert kernel.is_responsive(timeout=10)
    assert_value(kernel, "1 + 1", "2")


@pytest.mark.parametrize("channel", ["shell", "control"])
def test_a_stray_one_frame_message_does_not_steal_the_next_reply(kernel, channel):
    raw = RawChannel(kernel, channel)
    try:
        raw.socket.send(b"hello?")
        time.sleep(0.5)  # connecting takes a moment: let the stray message arrive before the client's request
        if channel == "shell":
            assert kernel.is_responsive(timeout=10), "the client's kernel_info_request got no reply"
        else:
            kernel.control_request("kernel_info_request", timeout=10)
        assert raw.replies(timeout=1) == []
    finally:
        raw.close()


def test_a_replayed_message_is_dropped(kernel):
    assert_value(kernel, "int replays = 0; replays", "0")
    raw = RawChannel(kernel, "shell")
    try:
        msg = raw.session.msg("execute_request", {"code": "replays++;", "silent": False, "store_history": False,
                                                  "user_expressions": {}, "allow_stdin": False})
        frames = raw.session.serialize(msg)
        raw.socket.send_multipart(frames)
        reply, _ = raw.reply_to(msg["header"]["msg_id"], timeout=30)
        assert reply["content"]["status"] == "ok", reply
        raw.socket.send_multipart(frames)  # the same signed frames again, as someone who recorded them would
        assert raw.replies(timeout=2) == [], "the kernel answered a replayed message"
    finally:
        raw.close()
    assert_value(kernel, "replays", "1")


# -- 9. completion ------------------------------------------------------------------------------
def completed_texts(code, content):
    """The cell after each match replaces [cursor_start, cursor_end), counted in code points as
    Jupyter protocol 5.2+ counts them (Python strings count the same way)."""
    return [code[: content["cursor_start"]] + m + code[content["cursor_end"]:] for m in content["matches"]]


def test_completion_after_an_emoji_replaces_the_right_range(kernel):
    code = 'String face = "\U0001F600"; Math.ab'
    c = kernel.request("complete", code, len(code))["content"]
    assert c["status"] == "ok", c
    assert (c["cursor_start"], c["cursor_end"]) == (len(code) - 2, len(code)), c
    assert 'String face = "\U0001F600"; Math.abs(' in completed_texts(code, c), c


def test_inspection_after_an_emoji_finds_the_method_at_the_cursor(kernel):
    code = 'String faces = "' + "\U0001F600" * 6 + '"; Math.abs'
    c = kernel.request("inspect", code, len(code))["content"]
    assert c["status"] == "ok" and c["found"], c
    assert "abs(" in c["data"]["text/plain"], c


@pytest.mark.parametrize("cursor", [1000, -5], ids=["past-the-end", "negative"])
def test_completion_clamps_a_cursor_out_of_range(kernel, cursor):
    code = "Math.ab"
    c = kernel.request("complete", code, cursor)["content"]
    assert c["status"] == "ok", c
    assert 0 <= c["cursor_start"] <= c["cursor_end"] <= len(code), c
    if cursor > len(code):
        assert c["cursor_end"] == len(code) and "Math.abs(" in completed_texts(code, c), c


def test_completion_in_a_one_megabyte_cell_answers(kernel):
    body = "".join("int v%d = %d;\n" % (i, i) for i in range(70000))
    code = body + "Math.ab"
    assert len(code.encode()) > 1_000_000
    t0 = time.monotonic()
    c = kernel.request("complete", code, len(code), timeout=10)["content"]  # a hang guard, not a speed test
    print("complete_reply for a %d-character cell in %.2f s" % (len(code), time.monotonic() - t0))
    assert c["status"] == "ok", c
    assert (c["cursor_start"], c["cursor_end"]) == (len(code) - 2, len(code)), {k: c[k] for k in ("cursor_start", "cursor_end")}
    assert "abs(" in c["matches"], c["matches"][:5]


# -- 19. a class redefined under existing variables ---------------------------------------------
def test_redefining_a_class_tells_which_variables_were_reset(kernel):
    assert_value(kernel, "class Point19 { int x = 1; }\nPoint19 kept19 = new Point19(); kept19.x", "1")
    reply, msgs = kernel.execute("class Point19 { int x = 2; int y = 3; }")  # a new field: the class is replaced
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    stderr = stream_text(msgs, "stderr")
    assert "update modified variable kept19, reset to null" in stderr, describe(reply, msgs)
    assert_value(kernel, "kept19 == null", "true")


def test_redefining_a_class_in_place_keeps_its_variables_without_a_note(kernel):
    assert_value(kernel, "class Same19 { int x() { return 1; } }\nSame19 same19 = new Same19(); same19.x()", "1")
    reply, msgs = kernel.execute("class Same19 { int x() { return 2; } }")  # same shape: redefined in place
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert not any(m["msg_type"] == "stream" and "reset" in m["content"]["text"] for m in msgs), describe(reply, msgs)
    assert_value(kernel, "same19.x()", "2")


def test_a_class_that_needs_an_undeclared_type_tells_which_variables_wait_for_it(kernel):
    assert_value(kernel, "class Holder19 { int a = 1; }\nHolder19 held19 = new Holder19(); held19.a", "1")
    reply, msgs = kernel.execute("class Holder19 { Missing19 m; int a = 2; }")
    stderr = stream_text(msgs, "stderr")
    assert "update replaced variable held19 which cannot be referenced until class Holder19 is declared" in stderr, (
        describe(reply, msgs))
