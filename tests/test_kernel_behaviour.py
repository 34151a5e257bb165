"""What the Java (Workbench) kernel promises, checked through a real Jupyter client.

Cells, display/update/render, magics, completion/inspection/is_complete, interrupts, bad input
(the kernel must answer with an error and run the next cell), System.exit, messages with a wrong
HMAC signature, the renderers, and ND4J's start-up logging.
"""

import json
import re
import subprocess
import time
import zipfile
from pathlib import Path
from queue import Empty

import pytest
import zmq
from jupyter_client.session import Session
from jupyter_kernel_test.msgspec_v5 import validate_message

from kernel_helpers import (
    all_text,
    assert_value,
    control_reply_to,
    describe,
    error_text,
    execute_result,
    of_type,
    png_bytes,
    result_text,
    run_ok,
    stream_text,
)

SLOW = 120  # seconds for cells that load DL4J/ND4J natives or AWT the first time


# -- helpers ------------------------------------------------------------------------------------
def assert_still_works(kernel):
    """The kernel survived and the next cell runs."""
    assert kernel.is_alive(), "the kernel process died\n--- kernel log tail ---\n%s" % kernel.log_tail()
    assert_value(kernel, "1 + 1", "2", timeout=30)


def assert_error_reply(reply, msgs, code):
    assert reply["content"]["status"] in ("error", "aborted", "abort"), (
        "expected an error reply for %r\n%s" % (code, describe(reply, msgs))
    )
    validate_message(reply, "execute_reply")


def png_ok(b64):
    assert isinstance(b64, str) and b64.startswith("iVBOR"), "not base64 PNG: %r" % str(b64)[:80]
    assert len(png_bytes(b64)) > 50


# -- cells --------------------------------------------------------------------------------------
def test_one_plus_one(kernel):
    assert_value(kernel, "1 + 1", "2")


def test_cell_with_several_statements_and_declarations(kernel):
    code = (
        "java.util.List<Integer> squares = new java.util.ArrayList<>();\n"
        "for (int i = 0; i < 4; i++) squares.add(i * i);\n"
        "int total(java.util.List<Integer> xs) { return xs.stream().mapToInt(Integer::intValue).sum(); }\n"
        "class Doubler { int apply(int v) { return 2 * v; } }\n"
        "new Doubler().apply(total(squares))"
    )
    assert_value(kernel, code, "28")
    # the declarations live on in later cells
    assert_value(kernel, "total(squares) + squares.size()", "18")


def test_statements_print_to_stdout(kernel):
    reply, msgs = run_ok(kernel, 'for (int i = 0; i < 3; i++) System.out.println("line " + i);')
    assert stream_text(msgs, "stdout") == "line 0\nline 1\nline 2\n", describe(reply, msgs)


def test_printing_without_line_ends_arrives_with_the_cell_in_few_messages(kernel):
    code = 'for (int i = 0; i < 2000; i++) System.out.print("."); System.out.print("end"); 42'
    reply, msgs = run_ok(kernel, code)
    assert stream_text(msgs, "stdout") == "." * 2000 + "end", describe(reply, msgs)
    streams = [m for m in msgs if m["msg_type"] == "stream"]
    # batched every 0.2 s (tests/test_kernel_output.py): a handful, not one per print
    assert len(streams) <= 10, "%d stream messages for one line of output" % len(streams)
    assert result_text(msgs) == "42"


def test_an_interrupted_thread_can_still_print_to_the_cell(kernel):
    """Library threads print while stopping, with their interrupt flag set (Spark's workers do);
    ZeroMQ refuses to send from such a thread, so the kernel clears the flag around the write."""
    code = (
        "boolean[] stillInterrupted = new boolean[1];\n"
        "Thread stopping = new Thread(() -> {\n"
        "    Thread.currentThread().interrupt();\n"
        "    System.err.println(\"last words of an interrupted thread\");\n"
        "    stillInterrupted[0] = Thread.currentThread().isInterrupted();\n"
        "});\n"
        "stopping.start(); stopping.join();\n"
        "stillInterrupted[0]"
    )
    reply, msgs = run_ok(kernel, code)
    assert stream_text(msgs, "stderr") == "last words of an interrupted thread\n", describe(reply, msgs)
    assert result_text(msgs) == "true", "the thread keeps its interrupt flag\n" + describe(reply, msgs)
    assert_still_works(kernel)


