"""The notebook's LiveOutput (one output a long computation replaces in place), checked through a
real Jupyter client: one display_data, then update_display_data for the same display id; the last
state as sent, also after a flood of calls; nothing sent after its cell ended; no stream output.
"""

from jupyter_kernel_test.msgspec_v5 import validate_message

from kernel_helpers import (describe, error_text, of_type, result_text, run_ok, stream_text)

NOTEBOOK_OUTPUT = "io.github.nbworkbench.kernel.progress.NotebookLiveOutput"
CREATE = "io.github.nbworkbench.progress.LiveOutputs.create()"
FLOOD = 2000
BIG = 200_000  # characters of a fake data: URI, as a chart would be

# HTML a frontend must get exactly as sent: markup, quotes, backslashes, a NUL, accents, an emoji
# (a surrogate pair in Java), a script, JSON-ish and template-ish text.
ODD_HTML = ("<table><tr><td title=\"a 'b' \\\"c\\\"\">&lt;/td&gt; \\ back\\slash</td></tr></table>"
            "<script>alert('x')</script>\0 \u00e9t\u00e9 \U0001F680 ]]> {\"k\": [1, 2]} {{x}} $x$\n\t")
ODD_TEXT = "trial 3/20 \u00b7 best 0.912 \u2713\nsecond line"


def java_string(s):
    """A Java string literal for `s` (non-ASCII as UTF-16 \\u escapes, control characters octal)."""
    out = []
    for c in s:
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 32:
            out.append("\\%03o" % ord(c))
        elif ord(c) < 127:
            out.append(c)
        else:
            units = c.encode("utf-16-be")
            out.extend("\\u%02x%02x" % (units[i], units[i + 1]) for i in range(0, len(units), 2))
    return '"' + "".join(out) + '"'


def display_id(msg):
    return msg["content"].get("transient", {}).get("display_id")


def one_output(reply, msgs):
    """The display id of the cell's one display_data; every update must be for it."""
    shown = of_type(msgs, "display_data")
    assert len(shown) == 1, "expected one display_data\n" + describe(reply, msgs)
    validate_message(shown[0], "display_data")
    the_id = display_id(shown[0])
    assert the_id, "display_data without a display_id: %r" % shown[0]["content"]
    updates = of_type(msgs, "update_display_data")
    for update in updates:
        validate_message(update, "update_display_data")
    assert {display_id(u) for u in updates} <= {the_id}, "updates must all go to the one output"
    return shown[0], updates


def final_state(shown, updates):
    data = (updates[-1] if updates else shown)["content"]["data"]
    return data["text/html"], data["text/plain"]


def test_the_notebook_output_is_the_one_found(kernel):
    reply, msgs = run_ok(kernel, CREATE + ".getClass().getName()")
    assert result_text(msgs) == NOTEBOOK_OUTPUT, describe(reply, msgs)


def test_one_output_updated_in_place_ends_with_the_last_state_exactly_as_sent(kernel):
    reply, msgs = run_ok(kernel, (
        'System.out.println("printed before");\n'
        "var live = %s;\n"
        "for (int i = 1; i <= 4; i++) {\n"
        '    live.show("<b>step " + i + "</b>", "step " + i);\n'
        "    Thread.sleep(250);\n"
        "}\n"
        "live.show(%s + \"<img src='data:image/png;base64,\" + \"A\".repeat(%d) + \"'>\", %s);\n"
    ) % (CREATE, java_string(ODD_HTML), BIG, java_string(ODD_TEXT)))

    shown, updates = one_output(reply, msgs)
    assert shown["content"]["data"]["text/html"] == "<b>step 1</b>"
    assert [u["content"]["data"]["text/plain"] for u in updates[:3]] == ["step 2", "step 3", "step 4"], describe(reply, msgs)
    html, text = final_state(shown, updates)
    assert html == ODD_HTML + "<img src='data:image/png;base64," + "A" * BIG + "'>", html[:300]
    assert text == ODD_TEXT

    assert stream_text(msgs) == "printed before\n", "no stream output from the live output\n" + describe(reply, msgs)
    printed_at = msgs.index(of_type(msgs, "stream")[0])
    assert printed_at < msgs.index(shown), "what the cell printed first comes first"


