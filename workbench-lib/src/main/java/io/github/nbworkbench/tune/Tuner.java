package io.github.nbworkbench.tune;

import io.github.nbworkbench.progress.LiveOutputs;
import io.github.nbworkbench.progress.TrainingProgress;
import io.github.nbworkbench.train.History;
import io.github.nbworkbench.train.Mode;
import io.github.nbworkbench.train.Seeds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A hyperparameter search, as KerasTuner's {@code tuner.search(...)} and Optuna's studies: trials
 * drawn from a {@link SearchSpace} by a {@link Sampler}, each trained through the usual Trainer,
 * bad ones stopped early by a {@link Pruner}, until a budget is spent.
 * <pre>{@code
 * SearchResult result = Tuner.of(space)
 *     .objective(History.validation("accuracy"), Mode.MAX)
 *     .sampler(Sampler.tpe()).pruner(Pruner.hyperband(1, 3))
 *     .epochs(6).epochBudget(60).seed(42)
 *     .folder(Path.of("runs/tune-mlp"))
 *     .search(trial -> trial.trainer(model(trial.params())).validation(validation).fit(train));
 * }</pre>
 * With a {@link #folder}, every finished trial is written as it ends; the same search run again
 * (same space, objective, sampler, pruner, epochs and seed) resumes after the last one and ends as
 * one that never stopped. Interrupting the thread (the notebook's stop button) stops the running
 * trial after its current batch and ends the search with {@link SearchInterruptedException}.
 */
public final class Tuner {

    static final int DEFAULT_TRIALS = 20;
    static final int DEFAULT_EPOCHS = 10;
    /** Failed trials in a row that end a search: a trial function that always fails would otherwise never spend an epoch budget. */
    static final int MAX_FAILURES_IN_A_ROW = 5;
    static final int ESTIMATE_CONFIGURATIONS = 3;
    static final int ESTIMATE_WARM_UP = 3;
    static final int ESTIMATE_STEPS = 10;

    private final SearchSpace space;
    private String objective;
    private Mode mode = Mode.AUTO;
    private Sampler sampler = Sampler.random();
    private Pruner pruner = Pruner.none();
    private int epochs = DEFAULT_EPOCHS;
    private Integer trials;
    private Integer epochBudget;
    private Duration timeBudget;
    private long seed;
    private Path folder;
    private boolean quiet;

    private Tuner(SearchSpace space) {
        this.space = space;
    }

    public static Tuner of(SearchSpace space) {
        return new Tuner(Objects.requireNonNull(space, "space"));
    }

    /** The History column the search optimizes, such as {@code History.validation("accuracy")}; required. */
    public Tuner objective(String column, Mode mode) {
        this.objective = Objects.requireNonNull(column, "column");
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** How trials are chosen; {@link Sampler#random()} by default. */
    public Tuner sampler(Sampler sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        return this;
    }

    /** How bad trials are stopped early; {@link Pruner#none()} by default. */
    public Tuner pruner(Pruner pruner) {
        this.pruner = Objects.requireNonNull(pruner, "pruner");
        return this;
    }

    /** The epochs a trial trains unless pruned ({@value #DEFAULT_EPOCHS} by default). */
    public Tuner epochs(int epochs) {
        this.epochs = positive("epochs", epochs);
        return this;
    }

    /** Starts at most this many trials (a grid stops at its size; {@value #DEFAULT_TRIALS} when no budget is given). */
    public Tuner trials(int trials) {
        this.trials = positive("trials", trials);
        return this;
    }

    /** Starts no trial once the trials have trained this many epochs in all; the last one may be shortened to fit. */
    public Tuner epochBudget(int epochs) {
        this.epochBudget = positive("epochBudget", epochs);
        return this;
    }

    /** Starts no trial once the trials have taken this long; the trial running then finishes. */
    public Tuner timeBudget(Duration time) {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("The time budget must be positive, got " + time);
        }
        this.timeBudget = time;
        return this;
    }

    /** The search's seed: each trial's parameters and training derive from it and the trial's number (0 by default). */
    public Tuner seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Keeps every finished trial in {@code folder} and resumes from the trials there. */
    public Tuner folder(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
        return this;
    }

    /** Shows nothing while the search runs (by default it shows one live output: the notebook's, or lines on the console). */
    public Tuner quiet() {
        this.quiet = true;
        return this;
    }

    /** Runs trials until the budget is spent, the sampler has nothing left, or the thread is interrupted. */
    public SearchResult search(TrialFunction function) {
        Objects.requireNonNull(function, "function");
        requireObjective();
        Mode resolved = mode.resolve(objective);
        TrialLog log = folder == null ? null : TrialLog.of(folder, space);
        List<Trial> finished = new ArrayList<>();
        Map<Integer, History> histories = new LinkedHashMap<>();
        if (log != null) {
            log.claim(settings(resolved));
            for (Trial trial : log.trials()) {
                finished.add(trial);
                log.history(trial.number()).ifPresent(history -> histories.put(trial.number(), history));
            }
        }
        SearchBudget budget = budget();
        SearchProgress progress = quiet ? SearchProgress.NONE : new SearchDisplay(LiveOutputs.create(), System::currentTimeMillis);
        progress.start(this, finished);
        try {
            SearchResult result = runTrials(function, resolved, budget, finished, histories, log, progress);
            progress.end(result);
            return result;
        } catch (RuntimeException | Error e) {
            progress.stopped(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    private SearchResult runTrials(TrialFunction function, Mode resolved, SearchBudget budget, List<Trial> finished,
                                   Map<Integer, History> histories, TrialLog log, SearchProgress progress) {
        TrialRunner runner = new TrialRunner(objective, resolved, epochs, pruner, seed,
                sampler.description() + ", " + pruner.description() + ", seed " + seed, folder);
        String endReason;
        int failuresInARow = 0;
        while (true) {
            Optional<String> exhausted = budget.exhausted(finished);
            if (exhausted.isPresent()) {
                endReason = exhausted.get();
                break;
            }
            int number = finished.size();
            Optional<Params> params = sampler.propose(space, number, finished, resolved, new Random(Seeds.derive(seed, number)));
            if (params.isEmpty()) {
                endReason = "tried all " + number + " combinations of the grid";
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new SearchInterruptedException(number, finished.size(), folder);
            }
            TrialRunner.Result result = runner.run(function, number, params.get(), budget.epochsFor(finished, epochs), histories,
                    progress.trialProgress(number, params.get()));
            finished.add(result.trial());
            if (result.history() != null) {
                histories.put(number, result.history());
            }
            if (log != null) {
                log.record(result.trial(), result.history(), result.card());
            }
            progress.trialEnd(result.trial(), finished);
            failuresInARow = result.trial().succeeded() ? 0 : failuresInARow + 1;
            if (failuresInARow == MAX_FAILURES_IN_A_ROW) {
                throw new IllegalStateException(MAX_FAILURES_IN_A_ROW + " trials in a row failed, the last with: " + result.trial().reason()
                        + ". A search goes on past a failed trial, but not past this many: fix the trial function and run the search again"
                        + (folder == null ? "" : " (the failed trials stay in " + folder + ")"));
            }
        }
        return new SearchResult(space, objective, resolved, finished, histories, endReason);
    }

    /**
     * Times {@value #ESTIMATE_STEPS} training steps (after {@value #ESTIMATE_WARM_UP} untimed ones) of
     * each of the search's first {@value #ESTIMATE_CONFIGURATIONS} configurations through {@code function},
     * and multiplies by the epochs the budget allows. Records nothing; the objective is checked as the
     * search checks it.
     */
    public SearchEstimate estimate(TrialFunction function) {
        Objects.requireNonNull(function, "function");
        requireObjective();
        Mode resolved = mode.resolve(objective);
        List<SearchEstimate.Measurement> measured = new ArrayList<>();
        for (int number = 0; number < ESTIMATE_CONFIGURATIONS; number++) {
            Optional<Params> params = sampler.propose(space, number, List.of(), resolved, new Random(Seeds.derive(seed, number)));
            if (params.isEmpty()) {
                break;
            }
            StepTimer timer = new StepTimer(ESTIMATE_WARM_UP, ESTIMATE_STEPS);
            SearchCallback callback = new SearchCallback(objective, resolved, number, epochs, Pruner.none(), Map.of());
            long trialSeed = Seeds.derive(seed, number);
            Seeds.seedEverything(trialSeed);
            try {
                function.train(new TrialRun(number, params.get(), trialSeed, epochs, TrainingProgress.none(), callback, timer));
            } catch (ObjectiveNotRecordedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("The estimate could not train trial " + number + " " + params.get() + ": " + TrialRunner.describe(e), e);
            }
            measured.add(new SearchEstimate.Measurement(params.get(), timer.secondsPerStep(), timer.batchesPerEpoch(), timer.parameters()));
        }
        SearchBudget budget = budget();
        double secondsPerEpoch = measured.stream().mapToDouble(SearchEstimate.Measurement::secondsPerEpoch).average().orElseThrow();
        int plannedEpochs;
        if (budget.epochs() != null) {
            plannedEpochs = budget.epochs();
        } else if (budget.trials() != null || sampler.limit(space).isPresent()) {
            int trialCount = Math.min(budget.trials() == null ? Integer.MAX_VALUE : budget.trials(),
                    sampler.limit(space).orElse(Integer.MAX_VALUE));
            plannedEpochs = trialCount * epochs;
        } else {
            plannedEpochs = (int) Math.ceil(budget.time().toMillis() / 1000.0 / secondsPerEpoch);
        }
        return new SearchEstimate(measured, plannedEpochs, !(pruner instanceof NoPruning) && budget.epochs() == null, budget.time());
    }

    private void requireObjective() {
        if (objective == null) {
            throw new IllegalStateException("The search needs an objective: add .objective(History.validation(\"accuracy\"), Mode.MAX) "
                    + "or another History column the trials record");
        }
    }

    private SearchBudget budget() {
        boolean anyBudget = trials != null || epochBudget != null || timeBudget != null;
        Integer trialLimit = trials;
        if (!anyBudget) {
            trialLimit = sampler.limit(space).isPresent() ? null : DEFAULT_TRIALS;
        }
        return new SearchBudget(trialLimit, epochBudget, timeBudget);
    }

    /** What a resumed search must share with the one that wrote its folder. */
    private Map<String, String> settings(Mode resolved) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("space", space.toString());
        settings.put("objective", objective + " (" + resolved + ")");
        settings.put("sampler", sampler.description());
        settings.put("pruner", pruner.description());
        settings.put("epochs", Integer.toString(epochs));
        settings.put("seed", Long.toString(seed));
        return settings;
    }

    SearchSpace space() {
        return space;
    }

    String description() {
        return sampler.description() + ", " + pruner.description() + ", up to " + epochs + " epochs a trial";
    }

    String objectiveName() {
        return objective;
    }

    Mode resolvedMode() {
        return mode.resolve(objective);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
        }
        return value;
    }
}
