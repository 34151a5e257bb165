/**
 * Language modelling on text: corpora ({@link io.github.nbworkbench.text.StateOfTheUnion},
 * {@link io.github.nbworkbench.text.KingJamesBible}, any UTF-8 file through
 * {@link io.github.nbworkbench.text.Corpus#load}), character and word vocabularies, windows for
 * next-token prediction ({@link io.github.nbworkbench.text.TextSequences}), sampling strategies and
 * beam search ({@link io.github.nbworkbench.text.TextGenerator}), a per-epoch sample callback, and
 * a model file that keeps the network and its vocabulary together
 * ({@link io.github.nbworkbench.text.LanguageModel}). Build the network with
 * {@link io.github.nbworkbench.models.Rnns#charLstm()}.
 */
package io.github.nbworkbench.text;
