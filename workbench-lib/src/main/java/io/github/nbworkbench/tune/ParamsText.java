package io.github.nbworkbench.tune;

import java.util.Locale;
import java.util.stream.Collectors;

/** A trial's parameters as a short line: {@code lr=0.0031, width=48, dropout=true}, reals to 4 significant digits. */
final class ParamsText {

    private ParamsText() {
    }

    static String of(Params params) {
        return params.values().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (entry.getValue() instanceof Double value
                        ? String.format(Locale.ROOT, "%.4g", value) : entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
