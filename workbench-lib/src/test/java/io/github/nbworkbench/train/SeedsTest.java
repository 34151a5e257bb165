package io.github.nbworkbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SeedsTest {

    @Test
    void seedEverythingRepeatsNd4jAndTheWorkbenchRandom() {
        Seeds.seedEverything(11);
        INDArray first = Nd4j.rand(3, 3);
        int firstInt = Seeds.random().nextInt();

        Seeds.seedEverything(11);

        assertEquals(first, Nd4j.rand(3, 3));
        assertEquals(firstInt, Seeds.random().nextInt());
    }

    @Test
    void derivedSeedsDifferByStreamAndRepeat() {
        assertEquals(Seeds.derive(1, 2), Seeds.derive(1, 2));
        assertNotEquals(Seeds.derive(1, 2), Seeds.derive(1, 3));
        assertNotEquals(Seeds.derive(1, 2), Seeds.derive(2, 2));
    }

    @Test
    void seedEverythingBeforeFitMakesARunWithoutAnExplicitSeedRepeat() {
        var first = Fixtures.mlp(new org.nd4j.linalg.learning.config.Adam(0.01), 0.5);
        var second = Fixtures.mlp(new org.nd4j.linalg.learning.config.Adam(0.01), 0.5);

        Seeds.seedEverything(5);
        Trainer.of(first).epochs(2).quiet().fit(Fixtures.trainBlobs());
        Seeds.seedEverything(5);
        Trainer.of(second).epochs(2).quiet().fit(Fixtures.trainBlobs());

        assertEquals(first.params(), second.params());
    }
}
