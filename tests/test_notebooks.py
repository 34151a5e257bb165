"""The project's notebooks run headless on the Java (Workbench) kernel.

WORKBENCH_PROFILE=smoke asks the notebooks for their small, fast variant (few samples, one or two
epochs). The executed copy is written to a temporary folder, never over the notebook.
"""

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
TOUR = NOTEBOOKS / "00-tour.ipynb"


def execute_notebook(path, workdir, monkeypatch):
    monkeypatch.setenv("WORKBENCH_PROFILE", "smoke")  # the kernel inherits this environment
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name="java-workbench",
        timeout=240,
        startup_timeout=90,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    nbformat.write(nb, workdir / ("executed-" + path.name))
    return nb


def test_tour_notebook_runs_without_errors(java_kernelspec, tmp_path, monkeypatch):
    if not TOUR.is_file():
        pytest.skip("%s does not exist yet (another part of the project writes it)" % TOUR)
    nb = execute_notebook(TOUR, tmp_path, monkeypatch)
    errors = error_outputs(nb)
    assert not errors, "00-tour.ipynb has error outputs (executed copy in %s):\n%s" % (
        tmp_path, "\n".join(errors)
    )
    mimes = {mime for out in code_outputs(nb) for mime in out.get("data", {})}
    assert "image/png" in mimes, "00-tour.ipynb shows no image/png output: %s" % sorted(mimes)
    assert "text/html" in mimes, "00-tour.ipynb shows no text/html output: %s" % sorted(mimes)


def code_outputs(nb):
    """Every output of every code cell, in order."""
    return [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])]


def plain_text(nb):
    """Every code cell's text/plain outputs, one after the other."""
    return "\n".join(str(o.get("data", {}).get("text/plain", "")) for o in code_outputs(nb))


def png_outputs(nb):
    return [o for o in code_outputs(nb) if "image/png" in o.get("data", {})]


def error_outputs(nb):
    return [
        "cell %d: %s: %s" % (i, out["ename"], out["evalue"])
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out["output_type"] == "error"
    ]


