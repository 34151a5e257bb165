package io.github.nbworkbench.kernel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nbworkbench.diagnose.TrainingDoctor;
import io.github.nbworkbench.train.History;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class DiagnosisRenderersTest {
    @Test
    void theDoctorsFindingsAreShownAsMarkdownWithTheSameWordsAsPlainText() {
        History diverging = History.of(List.of(), true);
        double[] losses = {2.3, 4.1, 9.8, 31.0, 120.0};
        for (int epoch = 0; epoch < losses.length; epoch++) {
            diverging.append(epoch + 1, Map.of(History.LOSS, losses[epoch], History.VALIDATION_LOSS, losses[epoch] * 1.1,
                    History.LEARNING_RATE, 0.5));
        }
        Renderer renderer = new Renderer();
        new RendererProviders(renderer).installFrom(getClass().getClassLoader());

        DisplayData shown = renderer.render(TrainingDoctor.of(diverging));

        String markdown = String.valueOf(shown.getData(MIMEType.TEXT_MARKDOWN));
        assertTrue(markdown.startsWith("### Training doctor: "), markdown);
        assertTrue(markdown.contains("**Learning rate too high.**"), markdown);
        assertEquals(markdown, shown.getData(MIMEType.TEXT_PLAIN));
    }
}
