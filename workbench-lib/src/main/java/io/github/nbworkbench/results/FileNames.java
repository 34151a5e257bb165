package io.github.nbworkbench.results;

import java.util.regex.Pattern;

/** Names that become one file or folder inside the results folder, and nothing else. */
final class FileNames {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private FileNames() {
    }

    /**
     * Returns {@code name} when it is a plain name: letters, digits, '.', '_' and '-', starting with a
     * letter or digit. Anything that could reach another folder ("../x", "/tmp/x", "a/b") is refused.
     */
    static String check(String name, String what) {
        if (name == null || !SAFE.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("The " + what + " '" + name + "' is not a plain name: use letters, digits, '.', '_' and '-'"
                    + " (starting with a letter or digit, no '..', no path separators), e.g. 'cnn-baseline'");
        }
        return name;
    }
}
