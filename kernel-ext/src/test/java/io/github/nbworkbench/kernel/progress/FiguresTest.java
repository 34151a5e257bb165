package io.github.nbworkbench.kernel.progress;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FiguresTest {
    @Test
    void metricsHaveFixedDecimalsAndExponentsAtTheExtremes() {
        assertEquals("0.4321", Figures.metric(0.43214));
        assertEquals("0.0010", Figures.metric(0.001));
        assertEquals("12.35", Figures.metric(12.3456));
        assertEquals("1.000e-05", Figures.metric(1e-5));
        assertEquals("1.235e+05", Figures.metric(123456));
        assertEquals("0", Figures.metric(0));
        assertEquals("nan", Figures.metric(Double.NaN));
    }

    @Test
    void ratesAndDurations() {
        assertEquals("12,346", Figures.rate(12345.6));
        assertEquals("87.3", Figures.rate(87.25));
        assertEquals("2:05", Figures.duration(Duration.ofSeconds(125)));
        assertEquals("1:02:03", Figures.duration(Duration.ofSeconds(3723)));
    }
}