def test_cnn_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """01: trains, evaluates and deploys; the live progress display is one output per training run."""
    nb = execute_notebook(NOTEBOOKS / "01-cnn-image-recognition.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    training_cells = [c for c in nb.cells if c.cell_type == "code" and "Trainer.of(" in c.source]
    assert training_cells, "the notebook trains nothing"
    for cell in training_cells:
        displays = [o for o in cell.outputs if o["output_type"] == "display_data"]
        live = [o for o in displays if "nbw-progress" in str(o.get("data", {}).get("text/html", ""))]
        # the Fashion-MNIST cell trains twice in a loop: one live display per run, never one per batch
        assert 1 <= len(live) <= 2 and len(live) == len(displays), cell.source
    text = plain_text(nb)
    assert "loaded model gives the same outputs: true" in text
    assert "Classification report" in text
    assert "Cnns.classic(train) starts from the same weights: true" in text  # the layers written out are the library's
    assert re.search(r"Chosen on validation: .+ it scores [\d.]+%, the classic example [\d.]+%", text), text
    assert re.search(r"The model reads the drawing as \d \([\d.]+% sure\)", text), text


def test_text_generation_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """02: trains a char-LSTM with a sample per epoch in the live display, generates, saves and reloads."""
    nb = execute_notebook(NOTEBOOKS / "02-lstm-text-generation.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    training = [c for c in nb.cells if c.cell_type == "code" and "SampleText.of(" in c.source]
    assert len(training) == 1
    live = [o for o in training[0].outputs if "nbw-progress" in str(o.get("data", {}).get("text/html", ""))]
    assert len(live) == 1, "one live display for the run"
    assert "nbw-note" in live[0]["data"]["text/html"], "the last epoch's sample shows in the live display"
    text = plain_text(nb)
    assert "the reloaded model writes the same text: true" in text
    assert "outside the vocabulary: 'Ü' (U+00DC)" in text
    assert "split into words first" in text and "false / false" in text
    assert "but the labels have shape [1, 77]" in text
    for expected in ["Knowing the letter frequencies:", "bits of the letter frequencies", "The longest stretch written twice",
                     "32 units:", "windows of 16:", "King James Bible"]:
        assert expected in text, expected


def test_training_problems_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """03: imbalance remedies (undersampling too), overfitting remedies chosen by validation accuracy, early stopping's
    restored epoch checked, the compute tools, and the exercises, each ending in a computed sentence."""
    nb = execute_notebook(NOTEBOOKS / "03-training-problems.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    text = plain_text(nb)
    for expected in ["Rare-class recall: baseline", "Undersampling: rare-class recall", "Best remedy by validation accuracy:",
                     "Smallest gap:", "the network it returned, evaluated again now:", "Training budget", "Fastest batch size here:",
                     "2 workers train", "oversampling + rare augmentation", "MixUp", "Mirrored, the oversampling model loses most on",
                     "Undersampling for", "Dropout 0.8:", "images: best validation loss at epoch", "The doctor finds"]:
        assert expected in text, expected
    doctor = [o["data"]["text/markdown"] for o in code_outputs(nb) if "text/markdown" in o.get("data", {})]
    assert len(doctor) == 2 and all(d.startswith("### Training doctor: ") for d in doctor), doctor
    images = png_outputs(nb)
    assert len(images) >= 4, "distribution, precision-recall, loss curves and gap charts"


def test_deployment_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """04: every compression, quantization and acceleration step, the ONNX export checked against DL4J, int8 on
    ONNX Runtime's integer kernels, the LSTM's path, the findings table and the exercises."""
    nb = execute_notebook(NOTEBOOKS / "04-deployment-optimization.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    text = plain_text(nb)
    differences = re.search(r"ONNX Runtime (\S+), SameDiff (\S+)", text)
    assert differences, "the notebook compares ONNX Runtime and SameDiff with DL4J"
    assert float(differences.group(1)) <= 1e-4 and float(differences.group(2)) <= 1e-4, differences.group(0)
    assert "Cannot carry layer 0 (LSTM)" in text, "an unsupported layer is refused by name"
    for expected in ["Findings (", "Most size saved:", "Largest speed-up at batch 32:", "Distillation with",
                     "ONNX Runtime, int8 QDQ model against FP32", "QLinearConv", "LSTM in DL4J: file",
                     "Deployment report", "Batch 32 by thread count"]:
        assert expected in text, expected
    images = png_outputs(nb)
    assert len(images) >= 2, "the size-vs-accuracy and latency-vs-accuracy charts"


def test_results_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """05: exports a run, reads it back, compares two runs in computed words, runs its exercises; the
    appendix refuses a bad name and survives a failed export."""
    nb = execute_notebook(NOTEBOOKS / "05-exporting-results.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    text = plain_text(nb)
    for expected in ["deterministic: two runs", "run_card.json", "# Run card: classic-cnn", "- hash: sha256:",
                     "the reloaded model gives the same outputs: true; both runs saw the same data: true",
                     "the strong CNN's test accuracy is", "classic-cnn-seed-7", "macro f1: ", "charts/loss.pdf",
                     "every value read back equals the History in memory: true",
                     "'../elsewhere' is not a plain name", "No space left on device", "previous export intact: true"]:
        assert expected in text, expected


def test_spark_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """06: the same model with the plain Trainer, on one Spark worker and on two, with ParallelTraining
    and with gradient sharing, conclusions in computed words, the exercises, and (appendix) a failing
    task; Spark's own log lines stay out of the cells."""
    nb = execute_notebook(NOTEBOOKS / "06-distributed-training-spark.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    text = plain_text(nb)
    for run in [".master(\"local[1]\")", ".master(\"local[2]\")",
                "SparkTraining.gradientSharing()"]:
        cell = next(c for c in nb.cells if c.cell_type == "code" and run in c.source)
        history = "".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs if o["output_type"] == "execute_result")
        assert "History" in history and re.search(r"^\s+1\s+\|", history, re.M), "%s shows its History:\n%s" % (run, history)
    efficiency = re.search(r"Scaling efficiency T1 / \(2 x T2\) = (\S+):", text)
    assert efficiency and 0 < float(efficiency.group(1)) < 2, text
    accuracies = re.search(r"Validation accuracy: Trainer (\S+), 1 worker (\S+), 2 workers (\S+)\.", text)
    assert accuracies and all(float(a) > 0.5 for a in accuracies.groups()), "each run learns (10 classes: chance is 0.1)"
    assert "Averaging every 5 minibatches:" in text
    for expected in ["ParallelTraining, 2 workers: ", "On one machine Spark", "Gradient sharing: ", "Spark's overhead on one worker is",
                     "averaging every 1", "workers on", "gradient sharing"]:
        assert expected in text, expected
    assert "Spark training failed: " in text and "Labels and preOutput must have equal shapes" in text
    streams = "".join(o.get("text", "") for o in code_outputs(nb) if o["output_type"] == "stream")
    for noise in ["WARN", "log4j", "ERROR org.apache.spark", "Exception in thread"]:
        assert noise not in streams, "Spark's logging reached the cells:\n" + streams[:2000]


def test_large_models_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """07: memory per parameter, FLOPs, gradient accumulation matching one large batch, transfer learning,
    reduced precision, a Transformer against the LSTM and the training doctor, each ending in a computed sentence;
    SameDiff's per-operation lines stay out of the cells."""
    nb = execute_notebook(NOTEBOOKS / "07-what-makes-a-model-large.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    text = plain_text(nb)
    assert re.search(r"needs 16 bytes for each in training: 4 for the weight, 4 for its gradient and 8 for Adam's 2 running means", text), text
    assert "A 7B model needs 112.0 GB before a single activation" in text
    accumulation = re.search(r"Accumulating 4 batches of 32 ends (\S+) away from one batch of 128, while the step itself moved "
                             r"the parameters up to (\S+): the same update, up to float rounding", text)
    assert accumulation and float(accumulation.group(1)) < 0.01 * float(accumulation.group(2)), text
    for expected in ["Memory for training, beside the activations", "FLOPs per example", "GFLOP/s", "years for a trillion tokens",
                     "Fashion-MNIST from 200 labelled images", "are noise here", "Reduced precision on this backend",
                     "Training runs in FLOAT and DOUBLE only", "bits per character in", "Training doctor", "The doctor finds",
                     "char-LSTM: ", "times the FLOPs", "8 x 16 accumulated", "Output layer only", "Learning rate too low"]:
        assert expected in text, expected
    streams = "".join(o.get("text", "") for o in code_outputs(nb) if o["output_type"] == "stream")
    assert "Added differentiated op" not in streams, "SameDiff's building of the gradient reached the cells"
    assert png_outputs(nb), "the bits-per-character chart"


def test_hyperparameter_search_notebook_runs_in_the_smoke_profile(java_kernelspec, tmp_path, monkeypatch):
    """08: three searches on the same budget, each one output updated in place, compared in computed words; the
    winner's charts and importance; the chosen configuration retrained and tested; a rerun resumed from its folder."""
    nb = execute_notebook(NOTEBOOKS / "08-hyperparameter-search.ipynb", tmp_path, monkeypatch)
    assert not error_outputs(nb), "\n".join(error_outputs(nb))
    searches = [c for c in nb.cells if c.cell_type == "code" and ").search(" in c.source]
    assert len(searches) == 4, "random, Hyperband, TPE and the resumed one"
    for cell in searches[:3]:
        displays = [o for o in cell.outputs if o["output_type"] == "display_data"]
        assert len(displays) == 1 and "workbench-search" in displays[0]["data"]["text/html"], cell.source
    text = plain_text(nb)
    assert re.search(r"Each search: (About|At most) ", text), text
    assert re.search(r"Best validation accuracy on the same budget: \w+ [\d.]+ \(\d+ trials\), ", text), text
    assert re.search(r"Hyperband stopped \d+ of its \d+ trials early, saving \d+ epochs", text), text
    assert re.search(r"The same epochs are not the same time: \w+ took \d+ s, \w+ \d+ s \([\d.]+x\)", text), text
    assert re.search(r"mattered most \(\d+% of the variance", text), text
    assert re.search(r"Retrained with \{.+\}: validation accuracy [\d.]+ after \d+ epochs \(the search saw [\d.]+\), test accuracy", text), text
    assert "trained 0 new ones and reports the same trials: true" in text, text
    assert len(png_outputs(nb)) >= 3, "objective, parameters and parallel coordinates charts"