def test_a_flood_of_calls_ends_with_its_last_state_and_the_kernel_answers(kernel):
    reply, msgs = run_ok(kernel, (
        "var flood = %s;\n"
        "for (int i = 1; i <= %d; i++) {\n"
        '    flood.show("<p>flood " + i + "</p>" + "x".repeat(5000), "flood " + i);\n'
        "}\n"
    ) % (CREATE, FLOOD), timeout=120)

    shown, updates = one_output(reply, msgs)
    html, text = final_state(shown, updates)
    assert html == "<p>flood %d</p>" % FLOOD + "x" * 5000, html[:100]
    assert text == "flood %d" % FLOOD
    print("live output: %d calls sent as 1 display_data and %d update_display_data" % (FLOOD, len(updates)))
    assert len(updates) < 50, "a flood is coalesced, not sent call by call: %d updates" % len(updates)
    assert stream_text(msgs) == "", describe(reply, msgs)

    reply, msgs = kernel.execute("1 + 1", timeout=10)
    assert reply["content"]["status"] == "ok" and result_text(msgs) == "2", describe(reply, msgs)


def test_another_thread_of_the_running_cell_updates_the_output(kernel):
    reply, msgs = run_ok(kernel, (
        "var shared = %s;\n"
        'shared.show("<b>from the cell</b>", "from the cell");\n'
        "Thread worker = new Thread(() -> {\n"
        "    for (int i = 1; i <= 20; i++) {\n"
        '        shared.show("<b>worker " + i + "</b>", "worker " + i);\n'
        "        try { Thread.sleep(20); } catch (InterruptedException e) { return; }\n"
        "    }\n"
        "});\n"
        "worker.start();\n"
        "worker.join();\n"
    ) % CREATE)

    shown, updates = one_output(reply, msgs)
    assert final_state(shown, updates) == ("<b>worker 20</b>", "worker 20"), describe(reply, msgs)


def test_show_after_its_cell_ended_changes_nothing_and_breaks_no_cell(kernel):
    reply, first = run_ok(kernel, (
        "var lateErrors = new java.util.concurrent.CopyOnWriteArrayList<Throwable>();\n"
        "var lateDone = new java.util.concurrent.CountDownLatch(1);\n"
        "var lateOutput = %s;\n"
        'lateOutput.show("<b>cell A</b>", "cell A");\n'
        "new Thread(() -> {\n"
        "    try {\n"
        "        Thread.sleep(500);\n"  # the next cell runs by then
        "        for (int i = 1; i <= 50; i++) {\n"
        '            lateOutput.show("<b>late " + i + "</b>", "late " + i);\n'
        "            Thread.sleep(10);\n"
        "        }\n"
        "    } catch (Throwable t) {\n"
        "        lateErrors.add(t);\n"
        "    } finally {\n"
        "        lateDone.countDown();\n"
        "    }\n"
        "}).start();\n"
    ) % CREATE)
    shown, updates = one_output(reply, first)
    assert final_state(shown, updates) == ("<b>cell A</b>", "cell A")

    # The next cell shows an output of its own while the late calls come, and waits for them.
    msg_id = kernel.submit(
        "var own = %s;\n"
        'own.show("<b>cell B</b>", "cell B");\n'
        "lateDone.await();\n"
        "Thread.sleep(400);\n"  # more than the coalescing interval: a pending late update would be out
        "lateErrors.toString()" % CREATE)
    every = kernel.iopub_until_idle_of_any(msg_id, timeout=30)
    reply = kernel.wait_shell_reply(msg_id, 10)
    of_b = [m for m in every if m["parent_header"].get("msg_id") == msg_id and m["msg_type"] != "status"]
    assert reply["content"]["status"] == "ok", describe(reply, of_b)
    assert result_text(of_b) == "[]", "show() after the cell ended threw: %s" % result_text(of_b)

    displays = [m for m in every if m["msg_type"] in ("display_data", "update_display_data")]
    assert [m["content"]["data"]["text/plain"] for m in displays] == ["cell B"], \
        "only cell B's own output; nothing late, in no cell: %r" % [(m["msg_type"], m["content"]["data"]["text/plain"]) for m in displays]
    assert stream_text(of_b) == "", describe(reply, of_b)


def test_null_is_refused_saying_what_to_pass(kernel):
    reply, msgs = kernel.execute("%s.show(\"<b>x</b>\", null)" % CREATE)
    assert reply["content"]["status"] == "error", describe(reply, msgs)
    text = error_text(reply, msgs)
    assert "IllegalArgumentException" in text and "null text" in text and 'pass ""' in text, text
    assert of_type(msgs, "display_data") == [], "nothing is shown"
    reply, msgs = kernel.execute("1 + 1", timeout=10)
    assert result_text(msgs) == "2", describe(reply, msgs)
