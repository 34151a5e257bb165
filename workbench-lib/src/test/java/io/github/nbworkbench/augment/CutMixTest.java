package io.github.nbworkbench.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class CutMixTest {

    private static final int N = 16;
    private static final int CHANNELS = 3;
    private static final int SIDE = 12;

    @Test
    void theLabelWeightOfThePartnerIsExactlyThePastedAreaShare() {
        DataSet batch = LabeledTestBatches.constantImages(N, CHANNELS, SIDE, N);
        int partlyPasted = 0;
        for (double alpha : new double[] {0.5, 1, 2}) {
            AugmentationPipeline cutMix = AugmentationPipeline.builder().cutMix(alpha).seed(8).build();
            for (int batchIndex = 0; batchIndex < 20; batchIndex++) {
                DataSet mixed = cutMix.apply(batch, batchIndex);
                float[][] labels = mixed.getLabels().toFloatMatrix();
                float[] pixels = mixed.getFeatures().data().asFloat();
                for (int i = 0; i < N; i++) {
                    int[] fromPartner = pastedPixels(pixels, i);
                    float rowSum = 0;
                    for (float value : labels[i]) {
                        rowSum += value;
                    }
                    assertEquals(1f, rowSum, 1e-6f);
                    if (fromPartner[0] < 0) {
                        assertEquals(1f, labels[i][i], 1e-6f, "nothing pasted, or pasted from itself");
                        continue;
                    }
                    float share = (float) ((double) fromPartner[1] / (SIDE * SIDE));
                    assertEquals(share, labels[i][fromPartner[0]], 0f, "batch " + batchIndex + ", example " + i);
                    assertEquals(1 - share, labels[i][i], 0f);
                    partlyPasted++;
                }
            }
        }
        assertTrue(partlyPasted > 500, partlyPasted + " examples with a pasted box");
    }

    /** {partner, pixels pasted from it} of example i in a batch of constant images, or {-1, 0}; checks all channels agree. */
    private static int[] pastedPixels(float[] pixels, int example) {
        int partner = -1;
        int count = 0;
        int plane = SIDE * SIDE;
        for (int p = 0; p < plane; p++) {
            int start = example * CHANNELS * plane + p;
            float value = pixels[start];
            for (int c = 1; c < CHANNELS; c++) {
                assertEquals(value, pixels[start + c * plane], 0f, "the same box in every channel");
            }
            if (value != example + 1) {
                partner = Math.round(value) - 1;
                count++;
            }
        }
        return new int[] {partner, count};
    }

    @Test
    void theBoxIsOneRectangleAtTheSamePlaceInEveryExampleWithThePartnersPixels() {
        DataSet batch = LabeledTestBatches.countingImages(N, CHANNELS, SIDE, N);
        float[] original = batch.getFeatures().data().asFloat();
        DataSet mixed = AugmentationPipeline.builder().cutMix(1).seed(21).build().apply(batch, 3);
        float[] pixels = mixed.getFeatures().data().asFloat();
        int size = CHANNELS * SIDE * SIDE;
        boolean[] inBox = null;
        for (int i = 0; i < N; i++) {
            boolean[] changed = new boolean[size];
            int partner = -1;
            for (int v = 0; v < size; v++) {
                float value = pixels[i * size + v];
                if (value != original[i * size + v]) {
                    changed[v] = true;
                    int source = Math.round(value) - 1;
                    assertEquals(v, source % size, "taken from the same channel and position");
                    partner = partner < 0 ? source / size : partner;
                    assertEquals(partner, source / size, "all from one partner");
                }
            }
            if (partner >= 0) {
                if (inBox == null) {
                    inBox = changed;
                    assertRectangle(changed);
                } else {
                    assertEquals(java.util.Arrays.toString(inBox), java.util.Arrays.toString(changed), "example " + i);
                }
            }
        }
        assertTrue(inBox != null, "some example got a box");
    }

    private static void assertRectangle(boolean[] changed) {
        int top = SIDE, bottom = -1, left = SIDE, right = -1, count = 0;
        for (int p = 0; p < SIDE * SIDE; p++) {
            if (changed[p]) {
                top = Math.min(top, p / SIDE);
                bottom = Math.max(bottom, p / SIDE);
                left = Math.min(left, p % SIDE);
                right = Math.max(right, p % SIDE);
                count++;
            }
        }
        assertEquals((bottom - top + 1) * (right - left + 1), count, "a filled rectangle in the first channel");
    }

    @Test
    void theSameSeedAndBatchNumberGiveTheSameBoxAndPartners() {
        DataSet batch = LabeledTestBatches.countingImages(N, 1, SIDE, 4);
        DataSet first = AugmentationPipeline.builder().cutMix(1).seed(4).build().apply(batch, 2);
        DataSet again = AugmentationPipeline.builder().cutMix(1).seed(4).build().apply(batch, 2);
        assertEquals(first.getFeatures(), again.getFeatures());
        assertEquals(first.getLabels(), again.getLabels());
        assertNotEquals(first.getFeatures(), AugmentationPipeline.builder().cutMix(1).seed(5).build().apply(batch, 2).getFeatures());
    }

    @Test
    void badLabelsAndSettingsAreRefused() {
        DataSet regression = new DataSet(TestImages.counting(2, 1, 4, 4), org.nd4j.linalg.factory.Nd4j.create(new float[] {0.3f, 7.5f}, 2, 1));
        String message = assertThrows(IllegalArgumentException.class,
                () -> AugmentationPipeline.builder().cutMix(1).build().apply(regression, 0)).getMessage();
        assertTrue(message.contains("CutMix") && message.contains("[2, 1]") && message.contains("regression"), message);
        assertThrows(IllegalArgumentException.class, () -> new CutMix(-1));
        assertThrows(IllegalArgumentException.class, () -> new CutMix(1, -0.1));
    }
}
