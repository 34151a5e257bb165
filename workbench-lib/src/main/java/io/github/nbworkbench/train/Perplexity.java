package io.github.nbworkbench.train;

/** See {@link Metric#PERPLEXITY}. */
final class Perplexity extends CrossEntropyMetric {

    @Override
    public String name() {
        return "perplexity";
    }

    @Override
    double fromMeanNats(double nats) {
        return Math.exp(nats);
    }
}
