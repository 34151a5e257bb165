package io.github.nbworkbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StandardizerTest {

    @Test
    void fittedOnTrainOnlySoValidationKeepsItsOffset() {
        Nd4j.getRandom().setSeed(5);
        LabeledDataset train = images(Nd4j.rand(DataType.FLOAT, 200, 1, 4, 4));
        LabeledDataset validation = images(Nd4j.rand(DataType.FLOAT, 50, 1, 4, 4).addi(0.5));

        Standardizer standardizer = Standardizer.fitOn(train);

        assertEquals(0.0, standardizer.apply(train).features().meanNumber().doubleValue(), 1e-4);
        assertEquals(1.0, standardizer.apply(train).features().stdNumber().doubleValue(), 1e-2);
        double validationMean = standardizer.apply(validation).features().meanNumber().doubleValue();
        assertTrue(validationMean > 1.2, "validation mean " + validationMean + " should keep its offset of 0.5 / std(U(0,1)) = 1.7");
    }

    @Test
    void notANumberIsRefusedNamingTheColumnAndExample() {
        INDArray table = Nd4j.rand(DataType.FLOAT, 5, 4);
        table.putScalar(3, 2, Float.NaN);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardizer.fitOn(images(table)));

        assertTrue(e.getMessage().contains("feature column 2 holds NaN in example 3"), e::getMessage);
    }

    @Test
    void infinityInAnImageNamesChannelAndPixel() {
        INDArray pictures = Nd4j.rand(DataType.FLOAT, 2, 3, 3, 4);
        pictures.putScalar(new long[] {1, 2, 0, 3}, Float.NEGATIVE_INFINITY);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Standardizer.fitOn(images(pictures)));

        assertTrue(e.getMessage().contains("channel 2, pixel (0, 3) holds -Infinity in example 1"), e::getMessage);
    }

    @Test
    void imagesGetOneMeanPerChannel() {
        Standardizer standardizer = Standardizer.fitOn(images(Nd4j.rand(DataType.FLOAT, 20, 1, 4, 4)));

        assertEquals(1, standardizer.mean().length());
    }

    @Test
    void flatImagesWithConstantBorderPixelsStayFinite() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 20, 9);
        flat.getColumn(0).assign(0);
        LabeledDataset train = images(flat);

        INDArray standardized = Standardizer.fitOn(train).apply(train).features();

        assertEquals(9, Standardizer.fitOn(train).mean().length(), "one mean per column");
        for (float value : standardized.data().asFloat()) {
            assertTrue(Float.isFinite(value), standardized::toString);
        }
    }

    @Test
    void iteratorsApplyItToEachBatchWithoutChangingTheData() {
        LabeledDataset train = images(Nd4j.rand(DataType.FLOAT, 40, 1, 4, 4));
        Standardizer standardizer = Standardizer.fitOn(train);
        double before = train.features().meanNumber().doubleValue();

        INDArray batch = train.batchSize(40).preProcessor(standardizer).iterator().next().getFeatures();

        assertEquals(0.0, batch.meanNumber().doubleValue(), 1e-4);
        assertEquals(before, train.features().meanNumber().doubleValue(), 1e-9);
    }

    private static LabeledDataset images(INDArray features) {
        return LabeledDataset.classification(features, new int[(int) features.size(0)], List.of("only", "other"));
    }
}
