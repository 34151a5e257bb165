package io.github.nbworkbench.diagnose;

import io.github.nbworkbench.train.History;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a training run and says in plain words what went wrong, with the run's own numbers as
 * evidence and what to try: a learning rate too high (the loss diverges or oscillates) or too low
 * (it stays flat), exploding or vanishing gradients and dead ReLU units (from
 * {@link TrainingStatistics}), overfitting, underfitting, and a loss stalled on a plateau. A run
 * with none of them gets "no problem found".
 *
 * <pre>{@code
 * TrainingStatistics statistics = TrainingStatistics.everyBatches(10);
 * History history = Trainer.of(net).epochs(10).metrics(Metric.ACCURACY).callbacks(statistics).fit(data);
 * TrainingDoctor doctor = TrainingDoctor.of(history).with(statistics);
 * doctor.diagnoses();    // List<Diagnosis>: problem, evidence, advice
 * doctor;                // in a notebook: the findings rendered as Markdown
 * }</pre>
 *
 * <p>The History alone shows the learning rate's effect on the loss and over- and underfitting
 * (these need validation data; accuracy, when recorded, sharpens underfitting); the gradient and
 * dead-unit diagnoses need the statistics. Root causes come first: underfitting is not reported
 * when a learning-rate, gradient or dead-unit problem explains the poor fit, nor vanishing gradients
 * when dead units cut the gradient's path, and a plateau only when nothing else explains it.
 */
public final class TrainingDoctor {

    public static final String PROBLEM = "problem";
    public static final String EVIDENCE = "evidence";
    public static final String ADVICE = "what to try";
    static final String NO_PROBLEM = "No problem found";

    private final History history;
    private final TrainingStatistics statistics;

    private TrainingDoctor(History history, TrainingStatistics statistics) {
        this.history = history;
        this.statistics = statistics;
    }

    /** A doctor for the run that recorded {@code history}. */
    public static TrainingDoctor of(History history) {
        if (history.rowCount() == 0) {
            throw new IllegalArgumentException("The history records no epoch: train first (Trainer.of(net).fit(data) returns it)");
        }
        return new TrainingDoctor(history, null);
    }

    /** The same doctor, also reading the gradient and activation statistics the run collected. */
    public TrainingDoctor with(TrainingStatistics statistics) {
        return new TrainingDoctor(history, statistics);
    }

    /** What went wrong, root causes first; empty when no problem was found. */
    public List<Diagnosis> diagnoses() {
        Curves curves = Curves.of(history);
        List<LayerFigures> layers = statistics == null ? List.of() : LayerFigures.of(statistics.samples());
        Optional<Diagnosis> deadUnits = LayerChecks.deadUnits(layers);
        List<Diagnosis> rootCauses = present(
                CurveChecks.learningRateTooHigh(curves, layers),
                CurveChecks.learningRateTooLow(curves, layers),
                LayerChecks.explodingGradients(layers),
                deadUnits.isPresent() ? Optional.empty() : LayerChecks.vanishingGradients(layers),
                deadUnits);
        List<Diagnosis> diagnoses = new ArrayList<>(rootCauses);
        CurveChecks.overfitting(curves).ifPresent(diagnoses::add);
        if (rootCauses.isEmpty()) {
            CurveChecks.underfitting(curves).ifPresent(diagnoses::add);
        }
        if (diagnoses.isEmpty()) {
            CurveChecks.plateau(curves).ifPresent(diagnoses::add);
        }
        return diagnoses;
    }

    @SafeVarargs
    private static List<Diagnosis> present(Optional<Diagnosis>... candidates) {
        return Stream.of(candidates).flatMap(Optional::stream).toList();
    }

    /** One row per diagnosis ({@code problem}, {@code evidence}, {@code what to try}), or a single "No problem found" row. */
    public Table table() {
        StringColumn problems = StringColumn.create(PROBLEM);
        StringColumn evidence = StringColumn.create(EVIDENCE);
        StringColumn advice = StringColumn.create(ADVICE);
        List<Diagnosis> diagnoses = diagnoses();
        for (Diagnosis diagnosis : diagnoses) {
            problems.append(diagnosis.problem().title());
            evidence.append(diagnosis.evidence());
            advice.append(diagnosis.advice());
        }
        if (diagnoses.isEmpty()) {
            problems.append(NO_PROBLEM);
            evidence.append(healthyEvidence());
            advice.append("");
        }
        return Table.create("Training doctor", problems, evidence, advice);
    }

    /** The findings as Markdown: a heading, then per problem its evidence and what to try. */
    public String toMarkdown() {
        List<Diagnosis> diagnoses = diagnoses();
        StringBuilder text = new StringBuilder("### Training doctor: ");
        if (diagnoses.isEmpty()) {
            return text.append(NO_PROBLEM.toLowerCase()).append("\n\n").append(healthyEvidence()).append('\n').toString();
        }
        text.append(diagnoses.size()).append(diagnoses.size() == 1 ? " problem" : " problems").append(" in ").append(epochs()).append("\n");
        for (Diagnosis diagnosis : diagnoses) {
            text.append("\n**").append(diagnosis.problem().title()).append(".** ").append(diagnosis.evidence())
                    .append("\n*What to try:* ").append(diagnosis.advice()).append('\n');
        }
        return text.toString();
    }

    private String healthyEvidence() {
        Curves curves = Curves.of(history);
        String unchecked = CurveChecks.unchecked(curves);
        return "In " + epochs() + ": " + CurveChecks.summary(curves) + "."
                + (statistics == null ? " Gradients and dead units were not checked: train with TrainingStatistics.everyBatches(10)"
                        + " and pass it to with(...)." : " Gradients, step sizes and dead units are in the usual ranges.")
                + (unchecked.isEmpty() ? "" : " Not checked: " + unchecked + ".");
    }

    private String epochs() {
        return history.rowCount() == 1 ? "1 epoch" : history.rowCount() + " epochs";
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
