package io.github.nbworkbench.kernel.channels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signatures of the most recent requests, to refuse a request whose signed frames are sent
 * again (a replay), as jupyter_client's session does with its digest history.
 */
final class RecentSignatures {
    private final Map<String, Boolean> seen;

    RecentSignatures(int remembered) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        };
    }

    /** Remembers the signature; false when it was seen before. */
    synchronized boolean firstTime(String signature) {
        return seen.putIfAbsent(signature, Boolean.TRUE) == null;
    }
}
