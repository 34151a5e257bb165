package io.github.nbworkbench.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Vector API arithmetic against the scalar one on the same steps: 37 units fill two vectors
 * of 16 lanes and a part of a third (or one of 32 and a part), so whole vectors and the tail both run.
 */
class GateArithmeticTest {

    private static final int BATCH = 3;
    private static final int STEPS = 5;
    private static final int UNITS = 37;
    private static final double TOLERANCE = 1e-6;

    @Test
    void floatArraysUseTheVectorApiInTheTestsJvmAndDoubleArraysTheScalarCode() {
        assertTrue(VectorSupport.available(), "the tests run with " + VectorSupport.javaOption());
        assertInstanceOf(VectorGateArithmetic.class, GateArithmetic.of(Steps.random(DataType.FLOAT, false, false).arrays()));
        assertInstanceOf(ScalarGateArithmetic.class, GateArithmetic.of(Steps.random(DataType.DOUBLE, false, false).arrays()));
    }

    @Test
    void vectorAndScalarArithmeticAgreeForwardAndBackward() {
        assertAgree(false, false);
    }

    @Test
    void vectorAndScalarArithmeticAgreeWithAMaskAndAnInitialCellState() {
        assertAgree(true, true);
    }

    private static void assertAgree(boolean masked, boolean initialCell) {
        Steps scalar = Steps.random(DataType.FLOAT, masked, initialCell);
        Steps vector = scalar.copy();
        Result expected = scalar.run(new ScalarGateArithmetic(scalar.arrays()));
        Result actual = vector.run(new VectorGateArithmetic(vector.arrays()));
        for (String name : new String[] {"gates", "cells", "cellTanh", "hidden", "deltas"}) {
            INDArray e = expected.arrays().get(name);
            INDArray a = actual.arrays().get(name);
            assertEquals(0, e.sub(a).amaxNumber().doubleValue(), TOLERANCE, name);
        }
        assertArrayEquals(expected.biasSums(), actual.biasSums(), TOLERANCE);
    }

    private record Result(Map<String, INDArray> arrays, double[] biasSums) {
    }

    /** One pass's arrays with random pre-activations and output errors. */
    private record Steps(StepArrays arrays, INDArray outputErrors) {

        static Steps random(DataType type, boolean masked, boolean initialCell) {
            Nd4j.getRandom().setSeed(17);
            int rows = STEPS * BATCH;
            INDArray mask = masked ? Nd4j.createFromArray(new float[][] {
                    {1, 1, 1, 0, 0}, {0, 1, 1, 1, 1}, {1, 0, 1, 1, 1}}).castTo(type) : null;
            return new Steps(new StepArrays(BATCH, STEPS, UNITS,
                    Nd4j.rand(type, rows, 4L * UNITS).subi(0.5).muli(6),
                    Nd4j.create(type, rows, UNITS), Nd4j.create(type, rows, UNITS), Nd4j.create(type, rows, UNITS),
                    initialCell ? Nd4j.rand(type, BATCH, UNITS).subi(0.5) : null, mask),
                    Nd4j.rand(type, rows, UNITS).subi(0.5));
        }

        Steps copy() {
            StepArrays a = arrays;
            return new Steps(new StepArrays(a.batch(), a.steps(), a.units(), a.gates().dup(), a.cells().dup(), a.cellTanh().dup(),
                    a.hidden().dup(), a.initialCell() == null ? null : a.initialCell().dup(), a.mask() == null ? null : a.mask().dup()),
                    outputErrors.dup());
        }

        Result run(GateArithmetic arithmetic) {
            for (int t = 0; t < STEPS; t++) {
                arithmetic.forward(t);
            }
            INDArray deltas = Nd4j.create(arrays.gates().dataType(), arrays.gates().shape());
            double[] biasSums = new double[4 * UNITS];
            for (int t = STEPS - 1; t >= 0; t--) {
                arithmetic.backward(t, outputErrors, deltas, biasSums);
            }
            return new Result(Map.of("gates", arrays.gates(), "cells", arrays.cells(), "cellTanh", arrays.cellTanh(),
                    "hidden", arrays.hidden(), "deltas", deltas), biasSums);
        }
    }
}
