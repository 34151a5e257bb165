package io.github.nbworkbench.tune;

import io.github.nbworkbench.train.Mode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@link Pruner#successiveHalving}. */
record SuccessiveHalving(int minEpochs, int reduction) implements Pruner {

    @Override
    public Optional<String> stopReason(int number, double[] curve, int maxEpochs, Map<Integer, double[]> earlier, Mode mode) {
        int epoch = curve.length;
        if (epoch >= maxEpochs || !isRung(epoch)) {
            return Optional.empty();
        }
        double own = bestSoFar(curve, epoch, mode);
        double[] rivals = earlier.values().stream().filter(other -> other.length >= epoch)
                .mapToDouble(other -> bestSoFar(other, epoch, mode)).filter(value -> !Double.isNaN(value)).toArray();
        int competitors = rivals.length + 1;
        if (competitors < reduction) {
            return Optional.empty();
        }
        int kept = competitors / reduction;
        long better = Arrays.stream(rivals).filter(value -> mode.improves(value, own, 0)).count();
        if (!Double.isNaN(own) && better < kept) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "after epoch %d: it ranked %d of the %d trials there; only the top %d go on",
                epoch, better + 1, competitors, kept));
    }

    private boolean isRung(int epoch) {
        for (long rung = minEpochs; rung <= epoch; rung *= reduction) {
            if (rung == epoch) {
                return true;
            }
        }
        return false;
    }

    /** The best of the first {@code epochs} values, NaN when none is a number. */
    static double bestSoFar(double[] curve, int epochs, Mode mode) {
        double best = Double.NaN;
        for (int i = 0; i < epochs; i++) {
            if (Double.isNaN(best) || mode.improves(curve[i], best, 0)) {
                best = Double.isNaN(curve[i]) ? best : curve[i];
            }
        }
        return best;
    }

    @Override
    public String description() {
        return "successive halving (first rung after " + minEpochs + " epochs, keeps 1/" + reduction + ")";
    }
}
