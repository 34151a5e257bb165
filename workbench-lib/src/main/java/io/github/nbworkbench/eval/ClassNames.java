package io.github.nbworkbench.eval;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Checks and defaults for the class names that label rows and columns. */
final class ClassNames {

    private ClassNames() {
    }

    /** "0", "1", ... for data sets that carry no names. */
    static List<String> numbered(int numClasses) {
        return IntStream.range(0, numClasses).mapToObj(Integer::toString).collect(Collectors.toUnmodifiableList());
    }

    static List<String> checked(List<String> names, int numClasses) {
        if (names == null) {
            return numbered(numClasses);
        }
        if (names.size() != numClasses) {
            throw new IllegalArgumentException("Got " + names.size() + " class names " + names + " for "
                    + numClasses + " classes; pass one name per class, in class-index order.");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("Class names must be unique (they become column names), got " + names);
        }
        return List.copyOf(names);
    }
}
