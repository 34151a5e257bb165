package io.github.nbworkbench.kernel.execution;

import jdk.jshell.spi.ExecutionControl.UserException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cell threw, printed as Java prints a stack trace: the user's exception and message first,
 * then its suppressed exceptions and its cause chain, each without the kernel's frames below the
 * cell. Frames of cell code are shown as JShell names them: {@code (#3:2)} is line 2 of snippet 3.
 */
public final class UserStackTrace {
    private static final String INDENT = "    ";
    private static final String KERNEL_PACKAGE = "io.github.nbworkbench.kernel.";
    /** The class JShell wraps a snippet in, followed by '$' and the user's class name for a class the snippet declares. */
    private static final Pattern CELL_WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+\\$?");

    private final Throwable thrown;
    private final Map<Throwable, StackTraceElement[]> frames;
    private final int maxFramesEach;

    /**
     * @param frames frames to show per throwable (JShell's translated ones); any throwable not in it
     *               shows its own frames
     */
    UserStackTrace(Throwable thrown, Map<Throwable, StackTraceElement[]> frames, int maxFramesEach) {
        this.thrown = thrown;
        this.frames = frames;
        this.maxFramesEach = maxFramesEach;
    }

    /** The throwable, its suppressed exceptions and causes, each once, in the order {@link #lines()} shows them. */
    static List<Throwable> family(Throwable top) {
        List<Throwable> family = new ArrayList<>();
        collect(top, Collections.newSetFromMap(new IdentityHashMap<>()), family);
        return family;
    }

    private static void collect(Throwable t, Set<Throwable> seen, List<Throwable> family) {
        if (t == null || !seen.add(t)) {
            return;
        }
        family.add(t);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, seen, family);
        }
        collect(t.getCause(), seen, family);
    }

    /**
     * One JShell {@link UserException} per member of the family, chained as causes, so that JShell
     * translates the frames of every one of them (it does so for the cause chain only).
     */
    static UserException chainForJShell(Throwable top) {
        List<Throwable> family = family(top);
        UserException next = null;
        for (int i = family.size() - 1; i >= 0; i--) {
            Throwable t = family.get(i);
            UserException current = new UserException(messageOf(t), t.getClass().getName(), t.getStackTrace());
            if (next != null) {
                current.initCause(next);
            }
            next = current;
        }
        return next;
    }

    public Throwable thrown() {
        return thrown;
    }

    /** The stack trace as lines without line breaks in them, the user's exception on the first. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        append(lines, thrown, new StackTraceElement[0], "", "", Collections.newSetFromMap(new IdentityHashMap<>()));
        return lines;
    }

    private void append(List<String> lines, Throwable t, StackTraceElement[] enclosing, String caption, String prefix,
                        Set<Throwable> seen) {
        if (!seen.add(t)) {
            lines.add(prefix + caption + "[circular reference: " + headline(t) + "]");
            return;
        }
        String[] headline = headline(t).split("\\R", -1);
        lines.add(prefix + caption + headline[0]);
        for (int i = 1; i < headline.length; i++) {
            lines.add(prefix + headline[i]);
        }
        StackTraceElement[] own = framesOf(t);
        int unique = own.length - framesInCommon(own, enclosing);
        int shown = Math.min(unique, maxFramesEach);
        for (int i = 0; i < shown; i++) {
            lines.add(prefix + INDENT + "at " + describe(own[i]));
        }
        if (own.length > shown) {
            lines.add(prefix + INDENT + "... " + (own.length - shown) + " more");
        }
        for (Throwable suppressed : t.getSuppressed()) {
            append(lines, suppressed, own, "Suppressed: ", prefix + INDENT, seen);
        }
        if (t.getCause() != null) {
            append(lines, t.getCause(), own, "Caused by: ", prefix, seen);
        }
    }

    private StackTraceElement[] framesOf(Throwable t) {
        StackTraceElement[] translated = frames.get(t);
        return withoutKernelFrames(translated != null ? translated : t.getStackTrace());
    }

    /**
     * Drops the frames below the user's code (the thread, the kernel and reflection that called it)
     * and the kernel's frames above it (where the kernel threw for the user, as on System.exit).
     */
    static StackTraceElement[] withoutKernelFrames(StackTraceElement[] frames) {
        int end = frames.length;
        while (end > 0 && isKernelFrame(frames[end - 1])) {
            end--;
        }
        int start = 0;
        while (start < end && frames[start].getClassName().startsWith(KERNEL_PACKAGE)) {
            start++;
        }
        return end == 0 ? frames : java.util.Arrays.copyOfRange(frames, start, end);
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String name = frame.getClassName();
        return name.equals("java.lang.Thread") || name.startsWith(KERNEL_PACKAGE) || name.startsWith("org.dflib.jjava.")
                || name.startsWith("jdk.internal.reflect.") || name.startsWith("java.lang.reflect.")
                || name.startsWith("jdk.jshell.");
    }

    private static int framesInCommon(StackTraceElement[] own, StackTraceElement[] enclosing) {
        int m = own.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && own[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return own.length - 1 - m;
    }

    private static String describe(StackTraceElement frame) {
        if (frame.getClassName().isEmpty()) {
            return frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
        }
        Matcher cellClass = CELL_WRAPPER.matcher(frame.getClassName());
        if (cellClass.lookingAt()) {
            // called by the kernel, not by a snippet, so JShell did not translate it: no snippet line is known
            String className = frame.getClassName().substring(cellClass.end());
            return (className.isEmpty() ? "" : className + ".") + frame.getMethodName() + "(notebook cell)";
        }
        return frame.toString();
    }

    /** The class and message as {@link Throwable#toString()} gives them, also when the user's toString() fails. */
    static String headline(Throwable t) {
        try {
            return t.toString();
        } catch (RuntimeException | StackOverflowError e) {
            String message = messageOf(t);
            return t.getClass().getName() + (message == null ? "" : ": " + message);
        }
    }

    /** The message, or null; a getMessage() that fails is described instead of failing the report. */
    static String messageOf(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            return "(its getMessage() threw " + e.getClass().getName() + ")";
        }
    }
}
