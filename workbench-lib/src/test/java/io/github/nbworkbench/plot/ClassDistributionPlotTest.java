package io.github.nbworkbench.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.nbworkbench.imbalance.ClassDistribution;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class ClassDistributionPlotTest {

    @Test
    void oneBarPerClassWithItsCount() {
        ClassDistribution distribution = ClassDistribution.of(new int[] {0, 0, 0, 0, 1, 1, 2}, List.of("cat", "dog", "bird"));

        CategoryChart chart = ClassDistributionPlot.chart(distribution);
        CategorySeries series = chart.getSeriesMap().get(ClassDistributionPlot.SERIES);
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);

        assertEquals("Class distribution (7 examples, imbalance ratio 4.0)", chart.getTitle());
        assertEquals("class", chart.getXAxisTitle());
        assertEquals("examples", chart.getYAxisTitle());
        assertEquals(List.of("cat", "dog", "bird"), List.copyOf(series.getXData()));
        assertEquals(List.of(4, 2, 1), List.copyOf(series.getYData()));
        assertEquals(800, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    @Test
    void longClassNamesAreTurned() {
        List<String> names = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                "Bag", "Ankle boot");
        ClassDistribution distribution = ClassDistribution.of(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, names);

        assertEquals(0, ClassDistributionPlot.chart(distribution).getStyler().getXAxisLabelRotation());
        assertEquals(45, ClassDistributionPlot.chart(ClassDistribution.of(new int[] {0},
                names.stream().map(name -> name + " (long)").toList())).getStyler().getXAxisLabelRotation());
    }
}
