package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
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

    static final class History extends HistoryReply {
        @SuppressWarnings("unused") // serialized into the reply
        private final String status = "ok";

        History() {
            super(List.of());
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
