"""The kernel against input that used to break it, checked through a real Jupyter client.

Exceptions with causes and suppressed exceptions, values whose display fails or never ends,
malformed but correctly signed messages on the shell and control channels, completion at odd
cursor positions and in huge cells, and classes redefined under existing variables.
"""

import time

import pytest

from kernel_helpers import describe, execute_result, strip_ansi


def traceback_lines(reply):
    return [strip_ansi(line) for line in reply["content"]["traceback"]]


def assert_user_error(reply, msgs, ename, evalue):
    """The reply and the iopub error name the user's exception and message, not the kernel's."""
    c = reply["content"]
    assert c["status"] == "error", describe(reply, msgs)
    assert (c["ename"], c["evalue"]) == (ename, evalue), describe(reply, msgs)
    errors = [m for m in msgs if m["msg_type"] == "error"]
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
def assert_value_of(kernel, code, expected):
    reply, msgs = kernel.execute(code, timeout=30)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert execute_result(msgs)["text/plain"] == expected, describe(reply, msgs)


def assert_display_failed(kernel, code, ename, mentions):
    reply, msgs = kernel.execute(code, timeout=60)
    c = reply["content"]
    assert c["status"] == "error" and c["ename"] == ename, describe(reply, msgs)
    assert [m for m in msgs if m["msg_type"] == "error"], describe(reply, msgs)
    assert mentions in "\n".join([c["evalue"]] + traceback_lines(reply)), describe(reply, msgs)
    assert not [m for m in msgs if m["msg_type"] == "execute_result"], describe(reply, msgs)
    assert_no_kernel_frames(traceback_lines(reply))
    return reply


def test_two_lists_that_contain_each_other_are_an_error_and_the_kernel_keeps_its_variables(kernel):
    assert_value_of(kernel, "int keptAcrossTheFailure = 41; keptAcrossTheFailure", "41")
    reply = assert_display_failed(
        kernel,
        "var a = new java.util.ArrayList<Object>(); var b = new java.util.ArrayList<Object>(); a.add(b); b.add(a); a",
        "StackOverflowError", "StackOverflowError")
    assert "showing the cell's value" in " ".join(traceback_lines(reply)).lower(), traceback_lines(reply)
    assert_value_of(kernel, "keptAcrossTheFailure + a.size()", "42")


def test_a_to_string_that_throws_an_error_is_an_error_reply(kernel):
    reply = assert_display_failed(
        kernel,
        'class NoText { public String toString() { throw new AssertionError("no text for you"); } }\nnew NoText()',
        "AssertionError", "no text for you")
    lines = traceback_lines(reply)
    assert lines[0] == "java.lang.AssertionError: no text for you", "\n".join(lines)
    assert "    at NoText.toString(notebook cell)" in lines, "\n".join(lines)
    assert_value_of(kernel, "1 + 1", "2")


def test_a_to_string_that_runs_out_of_memory_is_an_error_reply(kernel):
    assert_display_failed(
        kernel,
        "class Huge { public String toString() { return java.util.Arrays.toString(new long[Integer.MAX_VALUE]); } }\n"
        "new Huge()",
        "OutOfMemoryError", "OutOfMemoryError")
    assert_value_of(kernel, "1 + 1", "2")


def test_interrupt_stops_a_to_string_that_never_returns(kernel):
    assert_value_of(kernel, 'String keptAcrossTheInterrupt = "still here"; keptAcrossTheInterrupt', "still here")
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
    assert_value_of(kernel, "keptAcrossTheInterrupt", "still here")
