package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;

import java.util.List;
import java.util.Map;

/** An execute_reply that carries pages for the frontend's pager (text shown beside the notebook). */
final class ExecuteReplyWithPayload extends ExecuteReply {
    @SuppressWarnings("unused") // serialized into the reply
    private final List<Map<String, Object>> payload;

    ExecuteReplyWithPayload(int executionCount, List<String> pages) {
        super(executionCount, Map.of());
        this.payload = pages.stream()
                .map(page -> Map.<String, Object>of("source", "page", "data", Map.of("text/plain", page), "start", 0))
                .toList();
    }
}
