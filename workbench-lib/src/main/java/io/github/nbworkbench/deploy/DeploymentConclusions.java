package io.github.nbworkbench.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's findings in sentences: the variant that saves the most size, and the one that runs fastest. */
final class DeploymentConclusions {

    private final VariantFigures baseline;
    private final List<VariantFigures> others;

    DeploymentConclusions(List<VariantFigures> variants, VariantFigures baseline) {
        this.baseline = baseline;
        this.others = variants.stream().filter(variant -> variant != baseline).toList();
    }

    List<String> sentences() {
        if (others.isEmpty()) {
            return List.of("Only " + baseline.name() + " is in the report; add variants to compare it with.");
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(size());
        compressedSize().ifPresent(sentences::add);
        sentences.add(speed());
        List<String> unmeasured = others.stream().filter(variant -> variant.speed().isEmpty()).map(VariantFigures::name).toList();
        if (!unmeasured.isEmpty() && baseline.speed().isPresent()) {
            sentences.add("No speed figure for " + String.join(", ", unmeasured) + ".");
        }
        return sentences;
    }

    private String size() {
        VariantFigures smallest = others.stream().min(Comparator.comparingLong(VariantFigures::sizeBytes)).orElseThrow();
        if (smallest.sizeBytes() >= baseline.sizeBytes()) {
            return "No variant is smaller than " + baseline.name() + " (" + sizeText(baseline.sizeBytes()) + ").";
        }
        return format("%s buys the most size reduction: %.2fx smaller than %s (%s vs %s), accuracy %+.2f points.", smallest.name(),
                (double) baseline.sizeBytes() / smallest.sizeBytes(), baseline.name(), sizeText(smallest.sizeBytes()),
                sizeText(baseline.sizeBytes()), smallest.pointsAbove(baseline));
    }

    private Optional<String> compressedSize() {
        List<VariantFigures> compressed = others.stream().filter(variant -> variant.compressedBytes().isPresent()).toList();
        if (baseline.compressedBytes().isEmpty() || compressed.isEmpty()) {
            return Optional.empty();
        }
        long baselineBytes = baseline.compressedBytes().getAsLong();
        VariantFigures smallest = compressed.stream().min(Comparator.comparingLong(variant -> variant.compressedBytes().getAsLong())).orElseThrow();
        long smallestBytes = smallest.compressedBytes().getAsLong();
        if (smallestBytes >= baselineBytes) {
            return Optional.of("Compressed, no variant is smaller than " + baseline.name() + " (" + sizeText(baselineBytes) + ").");
        }
        return Optional.of(format("Compressed, %s is the smallest: %.2fx smaller than %s compressed (%s vs %s).", smallest.name(),
                (double) baselineBytes / smallestBytes, baseline.name(), sizeText(smallestBytes), sizeText(baselineBytes)));
    }

    private String speed() {
        if (baseline.speed().isEmpty()) {
            return baseline.name() + " has no speed figure, so no variant's speed-up can be told.";
        }
        List<VariantFigures> measured = others.stream().filter(variant -> variant.speed().isPresent()).toList();
        if (measured.isEmpty()) {
            return "No other variant has a speed figure to compare with " + baseline.name() + ".";
        }
        VariantFigures fastest = measured.stream().min(Comparator.comparingDouble(variant -> variant.speed().get().p50Ms())).orElseThrow();
        double fastestMs = fastest.speed().get().p50Ms();
        double baselineMs = baseline.speed().get().p50Ms();
        if (fastestMs >= baselineMs) {
            return format("No variant is faster than %s on this hardware; the quickest of the others, %s, takes %.2fx as long "
                    + "(p50 %.3f ms vs %.3f ms).", baseline.name(), fastest.name(), fastestMs / baselineMs, fastestMs, baselineMs);
        }
        return format("%s is the fastest on this hardware: %.2fx the speed of %s (p50 %.3f ms vs %.3f ms), accuracy %+.2f points.",
                fastest.name(), baselineMs / fastestMs, baseline.name(), fastestMs, baselineMs, fastest.pointsAbove(baseline));
    }

    static String sizeText(long bytes) {
        return bytes >= 1_000_000 ? format("%.2f MB", bytes / 1e6) : format("%.1f kB", bytes / 1e3);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