# -- display, updateDisplay, render ------------------------------------------------------------
def test_display_and_update_display(kernel):
    reply, msgs = run_ok(kernel, 'String shownId = display("first version");')
    shown = of_type(msgs, "display_data")
    assert len(shown) == 1, describe(reply, msgs)
    validate_message(shown[0], "display_data")
    assert "first version" in shown[0]["content"]["data"]["text/plain"]
    display_id = shown[0]["content"].get("transient", {}).get("display_id")
    assert display_id, "display_data without transient.display_id: %r" % shown[0]["content"]

    reply, msgs = run_ok(kernel, "System.out.print(shownId);")
    assert stream_text(msgs) == display_id, "display() must return the display id\n" + describe(reply, msgs)

    reply, msgs = run_ok(kernel, 'updateDisplay(shownId, "second version");')
    updates = of_type(msgs, "update_display_data")
    assert len(updates) == 1, describe(reply, msgs)
    validate_message(updates[0], "update_display_data")
    assert updates[0]["content"]["transient"]["display_id"] == display_id
    assert "second version" in updates[0]["content"]["data"]["text/plain"]
    assert not of_type(msgs, "display_data"), "updateDisplay must not add a new display"


def test_render_returns_display_data(kernel):
    reply, msgs = run_ok(kernel, "render(42).getClass().getSimpleName()")
    assert "DisplayData" in (result_text(msgs) or ""), describe(reply, msgs)
    # render() alone does not display anything
    reply, msgs = run_ok(kernel, "var rendered = render(42);")
    assert not of_type(msgs, "display_data"), describe(reply, msgs)


# -- magics -------------------------------------------------------------------------------------
def test_lsmagic(kernel):
    reply, msgs = run_ok(kernel, "%lsmagic")
    text = all_text(reply, msgs)
    for name in ("classpath", "jars", "maven", "load", "time"):
        assert re.search(r"%%?" + name + r"\b", text), "%%lsmagic does not list %s:\n%s" % (name, text)


@pytest.fixture(scope="session")
def test_jars(tmp_path_factory):
    """Three tiny jars, compiled here with javac: wbjars.Alpha, wbjars.Beta, wbjars.Gamma."""
    root = tmp_path_factory.mktemp("jars")
    src = root / "src" / "wbjars"
    src.mkdir(parents=True)
    names = ("Alpha", "Beta", "Gamma")
    for name in names:
        (src / (name + ".java")).write_text(
            "package wbjars;\npublic class %s { public static String hi() { return \"%s says hi\"; } }\n"
            % (name, name.lower())
        )
    classes = root / "classes"
    subprocess.run(
        ["javac", "--release", "11", "-d", str(classes)] + [str(src / (n + ".java")) for n in names],
        check=True,
    )
    jars = {}
    for name, folder in (("Alpha", "one"), ("Beta", "glob"), ("Gamma", "three")):
        (root / folder).mkdir()
        jar = root / folder / (name.lower() + ".jar")
        with zipfile.ZipFile(jar, "w") as z:
            z.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
            z.write(classes / "wbjars" / (name + ".class"), "wbjars/%s.class" % name)
        jars[name] = jar
    return jars


def test_jars_magic_adds_a_jar(kernel, test_jars):
    reply, msgs = kernel.execute("wbjars.Alpha.hi()")
    assert reply["content"]["status"] == "error", "wbjars.Alpha must not be on the classpath yet"
    run_ok(kernel, "%%jars %s" % test_jars["Alpha"])
    reply, msgs = run_ok(kernel, "wbjars.Alpha.hi()")
    assert "alpha says hi" in (result_text(msgs) or ""), describe(reply, msgs)


def test_jars_magic_with_a_glob(kernel, test_jars):
    run_ok(kernel, "%%jars %s/*.jar" % test_jars["Beta"].parent)
    reply, msgs = run_ok(kernel, "wbjars.Beta.hi()")
    assert "beta says hi" in (result_text(msgs) or ""), describe(reply, msgs)


