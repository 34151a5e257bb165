package io.github.nbworkbench.testdata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class or method only when the data sets it reads are installed; otherwise JUnit
 * reports it skipped, naming the missing data set, where it was looked for and how to get it.
 *
 * <pre>{@code
 * @RequiresDataset(Dataset.FASHION_MNIST)
 * class CompressionTest { ... }
 * }</pre>
 */
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DatasetCondition.class)
public @interface RequiresDataset {

    /** Every data set the test reads. */
    Dataset[] value();
}
