package io.github.nbworkbench.train;

/** See {@link Metric#BITS_PER_CHARACTER}. */
final class BitsPerCharacter extends CrossEntropyMetric {

    @Override
    public String name() {
        return "bpc";
    }

    @Override
    double fromMeanNats(double nats) {
        return nats / Math.log(2);
    }
}
