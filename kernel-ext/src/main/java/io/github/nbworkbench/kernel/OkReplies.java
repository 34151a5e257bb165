package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.ShutdownReply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replies that carry the {@code "status": "ok"} the messaging protocol requires of every reply,
 * which the base library's versions of these replies leave out.
 */
final class OkReplies {
    private OkReplies() {
    }

    static final class Interrupt extends InterruptReply {
        @SuppressWarnings("unused") // serialized into the reply
        private final String status = "ok";
    }

    /**
     * Stands in for the base library's HistoryReply, whose entries go out as JSON objects; the
     * protocol wants tuples: (session, line, input) or (session, line, (input, output)).
     */
    static final class History implements ContentType<HistoryReply> {
        @SuppressWarnings("unused") // serialized into the reply
        private final String status = "ok";
        @SuppressWarnings("unused") // serialized into the reply
        private final List<List<Object>> history;

        History(List<HistoryEntry> entries) {
            this.history = entries.stream()
                    .map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                            e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()))
                    .toList();
        }

        @Override
        public MessageType<HistoryReply> getType() {
            return HistoryReply.MESSAGE_TYPE;
        }
    }

    static final class CommInfo extends CommInfoReply {
        @SuppressWarnings("unused") // serialized into the reply
        private final String status = "ok";

        CommInfo(CommManager comms, String targetName) {
            super(openComms(comms, targetName));
        }

        private static Map<String, CommInfoReply.CommInfo> openComms(CommManager comms, String targetName) {
            Map<String, CommInfoReply.CommInfo> open = new LinkedHashMap<>();
            for (Comm comm : comms) {
                if (targetName == null || targetName.equals(comm.getTargetName())) {
                    open.put(comm.getID(), new CommInfoReply.CommInfo(comm.getTargetName()));
                }
            }
            return open;
        }
    }

    /** The base library's ShutdownReply cannot be extended (its constructor is private), so this stands in for it. */
    static final class Shutdown implements ContentType<ShutdownReply> {
        @SuppressWarnings("unused") // serialized into the reply
        private final String status = "ok";
        @SuppressWarnings("unused") // serialized into the reply
        private final boolean restart;

        Shutdown(boolean restart) {
            this.restart = restart;
        }

        @Override
        public MessageType<ShutdownReply> getType() {
            return ShutdownReply.MESSAGE_TYPE;
        }
    }
}
