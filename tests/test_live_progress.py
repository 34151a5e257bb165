"""Live training progress in a notebook, checked through a real Jupyter client.

The trainer is not part of this test: a cell finds the progress display the way the trainer does
(java.util.ServiceLoader, the available provider with the highest priority) and reports a run
to it. The cell's output must be ONE display_data, then update_display_data for the same display
id, a few times a second at most, and no stream output.
"""

import re

from jupyter_kernel_test.msgspec_v5 import validate_message

from kernel_helpers import describe, of_type, png_bytes, result_text, stream_text

SLOW = 120  # the first chart loads AWT and XChart
EPOCHS = 3
BATCHES = 200
NOTEBOOK_PROVIDER = "io.github.nbworkbench.kernel.progress.NotebookProgressProvider"
UPDATES_PER_SECOND = 4
# Each batch sleeps long enough that an epoch lasts three redraw intervals or more: an epoch's end
# redraws and restarts the interval, so an epoch shorter than two intervals may show no batch at all.
BATCH_MILLIS = 4

FIND_PROVIDER = (
    "var liveProvider = java.util.ServiceLoader.load(io.github.nbworkbench.progress.TrainingProgressProvider.class)\n"
    "    .stream().map(p -> p.get()).filter(p -> p.isAvailable())\n"
    "    .max(java.util.Comparator.comparingInt(p -> p.priority())).get();\n"
)


def training_cell(title, outcome):
    return FIND_PROVIDER + (
        "var live = liveProvider.create();\n"
        "long liveStart = System.nanoTime();\n"
        'live.start(new io.github.nbworkbench.progress.TrainingStart("%s", 1, %d, %d,\n'
        '    java.util.List.of("loss", "val_loss", "accuracy")));\n'
        "for (int epoch = 1; epoch <= %d; epoch++) {\n"
        "    for (int batch = 1; batch <= %d; batch++) {\n"
        "        Thread.sleep(%d);\n"
        "        live.batch(new io.github.nbworkbench.progress.BatchProgress(epoch, batch, %d,\n"
        "            1.0 / (epoch + batch / 200.0), 6400.0));\n"
        "    }\n"
        "    live.epoch(new io.github.nbworkbench.progress.EpochEnd(epoch, java.util.Map.of(\n"
        '        "loss", 1.0 / epoch, "val_loss", 1.2 / epoch, "accuracy", 0.5 + epoch / 10.0)));\n'
        "}\n"
        'live.end("%s");\n'
        "double liveSeconds = (System.nanoTime() - liveStart) / 1e9;\n"
        "liveProvider.getClass().getName()"
    ) % (title, EPOCHS, BATCHES, EPOCHS, BATCHES, BATCH_MILLIS, BATCHES, outcome)


def run_training(kernel, title="pytest <run> & co", outcome="finished"):
    reply, msgs = kernel.execute(training_cell(title, outcome), timeout=SLOW)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    return reply, msgs


def display_id(msg):
    return msg["content"].get("transient", {}).get("display_id")


def run_seconds(kernel):
    """How long the last run took, measured in the kernel (JJava's message dates are per minute)."""
    reply, msgs = kernel.execute("liveSeconds")
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    return float(result_text(msgs))


def test_the_notebook_display_is_the_one_found(kernel):
    reply, msgs = kernel.execute(FIND_PROVIDER + "liveProvider.getClass().getName()", timeout=SLOW)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert result_text(msgs) == NOTEBOOK_PROVIDER, describe(reply, msgs)


def test_a_run_is_one_output_updated_in_place(kernel):
    reply, msgs = run_training(kernel)
    assert result_text(msgs) == NOTEBOOK_PROVIDER, describe(reply, msgs)

    shown = of_type(msgs, "display_data")
    assert len(shown) == 1, "expected one display_data\n" + describe(reply, msgs)
    validate_message(shown[0], "display_data")
    the_id = display_id(shown[0])
    assert the_id, "display_data without a display_id: %r" % shown[0]["content"]

    updates = of_type(msgs, "update_display_data")
    for update in updates:
        validate_message(update, "update_display_data")
    assert {display_id(u) for u in updates} == {the_id}, "updates must all go to the one display"
    assert stream_text(msgs) == "", "no stream output, let alone one per batch\n" + describe(reply, msgs)

    # Throttled: a few updates a second from the batches, plus one per epoch and one at the end.
    seconds = run_seconds(kernel)
    bound = UPDATES_PER_SECOND * seconds + EPOCHS + 2
    batch_driven = len(updates) - EPOCHS - 1
    print("live progress: %d update_display_data over %.2f s of %d batches (bound %.1f), %d of them from batches"
          % (len(updates), seconds, EPOCHS * BATCHES, bound, batch_driven))
    assert len(updates) <= bound, "%d updates in %.2f s" % (len(updates), seconds)
    assert batch_driven >= 1, "the bars must move during an epoch, not only at its end"

    html = [u["content"]["data"]["text/html"] for u in updates]
    assert any("Epoch 2 / 3" in h and "Batch " in h for h in html), "no update during epoch 2"

    final = updates[-1]["content"]["data"]
    assert ">finished<" in final["text/html"]
    assert "pytest &lt;run&gt; &amp; co" in final["text/html"], "the title is escaped"
    for value in ("0.4000", "0.8000"):  # the last epoch's val_loss and accuracy
        assert "<b>%s</b>" % value in final["text/html"], final["text/html"][:2000]
    png = re.search(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"', final["text/html"])
    assert png, "no loss chart in the final update"
    png_bytes(png.group(1))

    text = final["text/plain"]
    assert "\n" not in text and text.startswith("pytest <run> & co · finished · epoch 3/3"), text


def test_each_run_gets_its_own_output_and_tells_an_early_stop(kernel):
    _, first = run_training(kernel, title="first")
    _, second = run_training(kernel, title="second", outcome="stopped early: val_loss did not improve")
    first_id = display_id(of_type(first, "display_data")[0])
    second_id = display_id(of_type(second, "display_data")[0])
    assert first_id != second_id
    final = of_type(second, "update_display_data")[-1]["content"]
    assert final["transient"]["display_id"] == second_id
    assert "stopped early: val_loss did not improve" in final["data"]["text/html"]
    assert "stopped early: val_loss did not improve" in final["data"]["text/plain"]
