package io.github.nbworkbench.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much work a notebook does, chosen with the environment variable {@code WORKBENCH_PROFILE}:
 * {@code workshop} (the default: every notebook in a few minutes on a laptop, large enough for its
 * conclusions), {@code full} (the headline figures) or {@code smoke} (a quick pass for tests).
 * Cells size their work with {@link #profile(int, int, int)}, which the kernel's {@code %workbench}
 * imports; the values come largest first, full, workshop, smoke:
 * <pre>{@code
 * Trainer.of(net).epochs(profile(8, 3, 1))        // 8 epochs in full, 3 in a workshop, 1 in the smoke profile
 * LabeledDataset train = profile(mnist.train(), mnist.train().limit(12_000), mnist.train().limit(2_000));
 * }</pre>
 * A new profile is a new constant here; the compiler then asks for its case in {@link #choose}.
 */
public enum Profile {
    FULL,
    WORKSHOP,
    SMOKE;

    /** The environment variable that names the profile. */
    public static final String VARIABLE = "WORKBENCH_PROFILE";

    /** The profile when {@code WORKBENCH_PROFILE} is unset or empty. */
    public static final Profile DEFAULT = WORKSHOP;

    /** The profile {@code WORKBENCH_PROFILE} names; {@link #DEFAULT} when it is unset or empty. */
    public static Profile current() {
        return named(System.getenv(VARIABLE));
    }

    /** The profile a value of {@code WORKBENCH_PROFILE} names (case and surrounding blanks do not matter). */
    static Profile named(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        for (Profile profile : values()) {
            if (profile.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new IllegalStateException(VARIABLE + "=" + value + " is not a profile: set it to one of "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "))
                + ", or leave it unset for " + DEFAULT.id() + ".");
    }

    /** The name {@code WORKBENCH_PROFILE} gives this profile: {@code full}, {@code workshop}, {@code smoke}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for this profile: {@code full}, {@code workshop} or {@code smoke}. */
    public <T> T choose(T full, T workshop, T smoke) {
        return switch (this) {
            case FULL -> full;
            case WORKSHOP -> workshop;
            case SMOKE -> smoke;
        };
    }

    /** The value for the current profile, full, workshop, smoke: {@code epochs(profile(8, 3, 1))}. */
    public static int profile(int full, int workshop, int smoke) {
        return current().choose(full, workshop, smoke);
    }

    /** The value for the current profile, full, workshop, smoke. */
    public static long profile(long full, long workshop, long smoke) {
        return current().choose(full, workshop, smoke);
    }

    /** The value for the current profile, full, workshop, smoke: {@code learningRate(profile(3e-3, 3e-3, 5e-3))}. */
    public static double profile(double full, double workshop, double smoke) {
        return current().choose(full, workshop, smoke);
    }

    /** The value for the current profile, full, workshop, smoke: data sets, arrays, text. */
    public static <T> T profile(T full, T workshop, T smoke) {
        return current().choose(full, workshop, smoke);
    }

    @Override
    public String toString() {
        return id();
    }
}
