package io.github.nbworkbench.text;

import io.github.nbworkbench.data.DataNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The King James Bible (4.3 million characters, one verse per line) from Debian's {@code bible-kjv}
 * package, read through its {@code bible} program, which keeps the text in its own compressed format.
 */
public final class KingJamesBible {

    private static final String INSTALL = "sudo apt-get install bible-kjv (environment/setup.sh installs it)";
    private static final String ALL_VERSES = "gen1:1-rev22:21";
    /** The reference {@code bible -f} puts before each verse, e.g. "Ge1:1 " or "1Co13:4 ". */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^\\S+?\\d+:\\d+ ");

    private KingJamesBible() {
    }

    /**
     * Every verse, Genesis to Revelation, one per line, without the references.
     *
     * @throws DataNotFoundException when the {@code bible} program is not installed
     */
    public static Corpus load() {
        return Corpus.of("King James Bible", REFERENCE.matcher(run("bible", "-f", ALL_VERSES)).replaceAll("").strip());
    }

    private static String run(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DataNotFoundException("The King James Bible needs the program 'bible', which was not found (" + e.getMessage()
                    + "). Install it with: " + INSTALL);
        }
        try (InputStream out = process.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new DataNotFoundException("'" + String.join(" ", command) + "' failed: "
                        + text.substring(0, Math.min(300, text.length())) + "\nReinstall it with: " + INSTALL);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the output of 'bible' failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the King James Bible", e);
        }
    }
}