def test_classpath_magic_shows_the_classpath(kernel, test_jars):
    reply, msgs = run_ok(kernel, "%classpath")
    before = all_text(reply, msgs)
    assert ".jar" in before, "%%classpath shows no jar:\n%s" % describe(reply, msgs)
    run_ok(kernel, "%%jars %s" % test_jars["Gamma"])
    reply, msgs = run_ok(kernel, "%classpath")
    after = all_text(reply, msgs)
    assert "gamma.jar" in after, "%%classpath does not show a jar added by %%jars:\n%s" % describe(reply, msgs)


# (group, artifact, version, class to probe, expression, its value) - small, dependency-free
# artifacts that are NOT on the kernel's classpath; the first one found in ~/.m2 is used, so the
# test checks resolution from the local repository without needing the network.
# (com.jakewharton.byteunits comes with DL4J, so it is no candidate.)
MAVEN_CANDIDATES = [
    ("com.googlecode.java-diff-utils", "diffutils", "1.3.0", "difflib.DiffUtils",
     'difflib.DiffUtils.diff(java.util.List.of("a"), java.util.List.of("b")).getDeltas().size()', "1"),
    ("com.github.cliftonlabs", "json-simple", "3.0.2", "com.github.cliftonlabs.json_simple.Jsoner",
     "com.github.cliftonlabs.json_simple.Jsoner.serialize(java.util.List.of(1, 2)).length()", "5"),
]


def local_maven_artifact(kernel):
    repo = Path.home() / ".m2" / "repository"
    for group, artifact, version, cls, expr, value in MAVEN_CANDIDATES:
        d = repo / group.replace(".", "/") / artifact / version
        if not (d / ("%s-%s.jar" % (artifact, version))).is_file():
            continue
        if not (d / ("%s-%s.pom" % (artifact, version))).is_file():
            continue
        reply, _ = kernel.execute('Class.forName("%s")' % cls)
        if reply["content"]["status"] == "error":  # not on the classpath yet: usable
            return "%s:%s:%s" % (group, artifact, version), expr, value
    pytest.skip("none of %s is in ~/.m2 and off the kernel's classpath" % [c[:3] for c in MAVEN_CANDIDATES])


def test_maven_magic_resolves_from_the_local_repository(kernel):
    coords, expr, value = local_maven_artifact(kernel)
    t0 = time.monotonic()
    reply, msgs = run_ok(kernel, "%maven " + coords, timeout=120)
    took = time.monotonic() - t0
    assert_value(kernel, expr, value)
    print("%%maven %s took %.1f s" % (coords, took))


def test_maven_magic_unknown_artifact_is_an_error_naming_it(kernel):
    code = "%maven no.such.group:nope:1.0"
    reply, msgs = kernel.execute(code, timeout=120)
    assert_error_reply(reply, msgs, code)
    assert "no.such.group:nope" in error_text(reply, msgs), describe(reply, msgs)
    assert_still_works(kernel)


def test_load_magic_runs_a_file(kernel, tmp_path):
    script = tmp_path / "helpers.jsh"
    script.write_text(
        "int loadedValue = 40 + 2;\n"
        'String loadedGreeting(String name) { return "hi " + name; }\n'
        'System.out.println("loaded!");\n'
    )
    reply, msgs = run_ok(kernel, "%%load %s" % script)
    assert "loaded!" in stream_text(msgs), describe(reply, msgs)
    assert_value(kernel, "loadedValue", "42")
    assert_value(kernel, 'loadedGreeting("you").length()', "6")


DURATION = re.compile(r"(\d+(?:[.,]\d+)?)\s*(ns|µs|us|ms|min|s|sec|secs|seconds?)\b")
UNIT = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1, "sec": 1, "secs": 1,
        "second": 1, "seconds": 1, "min": 60}


def test_time_cell_magic_prints_the_wall_time(kernel):
    code = "%%time\nThread.sleep(300);\nint timedValue = 6 * 7;"
    reply, msgs = run_ok(kernel, code)
    text = all_text(reply, msgs)
    assert re.search("time", text, re.I), "%%%%time printed no time:\n%s" % describe(reply, msgs)
    seconds = [float(v.replace(",", ".")) * UNIT[u] for v, u in DURATION.findall(text)]
    print("%%%%time of a 0.3 s cell printed durations %r s" % seconds)
    assert any(0.25 <= s <= 30 for s in seconds), (
        "%%%%time of a 0.3 s cell printed no duration in [0.25 s, 30 s]: %r\n%s" % (seconds, text)
    )
    assert_value(kernel, "timedValue", "42")  # the cell really ran


