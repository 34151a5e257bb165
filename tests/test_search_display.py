"""A hyperparameter search in a notebook, through a real Jupyter client: one output updated in place
while it runs, and the stop button ending it cleanly with its finished trials kept to resume from.

The data are scikit-learn's digits from Debian's python3-sklearn (no notebook uses them)."""

import re
import time

import pytest

from kernel_helpers import describe, error_text, of_type, result_text, run_ok, stream_text

DIGITS = "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"
SLOW = 180

SETUP = """
%workbench
LabeledDataset digits = TabularData.load(Path.of("{digits}")).label(-1).classification().shuffled(5);
TrainingData parts = digits.trainValidationSplit(0.4, 7);
Standardizer standardizer = Standardizer.fitOn(parts.trainSet());
TrainingData digitData = TrainingData.of(standardizer.apply(parts.trainSet().limit(600)),
    standardizer.apply(parts.validationSet().limit(300))).shuffle(7);
SearchSpace digitSpace = SearchSpace.builder().logRange("lr", 1e-4, 0.1).logIntRange("width", 8, 64).build();
History trainDigits(TrialRun trial) {{
    System.out.println("trial " + trial.number() + " started");
    return trial.trainer(Mlps.classifier().hiddenSizes(trial.params().integer("width")).learningRate(trial.params().real("lr"))
        .seed(trial.seed()).build(64, 10)).metrics(Metric.ACCURACY).fit(digitData);
}}
Path searchFolder = Files.createTempDirectory("search-test-");
"ready"
""".format(digits=DIGITS)


@pytest.fixture
def digits_kernel(kernel):
    pytest.importorskip("sklearn", reason="the digits come with Debian's python3-sklearn")
    run_ok(kernel, SETUP, timeout=SLOW)
    return kernel


def search_cell(folder, trials, epochs):
    return ("Tuner.of(digitSpace).objective(History.validation(\"accuracy\"), Mode.MAX).epochs(%d).trials(%d).seed(3)"
            ".folder(searchFolder.resolve(\"%s\")).search(trial -> trainDigits(trial))" % (epochs, trials, folder))


def test_a_search_is_one_output_updated_in_place(digits_kernel):
    # 25 epochs make a trial last well over the output's 200 ms between sends, so that a send falls inside one
    reply, msgs = digits_kernel.execute(search_cell("shown", 3, 25), timeout=SLOW)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)

    shown = of_type(msgs, "display_data")
    assert len(shown) == 1, "one output for the whole search, none per trial\n" + describe(reply, msgs)
    the_id = shown[0]["content"]["transient"]["display_id"]
    updates = of_type(msgs, "update_display_data")
    assert updates and {u["content"]["transient"]["display_id"] for u in updates} == {the_id}
    html = [u["content"]["data"]["text/html"] for u in updates]
    assert any("<progress" in h and re.search(r"Trial \d:", h) for h in html), "the running trial's progress is shown"
    final = updates[-1]["content"]["data"]
    assert "ended: it ran its 3 trials" in final["text/html"], final["text/html"][:3000]
    assert '<img src="data:image/png;base64,' in final["text/html"], "the objective over the trials"
    assert final["text/plain"].startswith("search: 3 trials finished (0 stopped early, 0 failed), 75 epochs"), final["text/plain"]
    assert stream_text(msgs) == "trial 0 started\ntrial 1 started\ntrial 2 started\n", "only the cell's own printing"
    assert result_text(msgs).startswith("Search of 3 trials (0 stopped early, 0 failed, 75 epochs"), result_text(msgs)


def test_the_stop_button_ends_a_search_cleanly_and_it_resumes(digits_kernel):
    msg_id = digits_kernel.submit(search_cell("stopped", 3, 150))
    digits_kernel.iopub_until_output(msg_id, "trial 1 started", timeout=SLOW)
    time.sleep(0.5)  # inside trial 1's training
    digits_kernel.km.interrupt_kernel()
    reply = digits_kernel.wait_shell_reply(msg_id, timeout=30, what="execute_reply after interrupt")
    msgs = digits_kernel.iopub_until_idle(msg_id, timeout=10)
    assert reply["content"]["status"] == "error", describe(reply, msgs)
    error = error_text(reply, msgs)
    assert re.search(r"The cell was interrupted \(SearchInterruptedException: The search was interrupted during trial 1; "
                     r"1 finished trial is kept in \S+stopped: run the same search again to resume it\)\. "
                     r"Variables defined before", error), error

    kept = digits_kernel.execute("TrialLog.of(searchFolder.resolve(\"stopped\"), digitSpace).trials().size()")
    assert result_text(kept[1]) == "1", describe(*kept)

    reply, msgs = digits_kernel.execute(search_cell("stopped", 2, 150).replace(".search(", ".quiet().search(") + ".trials().size()",
                                        timeout=SLOW)
    assert reply["content"]["status"] == "ok", describe(reply, msgs)
    assert result_text(msgs) == "2", describe(reply, msgs)
    assert stream_text(msgs) == "trial 1 started\n", "trial 0 was read back, not trained again"
