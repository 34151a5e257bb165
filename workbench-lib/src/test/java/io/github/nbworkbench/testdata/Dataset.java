package io.github.nbworkbench.testdata;

import io.github.nbworkbench.data.DataNotFoundException;
import io.github.nbworkbench.data.FashionMnist;
import io.github.nbworkbench.data.Mnist;
import io.github.nbworkbench.text.StateOfTheUnion;
import java.util.Optional;

/**
 * The data sets tests read, each found by the library's own loader (so a test runs exactly when the
 * loader would find its data). Checked once per JVM.
 */
public enum Dataset {
    FASHION_MNIST("Fashion-MNIST", FashionMnist::load),
    MNIST("MNIST digits", Mnist::load),
    STATE_OF_THE_UNION("State of the Union addresses", StateOfTheUnion::load),
    SKLEARN("scikit-learn's CSV files", SklearnData::locate);

    private final String title;
    private final Runnable locate;
    private Optional<String> missing;

    Dataset(String title, Runnable locate) {
        this.title = title;
        this.locate = locate;
    }

    /** Empty when installed, else which data set is missing, where it was looked for and how to get it. */
    synchronized Optional<String> missing() {
        if (missing == null) {
            missing = check();
        }
        return missing;
    }

    private Optional<String> check() {
        try {
            locate.run();
            return Optional.empty();
        } catch (DataNotFoundException e) {
            return Optional.of(skipReason(title, e));
        }
    }

    /** Which data set is missing, where the loader looked (its message) and how to get it. */
    static String skipReason(String title, DataNotFoundException notFound) {
        return "Data set " + title + " is missing, so this test is skipped. " + notFound.getMessage()
                + "\nGet every data set the tests use with: ./workbench setup";
    }
}
