"""The kernel against input that used to break it, checked through a real Jupyter client.

Exceptions with causes and suppressed exceptions, values whose display fails or never ends,
malformed but correctly signed messages on the shell and control channels, completion at odd
cursor positions and in huge cells, and classes redefined under existing variables.
"""

from kernel_helpers import describe, strip_ansi


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
