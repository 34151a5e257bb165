package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@link Sampler#tpe()}. The trials so far are split into the best quarter ("good") and the rest;
 * for each parameter, {@value #CANDIDATES} candidates are drawn from the good trials' density and the
 * one where good is most likely relative to the rest is chosen. Parameters are modelled one by one
 * (as Optuna's default, independent TPE); a conditional parameter learns from the trials that had it.
 * Failed trials are left out.
 */
record TpeSampler(int startupTrials) implements Sampler {

    static final int STARTUP_TRIALS = 5;
    static final int CANDIDATES = 24;
    static final double GOOD_FRACTION = 0.25;

    @Override
    public Optional<Params> propose(SearchSpace space, int number, List<Trial> finished, Mode mode, Random random) {
        Comparator<Trial> bestFirst = Comparator.comparingDouble(Trial::objective);
        List<Trial> scored = finished.stream().filter(Trial::succeeded)
                .sorted(mode == Mode.MAX ? bestFirst.reversed() : bestFirst).toList();
        if (scored.size() < startupTrials) {
            return Optional.of(space.sample(random));
        }
        int goodCount = (int) Math.ceil(GOOD_FRACTION * scored.size());
        List<Params> good = scored.subList(0, goodCount).stream().map(Trial::params).toList();
        List<Params> rest = scored.subList(goodCount, scored.size()).stream().map(Trial::params).toList();
        return Optional.of(space.draw(parameter -> draw(parameter, good, rest, random)));
    }

    private static Object draw(Parameter parameter, List<Params> good, List<Params> rest, Random random) {
        if (parameter instanceof Parameter.Choice choice) {
            return drawChoice(choice, good, rest, random);
        }
        if (parameter instanceof Parameter.IntRange range) {
            double value = drawNumber(parameter, internal(range.min() - 0.5, range.log()),
                    internal(range.max() + 0.5, range.log()), range.log(), good, rest, random);
            return (int) Math.max(range.min(), Math.min(range.max(), Math.round(value)));
        }
        Parameter.RealRange range = (Parameter.RealRange) parameter;
        double value = drawNumber(parameter, internal(range.min(), range.log()), internal(range.max(), range.log()),
                range.log(), good, rest, random);
        return Math.max(range.min(), Math.min(range.max(), value));
    }

    /** A value in the parameter's own scale, chosen among candidates in its internal one (the logarithm for log ranges). */
    private static double drawNumber(Parameter parameter, double low, double high, boolean log,
                                     List<Params> good, List<Params> rest, Random random) {
        ParzenEstimator better = new ParzenEstimator(observed(parameter, good, log), low, high);
        ParzenEstimator worse = new ParzenEstimator(observed(parameter, rest, log), low, high);
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            double candidate = better.sample(random);
            double score = better.logDensity(candidate) - worse.logDensity(candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return log ? Math.exp(best) : best;
    }

    private static double[] observed(Parameter parameter, List<Params> trials, boolean log) {
        return trials.stream().filter(params -> params.has(parameter.name()))
                .mapToDouble(params -> internal(params.real(parameter.name()), log)).toArray();
    }

    private static double internal(double value, boolean log) {
        return log ? Math.log(value) : value;
    }

    /** Each value weighted by how often the good trials chose it against the rest, one pseudo-count each. */
    private static Object drawChoice(Parameter.Choice choice, List<Params> good, List<Params> rest, Random random) {
        List<Object> values = choice.values();
        double[] better = frequencies(choice, good);
        double[] worse = frequencies(choice, rest);
        Object best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            int candidate = drawIndex(better, random);
            double score = Math.log(better[candidate]) - Math.log(worse[candidate]);
            if (score > bestScore) {
                best = values.get(candidate);
                bestScore = score;
            }
        }
        return best;
    }

    private static double[] frequencies(Parameter.Choice choice, List<Params> trials) {
        double[] counts = new double[choice.values().size()];
        Arrays.fill(counts, 1);
        for (Params params : trials) {
            if (params.has(choice.name())) {
                counts[choice.values().indexOf(params.values().get(choice.name()))]++;
            }
        }
        double total = Arrays.stream(counts).sum();
        return Arrays.stream(counts).map(count -> count / total).toArray();
    }

    private static int drawIndex(double[] probabilities, Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < probabilities.length - 1; i++) {
            u -= probabilities[i];
            if (u < 0) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    @Override
    public String description() {
        return "TPE (" + startupTrials + " random start-up trials)";
    }
}
