package io.github.nbworkbench.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Writes a file so that readers see either the old complete file or the new complete one, never a part. */
public final class AtomicFiles {

    /** What to write; called once with the temporary file's stream. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** ".{target name}.{random UUID}.tmp", the name of a write's temporary file. */
    private static final Pattern TEMPORARY = Pattern.compile(
            "\\.(.+)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + Pattern.quote(TEMPORARY_SUFFIX));

    private AtomicFiles() {
    }

    /**
     * Deletes the temporary files that writes into {@code folder} left behind when their process was
     * killed, of the targets whose file names {@code targetNames} accepts; returns how many.
     */
    public static int deleteLeftovers(Path folder, Predicate<String> targetNames) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> leftovers;
        try (Stream<Path> files = Files.list(folder)) {
            leftovers = files.filter(file -> {
                Matcher matcher = TEMPORARY.matcher(file.getFileName().toString());
                return matcher.matches() && targetNames.test(matcher.group(1));
            }).toList();
        }
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover);
        }
        return leftovers.size();
    }

    /** Writes to a temporary file in the target's folder, forces it to disk, then renames it over the target atomically. */
    public static void write(Path target, Content content) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + " is a folder: give the path of a file in it");
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its files are owner-only (0600), and the move would keep that.
        Path temporary = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
