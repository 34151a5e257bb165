package io.github.nbworkbench.kernel.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JavaArrayTextTest {
    @Test
    void objectAndPrimitiveArraysInJshellsNotation() {
        assertEquals("String[3] { \"a\", \"b\\n\", null }", JavaArrayText.of(new String[] {"a", "b\n", null}));
        assertEquals("int[3] { 1, 2, 3 }", JavaArrayText.of(new int[] {1, 2, 3}));
        assertEquals("char[2] { 'x', '\\'' }", JavaArrayText.of(new char[] {'x', '\''}));
        assertEquals("double[0] {}", JavaArrayText.of(new double[0]));
    }

    @Test
    void nestedArrays() {
        assertEquals("int[2][] { int[2] { 1, 2 }, int[1] { 3 } }", JavaArrayText.of(new int[][] {{1, 2}, {3}}));
        assertEquals("Object[2] { 1, String[1] { \"s\" } }", JavaArrayText.of(new Object[] {1, new String[] {"s"}}));
    }

    @Test
    void largeArraysShowTheirEdgesAroundAnEllipsis() {
        int[] numbers = new int[100_000];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i;
        }
        assertEquals("int[100000] { 0, 1, 2, ..., 99997, 99998, 99999 }", JavaArrayText.of(numbers));
        assertEquals("long[2000][] { long[2] { 0, 0 }, long[2] { 0, 0 }, long[2] { 0, 0 }, ..., "
                        + "long[2] { 0, 0 }, long[2] { 0, 0 }, long[2] { 0, 0 } }",
                JavaArrayText.of(new long[2000][2]));
    }

    @Test
    void anArrayThatContainsItselfEnds() {
        Object[] self = new Object[1];
        self[0] = self;
        assertEquals("Object[1] { Object[1] { ... } }", JavaArrayText.of(self));
    }
}
