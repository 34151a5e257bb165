package io.github.nbworkbench.kernel.progress;

import io.github.nbworkbench.progress.EpochEnd;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LossChartTest {
    @Test
    void lossAndValLossPerEpochMakeAPng() {
        String png = LossChart.pngBase64(List.of(
                new EpochEnd(1, Map.of("loss", 0.7, "val_loss", 0.8)),
                new EpochEnd(2, Map.of("loss", 0.5, "val_loss", Double.NaN)))).orElseThrow();
        byte[] bytes = Base64.getDecoder().decode(png);
        assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G');
    }

    @Test
    void noChartWithoutALoss() {
        assertTrue(LossChart.pngBase64(List.of()).isEmpty());
        assertTrue(LossChart.pngBase64(List.of(new EpochEnd(1, Map.of("accuracy", 0.9)))).isEmpty());
    }
}
