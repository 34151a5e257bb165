package io.github.nbworkbench.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much work a notebook does, chosen with the environment variable {@code WORKBENCH_PROFILE}:
 * {@code full} (the real run, also when the variable is unset) or {@code smoke} (a quick pass for
 * tests). Cells size their work with {@link #profile(int, int)}, which the kernel's
 * {@code %workbench} imports:
 * <pre>{@code
 * Trainer.of(net).epochs(profile(5, 1))           // 5 epochs, 1 in the smoke profile
 * LabeledDataset train = profile(mnist.train(), mnist.train().limit(2000));
 * }</pre>
 * A new profile is a new constant here; the compiler then asks for its case in {@link #choose}.
 */
public enum Profile {
    FULL,
    SMOKE;

    /** The environment variable that names the profile. */
    public static final String VARIABLE = "WORKBENCH_PROFILE";

    /** The profile {@code WORKBENCH_PROFILE} names; {@link #FULL} when it is unset or empty. */
    public static Profile current() {
        return named(System.getenv(VARIABLE));
    }

    /** The profile a value of {@code WORKBENCH_PROFILE} names (case and surrounding blanks do not matter). */
    static Profile named(String value) {
        if (value == null || value.isBlank()) {
            return FULL;
        }
        for (Profile profile : values()) {
            if (profile.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new IllegalStateException(VARIABLE + "=" + value + " is not a profile: set it to one of "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "))
                + ", or leave it unset for " + FULL.id() + ".");
    }

    /** The name {@code WORKBENCH_PROFILE} gives this profile: {@code full}, {@code smoke}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code full} in the full profile, {@code smoke} in the smoke profile. */
    public <T> T choose(T full, T smoke) {
        return switch (this) {
            case FULL -> full;
            case SMOKE -> smoke;
        };
    }

    /** {@code full} in the full profile, {@code smoke} in the smoke profile: {@code epochs(profile(5, 1))}. */
    public static int profile(int full, int smoke) {
        return current().choose(full, smoke);
    }

    /** {@code full} in the full profile, {@code smoke} in the smoke profile. */
    public static long profile(long full, long smoke) {
        return current().choose(full, smoke);
    }

    /** {@code full} in the full profile, {@code smoke} in the smoke profile: {@code learningRate(profile(3e-3, 5e-3))}. */
    public static double profile(double full, double smoke) {
        return current().choose(full, smoke);
    }

    /** {@code full} in the full profile, {@code smoke} in the smoke profile: data sets, arrays, text. */
    public static <T> T profile(T full, T smoke) {
        return current().choose(full, smoke);
    }

    @Override
    public String toString() {
        return id();
    }
}
