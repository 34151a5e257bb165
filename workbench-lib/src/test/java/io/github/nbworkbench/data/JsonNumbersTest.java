package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    @Test
    void readsIntegersDecimalsAndExponents() {
        assertArrayEquals(new float[] {0, 0.5f, 1, 2e-3f}, JsonNumbers.array("{ \"data\" : [0, 0.5,\n1 , 2e-3] }", "data", "t"));
    }

    @Test
    void emptyArray() {
        assertArrayEquals(new float[0], JsonNumbers.array("{\"data\":[]}", "data", "t"));
    }

    @Test
    void truncatedAndMissingArraysSaySo() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonNumbers.array("{\"data\":[1, 2", "data", "f.json"))
                .getMessage().contains("not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonNumbers.array("{\"x\":[1]}", "data", "f.json"))
                .getMessage().contains("no array \"data\""));
    }
}
