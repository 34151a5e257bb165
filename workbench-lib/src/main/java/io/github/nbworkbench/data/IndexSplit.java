package io.github.nbworkbench.data;

/** Example indices divided in two parts, e.g. training and validation; each part in a seeded random order. */
public record IndexSplit(int[] first, int[] second) {
}
