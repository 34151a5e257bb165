package io.github.nbworkbench.tune;

import io.github.nbworkbench.progress.TrainingProgress;
import java.util.List;

/** What a search shows while it runs: its start, each trial's training and end, and its result. */
interface SearchProgress {

    SearchProgress NONE = new SearchProgress() {
        @Override
        public void start(Tuner tuner, List<Trial> resumed) {
        }

        @Override
        public TrainingProgress trialProgress(int number, Params params) {
            return TrainingProgress.none();
        }

        @Override
        public void trialEnd(Trial trial, List<Trial> finished) {
        }

        @Override
        public void end(SearchResult result) {
        }

        @Override
        public void stopped(String why) {
        }
    };

    /** Before the first trial; {@code resumed} are the trials read back from the search's folder. */
    void start(Tuner tuner, List<Trial> resumed);

    /** The display of trial {@code number}'s training. */
    TrainingProgress trialProgress(int number, Params params);

    void trialEnd(Trial trial, List<Trial> finished);

    void end(SearchResult result);

    /** The search ended with an exception (an interrupt, a refused objective, too many failed trials); {@code why} is its message. */
    void stopped(String why);
}