def test_unknown_magic_is_an_error_naming_it(kernel):
    code = "%nosuchmagic"
    reply, msgs = kernel.execute(code)
    assert_error_reply(reply, msgs, code)
    assert "nosuchmagic" in error_text(reply, msgs), describe(reply, msgs)
    assert_still_works(kernel)


# -- completion, inspection, is_complete --------------------------------------------------------
def test_completion_of_math_ab_offers_abs(kernel):
    code = "Math.ab"
    reply = kernel.request("complete", code, len(code))
    validate_message(reply, "complete_reply")
    c = reply["content"]
    assert c["status"] == "ok", c
    completed = [code[: c["cursor_start"]] + m + code[c["cursor_end"]:] for m in c["matches"]]
    assert any(re.match(r"Math\.abs\b", t) for t in completed), "no match completes to Math.abs: %r" % c


def test_inspect_math_abs_gives_a_signature(kernel):
    code = "Math.abs"
    reply = kernel.request("inspect", code, len(code))
    validate_message(reply, "inspect_reply")
    c = reply["content"]
    assert c["status"] == "ok" and c["found"] is True, c
    text = c["data"].get("text/plain", "")
    assert re.search(r"abs\s*\(\s*(int|long|float|double)", text), "no signature of abs in %r" % c


@pytest.mark.parametrize(
    "code,status",
    [
        ("int x = 5;", "complete"),
        ("for (int i = 0; i < 3; i++) {", "incomplete"),
        ("int x = ;", "invalid"),
    ],
)
def test_is_complete(kernel, code, status):
    reply = kernel.request("is_complete", code)
    validate_message(reply, "is_complete_reply")
    assert reply["content"]["status"] == status, "%r: %r" % (code, reply["content"])


# -- interrupt ----------------------------------------------------------------------------------
INTERRUPT_BOUND_SECONDS = 10


@pytest.mark.parametrize(
    "code",
    [
        'System.out.println("spinning"); while (true) {}',
        'System.out.println("sleeping"); Thread.sleep(60000);',
    ],
    ids=["busy-loop", "sleep"],
)
def test_interrupt_stops_the_cell_promptly(kernel, code):
    """JShell.stop() takes 0.03-0.06 s here; the bound is generous because a loaded 2-core machine
    delays the reply by seconds at times, and a broken interrupt never ends the cell at all."""
    msg_id = kernel.submit(code)
    kernel.iopub_until_output(msg_id, "spinning" if "while" in code else "sleeping", timeout=30)
    time.sleep(0.3)  # well inside the loop / the sleep
    t0 = time.monotonic()
    kernel.km.interrupt_kernel()
    reply = kernel.wait_shell_reply(msg_id, timeout=30, what="execute_reply after interrupt")
    elapsed = time.monotonic() - t0
    msgs = kernel.iopub_until_idle(msg_id, timeout=10)
    assert reply["content"]["status"] in ("error", "aborted", "abort"), describe(reply, msgs)
    print("interrupt stopped %r in %.3f s" % (code, elapsed))
    assert elapsed <= INTERRUPT_BOUND_SECONDS, "interrupt took %.2f s to stop %r" % (elapsed, code)
    assert_still_works(kernel)


# -- bad input ----------------------------------------------------------------------------------
def out_of_memory_code(kernel):
    reply, msgs = run_ok(kernel, "Runtime.getRuntime().maxMemory()")
    max_heap = int(re.sub(r"\D", "", result_text(msgs)))
    if max_heap < 8 * (2**31 - 9):  # one long[Integer.MAX_VALUE - 8] cannot fit: "Java heap space"
        return "long[] big = new long[Integer.MAX_VALUE - 8];"
    return "long[] big = new long[Integer.MAX_VALUE];"  # "Requested array size exceeds VM limit"


