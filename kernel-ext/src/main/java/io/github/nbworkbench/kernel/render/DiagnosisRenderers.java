package io.github.nbworkbench.kernel.render;

import io.github.nbworkbench.diagnose.TrainingDoctor;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * The training doctor's findings as Markdown, so a cell ending in {@code TrainingDoctor.of(history)}
 * shows each problem in bold with its evidence and what to try; plain text carries the same words.
 */
public final class DiagnosisRenderers implements RendererProvider {
    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(TrainingDoctor.class)
                .preferring(MIMEType.TEXT_MARKDOWN)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((doctor, context) -> {
                    String findings = doctor.toMarkdown();
                    context.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> findings);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> findings);
                });
    }
}
