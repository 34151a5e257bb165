"""Issue 16's "what makes a model large" pieces in a notebook cell, as a learner meets them: what a
cell shows, and what a failed cell says and leaves behind."""

from kernel_helpers import all_text, assert_value, error_text, run_ok, stream_text

SLOW = 300
TEXT = "Java runs deep learning in a notebook: a kernel, a library and lessons that run end to end. " * 3


def test_training_the_char_transformer_shows_no_samediff_chatter(kernel):
    run_ok(kernel, "%workbench")
    reply, msgs = run_ok(kernel, """
var text = "%s";
var vocabulary = CharVocabulary.of(text);
var sequences = TextSequences.of(text, vocabulary).length(16).split(0.1, 1);
var transformer = Transformers.charTransformer().modelSize(16).heads(2).blocks(1).build(vocabulary);
Trainer.of(transformer).quiet().fit(sequences.train().batchSize(8).iterator());
System.out.println("trained " + transformer.numParams());
""" % TEXT, timeout=SLOW)

    printed = stream_text(msgs)
    assert "trained" in printed, all_text(reply, msgs)
    assert "Added differentiated op" not in printed, printed[:2000]


def test_flops_of_an_input_the_network_was_not_built_for_says_so_and_the_kernel_goes_on(kernel):
    run_ok(kernel, "%workbench")
    run_ok(kernel, "var cnn = Cnns.classic(new ImageShape(28, 28, 1), 10);")

    reply, msgs = kernel.execute("Flops.of(cnn, InputType.convolutional(32, 32, 1))", timeout=SLOW)

    assert reply["content"]["status"] == "error"
    assert reply["content"]["evalue"].startswith("The network does not take inputs of type InputTypeConvolutional(h=32,w=32,c=1"), \
        error_text(reply, msgs)
    assert "was built for 5,408 values per example but would get 7,200" in reply["content"]["evalue"]
    assert_value(kernel, "Flops.of(cnn, InputType.convolutional(28, 28, 1)).forwardPerExample()", "1798016.0")
