"""Trainer overhead with the live notebook progress display on, measured inside the kernel.

In one kernel and one cell, the same MLP (784-256-128-10, Adam, batch 128) on the same 12,800
Fashion-MNIST images is trained alternately with plain `net.fit(iterator, epochs)` and with
`Trainer.fit` (live display on, no validation), 3 epochs per round; prints samples/s of each side
(median over rounds) and the ratio. Target: the Trainer keeps at least 97% of plain fit's speed.
Usage: /usr/bin/python3 benchmarks/trainer_overhead_notebook.py [ROUNDS]
"""

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import kernelspec_util  # noqa: E402

CELL = r"""
import io.github.nbworkbench.data.*;
import io.github.nbworkbench.train.*;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.*;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

LabeledDataset images = FashionMnist.load().train().limit(12_800).flat();
java.util.function.Supplier<MultiLayerNetwork> mlp = () -> {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3)).list()
        .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
        .setInputType(org.deeplearning4j.nn.conf.inputs.InputType.feedForward(784)).build());
    net.init();
    return net;
};
int epochs = 3, rounds = @ROUNDS@;
double[] plain = new double[rounds], trainer = new double[rounds];
for (int r = 0; r < rounds; r++) {
    MultiLayerNetwork a = mlp.get();
    var it = images.batchSize(128).shuffle(1).iterator();
    long t = System.nanoTime();
    a.fit(it, epochs);
    plain[r] = epochs * images.size() / ((System.nanoTime() - t) / 1e9);
    MultiLayerNetwork b = mlp.get();
    t = System.nanoTime();
    Trainer.of(b).title("overhead round " + (r + 1)).epochs(epochs).fit(images.batchSize(128).shuffle(1).iterator());
    trainer[r] = epochs * images.size() / ((System.nanoTime() - t) / 1e9);
}
java.util.Arrays.sort(plain); java.util.Arrays.sort(trainer);
String.format("plain net.fit %.0f samples/s, Trainer.fit with live display %.0f samples/s, ratio %.3f (medians of %d rounds)",
    plain[rounds / 2], trainer[rounds / 2], trainer[rounds / 2] / plain[rounds / 2], rounds)
"""


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="trainer-overhead-") as spec_dir:
        kernelspec_util.use_temporary_kernelspec(spec_dir)
        run(rounds)


def run(rounds):
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name=kernelspec_util.KERNEL_NAME)
    try:
        updates = []
        result = []

        def on_output(msg):
            if msg["msg_type"] == "update_display_data":
                updates.append(msg)
            if msg["msg_type"] == "execute_result":
                result.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "error":
                result.append("ERROR " + msg["content"]["evalue"])

        kc.execute_interactive(CELL.replace("@ROUNDS@", str(rounds)), timeout=1800, output_hook=on_output)
        print(result[0] if result else "no result")
        print("live display updates sent: %d" % len(updates))
    finally:
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