BAD_INPUT = {
    # id: (setup cells, bad cell, texts the error must mention)
    "compile-error": ([], 'int x = "a";', ["incompatible types"]),
    "runtime-exception": ([], 'Integer.parseInt("x")', ["NumberFormatException"]),
    "stack-overflow": (["int recurseForever(int n) { return recurseForever(n + 1); }"],
                       "recurseForever(0)", ["StackOverflowError"]),
    "out-of-memory": ([], None, ["OutOfMemoryError"]),
    "bad-magic": ([], "%nosuchmagic --really", ["nosuchmagic"]),
    "system-exit": ([], "System.exit(1);", ["System.exit"]),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_bad_input_gets_an_error_reply_and_the_next_cell_runs(kernel, case):
    setup, code, mentions = BAD_INPUT[case]
    for cell in setup:
        run_ok(kernel, cell)
    if code is None:
        code = out_of_memory_code(kernel)
    pid_before = kernel.km.provisioner.pid if kernel.km.provisioner else None
    reply, msgs = kernel.execute(code, timeout=SLOW)
    assert_error_reply(reply, msgs, code)
    assert of_type(msgs, "error"), "no error message on iopub for %r\n%s" % (code, describe(reply, msgs))
    errors = error_text(reply, msgs)
    for text in mentions:
        assert text in errors, "the error for %r does not mention %r\n%s" % (code, text, describe(reply, msgs))
    if case == "runtime-exception":
        c = reply["content"]
        assert "NumberFormatException" in c.get("ename", "") + c.get("evalue", ""), describe(reply, msgs)
    if case == "system-exit":
        assert re.search("restart", errors, re.I), (
            "the System.exit error should tell to use the restart button\n" + describe(reply, msgs)
        )
    assert_still_works(kernel)
    if pid_before is not None:
        assert kernel.km.provisioner.pid == pid_before, "the kernel process was replaced"


# -- HMAC ---------------------------------------------------------------------------------------
EXECUTE_CONTENT = {
    "silent": False, "store_history": True, "user_expressions": {},
    "allow_stdin": False, "stop_on_error": True,
}


def badly_signed_frames(info, variant, code):
    """Frames of an execute_request (for a DEALER socket) whose signature does not verify."""
    good = Session(key=info["key"], signature_scheme=info["signature_scheme"], username="test")
    if variant == "wrong-key":
        session = Session(key=b"wrong", signature_scheme=info["signature_scheme"], username="intruder")
        msg = session.msg("execute_request", dict(EXECUTE_CONTENT, code=code))
        return msg, session.serialize(msg)
    if variant == "no-signature":
        session = Session(key=b"", signature_scheme=info["signature_scheme"], username="intruder")
        msg = session.msg("execute_request", dict(EXECUTE_CONTENT, code=code))
        return msg, session.serialize(msg)
    if variant == "tampered-content":
        msg = good.msg("execute_request", dict(EXECUTE_CONTENT, code="int harmless = 0;"))
        frames = good.serialize(msg)  # [delimiter, signature, header, parent, metadata, content]
        frames[-1] = json.dumps(dict(EXECUTE_CONTENT, code=code)).encode()
        return msg, frames
    raise ValueError(variant)


@pytest.mark.parametrize("variant", ["wrong-key", "no-signature", "tampered-content"])
def test_message_with_a_bad_hmac_signature_is_ignored(kernel, variant):
    info = kernel.km.get_connection_info()
    assert info["key"], "the kernel was started without an HMAC key"
    variable = "hacked_" + variant.replace("-", "_")
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.linger = 0
    sock.connect("%s://%s:%s" % (info["transport"], info["ip"], info["shell_port"]))
    try:
        msg, frames = badly_signed_frames(info, variant, "int %s = 1;" % variable)
        bad_id = msg["header"]["msg_id"]
        sock.send_multipart(frames)

        # nothing comes back on the shell socket, nothing on iopub, for ~2 s
        deadline = time.monotonic() + 2.0
        iopub = []
        while time.monotonic() < deadline:
            assert not sock.poll(50), "the kernel answered a badly signed request: %r" % sock.recv_multipart()
            try:
                m = kernel.kc.get_iopub_msg(timeout=0.05)
                if m["parent_header"].get("msg_id") == bad_id:
                    iopub.append(m)
            except Empty:
                pass
        assert not iopub, "the kernel published for a badly signed request: %r" % iopub

        # control: the same raw socket with a correctly signed request gets an answer
        good = Session(key=info["key"], signature_scheme=info["signature_scheme"], username="test")
        ok = good.msg("kernel_info_request", {})
        sock.send_multipart(good.serialize(ok))
        assert sock.poll(10000), "no answer to a correctly signed kernel_info_request on the raw socket"
        _, reply = good.feed_identities(sock.recv_multipart(), copy=True)
        reply = good.deserialize(reply)
        assert reply["parent_header"]["msg_id"] == ok["header"]["msg_id"]
    finally:
        sock.close()

    # no side effect: the variable was never defined
    reply, msgs = kernel.execute(variable)
    assert reply["content"]["status"] == "error", (
        "the badly signed code ran: %s is defined\n%s" % (variable, describe(reply, msgs))
    )
    assert_still_works(kernel)


# -- renderers ----------------------------------------------------------------------------------
def test_xchart_renders_as_png(kernel):
    code = (
        "var chart = new org.knowm.xchart.XYChartBuilder().width(400).height(300).title(\"squares\").build();\n"
        "chart.addSeries(\"y = x^2\", new double[] {1, 2, 3, 4}, new double[] {1, 4, 9, 16});\n"
        "chart"
    )
    reply, msgs = run_ok(kernel, code, timeout=SLOW)
    data = execute_result(msgs)
    assert data and "image/png" in data, describe(reply, msgs)
    png_ok(data["image/png"])


def test_tablesaw_table_renders_as_html_and_text(kernel):
    code = (
        "tech.tablesaw.api.Table.create(\"pets\",\n"
        "    tech.tablesaw.api.StringColumn.create(\"name\", \"Rex\", \"Tom\"),\n"
        "    tech.tablesaw.api.IntColumn.create(\"age\", 3, 5))"
    )
    reply, msgs = run_ok(kernel, code, timeout=SLOW)
    data = execute_result(msgs) or {}
    assert "text/html" in data and "text/plain" in data, describe(reply, msgs)
    assert "<table" in data["text/html"] and "Rex" in data["text/html"], data["text/html"]
    assert "Rex" in data["text/plain"]


def test_long_tablesaw_table_is_shortened_and_tells_the_row_count(kernel):
    code = (
        "tech.tablesaw.api.Table.create(\"long\",\n"
        "    tech.tablesaw.api.IntColumn.create(\"i\", java.util.stream.IntStream.range(0, 1000).toArray()))"
    )
    reply, msgs = run_ok(kernel, code, timeout=SLOW)
    data = execute_result(msgs) or {}
    html = data.get("text/html", "")
    assert "<table" in html, describe(reply, msgs)
    rows = len(re.findall(r"<tr\b", html))
    assert rows < 200, "a 1000-row table was rendered with %d <tr> rows" % rows
    assert re.search(r"1[,.\s\u202f\u00a0]?000", html + data.get("text/plain", "")), (
        "the shortened table does not mention its 1000 rows:\n%s" % html[-1500:]
    )


def test_buffered_image_renders_as_png(kernel):
    code = "new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB)"
    reply, msgs = run_ok(kernel, code, timeout=SLOW)
    data = execute_result(msgs) or {}
    assert "image/png" in data, describe(reply, msgs)
    png_ok(data["image/png"])


def test_indarray_renders_shape_and_dtype(kernel):
    code = "org.nd4j.linalg.factory.Nd4j.linspace(1, 6, 6).reshape(2, 3)"
    reply, msgs = run_ok(kernel, code, timeout=SLOW)
    text = result_text(msgs) or ""
    assert "[2, 3]" in text and "FLOAT" in text, describe(reply, msgs)


def test_multilayer_network_renders_an_html_summary(kernel):
    code = (
        "var netConf = new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder()\n"
        "    .list()\n"
        "    .layer(new org.deeplearning4j.nn.conf.layers.DenseLayer.Builder()\n"
        "        .nIn(4).nOut(3).name(\"dense_hidden\").build())\n"
        "    .layer(new org.deeplearning4j.nn.conf.layers.OutputLayer.Builder(\n"
        "            org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT)\n"
        "        .nIn(3).nOut(2).name(\"softmax_out\")\n"
        "        .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).build())\n"
        "    .build();\n"
        "var net = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(netConf);\n"
        "net.init();\n"
        "net"
    )
    reply, msgs = run_ok(kernel, code, timeout=SLOW)
    data = execute_result(msgs) or {}
    html = data.get("text/html", "")
    assert html, describe(reply, msgs)
    for expected in ("dense_hidden", "softmax_out"):
        assert expected in html, "layer name %r missing from the summary:\n%s" % (expected, html)
    # 4*3+3 = 15 and 3*2+2 = 8 parameters
    assert re.search(r"\b15\b", html) and re.search(r"\b8\b", html), "param counts missing:\n" + html


def test_other_objects_render_as_text(kernel):
    reply, msgs = run_ok(kernel, "new java.util.ArrayList<>(java.util.List.of(1, 2, 3))")
    data = execute_result(msgs) or {}
    assert data.get("text/plain") == "[1, 2, 3]", describe(reply, msgs)
    run_ok(kernel, "record Point(int x, int y) {}")
    reply, msgs = run_ok(kernel, "new Point(1, 2)")
    data = execute_result(msgs) or {}
    assert data.get("text/plain") == "Point[x=1, y=2]", describe(reply, msgs)


# -- logging and shutdown: on a kernel of their own ---------------------------------------------
@pytest.fixture(scope="module")
def own_kernel(fresh_kernel_factory):
    return fresh_kernel_factory("own-kernel")


def test_nd4j_startup_logging_stays_out_of_the_cell(own_kernel):
    """The first ND4J use in a kernel logs INFO lines; none may reach the notebook."""
    reply, msgs = own_kernel.execute("org.nd4j.linalg.factory.Nd4j.zeros(2)", timeout=SLOW)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    streams = stream_text(msgs)
    for noise in ("INFO", "Loaded [", "CpuBackend", "Backend", "OpenBLAS", "Blas", "SLF4J"):
        assert noise not in streams, "ND4J logging in the cell output (%r):\n%s" % (noise, streams)


def test_shutdown_request(own_kernel):
    kc = own_kernel.kc
    msg_id = kc.shutdown()
    reply = control_reply_to(kc, msg_id, timeout=15, msg_type="shutdown_request")
    validate_message(reply, "shutdown_reply", msg_id)
    assert reply["content"]["status"] == "ok" and reply["content"]["restart"] is False, reply["content"]
    # generous: the JVM usually exits within a second, but a loaded 2-core machine can delay it by seconds
    t0 = time.monotonic()
    while own_kernel.km.is_alive() and time.monotonic() - t0 < 30:
        time.sleep(0.1)
    print("the kernel process ended %.1f s after the shutdown_reply" % (time.monotonic() - t0))
    assert not own_kernel.km.is_alive(), "the kernel process is still running 30 s after shutdown_reply"


def test_variables_survive_a_later_import(kernel):
    """A later import makes JShell recompile earlier snippets; their variables keep their values
    (the kernel redefines the classes in place through its agent, as the jshell tool does)."""
    kernel.execute('import java.util.concurrent.*;\nString kept = "still here";\nint count = 41;')
    kernel.execute("kept")
    reply, msgs = kernel.execute("import java.nio.file.*;\nimport java.util.function.*;")
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    reply, msgs = kernel.execute("kept + \" \" + (count + 1)")
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert result_text(msgs) == "still here 42"


def test_requests_sent_at_start_wait_for_the_imports_of_cells(fresh_kernel_factory):
    """The kernel answers kernel_info while JShell still compiles the imports every cell gets;
    a completion and a cell sent at once wait for them instead of missing them."""
    harness = fresh_kernel_factory("requests-at-start")
    completion_id = harness.kc.complete("new ArrayLi", len("new ArrayLi"))
    execute_id = harness.submit("new ArrayList<>(List.of(1, 2))")
    completion = harness.wait_shell_reply(completion_id, 90, "complete reply")
    reply = harness.wait_shell_reply(execute_id, 90, "execute reply")
    msgs = harness.iopub_until_idle(execute_id, timeout=30)
    assert any(match.startswith("ArrayList") for match in completion["content"]["matches"]), completion["content"]
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert result_text(msgs) == "[1, 2]", describe(reply, msgs)
