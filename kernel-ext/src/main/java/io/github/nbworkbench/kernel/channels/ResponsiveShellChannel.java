package io.github.nbworkbench.kernel.channels;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;

/**
 * A shell or control channel that waits for requests with a blocking poll.
 *
 * <p>The base library's channel polls without waiting and then sleeps 50 ms, so every request
 * waits up to 50 ms before it is even read. Here the poll itself blocks until a message arrives
 * (or {@link #POLL_TIMEOUT_MS} passes, so that closing is noticed), which answers at once.
 *
 * <p>It reads whole multipart messages and serves or refuses each one (see {@link RequestDecoder}):
 * a message with a wrong or replayed signature is dropped, a signed one that is not a valid request
 * gets an error reply when its header says what to reply; the channel's thread survives all of them.
 */
final class ResponsiveShellChannel extends ShellChannel {
    private static final long POLL_TIMEOUT_MS = 100;

    private final JupyterConnection connection;
    private final String name;
    private final RequestDecoder decoder;
    private volatile Loop loop;

    ResponsiveShellChannel(ZMQ.Context context, org.dflib.jjava.jupyter.messages.HMACGenerator hmac,
                           boolean isControl, JupyterConnection connection) {
        super(context, hmac, isControl, connection);
        this.connection = connection;
        this.name = isControl ? "control" : "shell";
        this.decoder = new RequestDecoder(hmac);
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) {
            throw new IllegalStateException("The " + name + " channel is already bound");
        }
        int port = name.equals("control") ? properties.getControlPort() : properties.getShellPort();
        super.bind(formatAddress(properties.getTransport(), properties.getIp(), port));

        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        loop = new Loop("workbench-" + name, 0, () -> {
            if (poller.poll(POLL_TIMEOUT_MS) > 0) {
                handleNextMessage();
            }
        });
        loop.onClose(() -> logger.debug("{} channel closed", name));
        loop.onError(error -> {
            logger.warn("The {} channel recovered from: {}", name, error.toString());
            return 0;
        });
        loop.start();
    }

    private void handleNextMessage() {
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(recv());
        } while (hasReceiveMore());
        RequestDecoder.Decoded decoded = decoder.decode(frames);
        if (decoded instanceof RequestDecoder.Request request) {
            dispatch(request.message());
        } else if (decoded instanceof RequestDecoder.Rejected rejected) {
            logger.warn("Ignored a message on the {} channel: {}", name, rejected.reason());
            if (rejected.sender() != null) {
                replyError(rejected.sender(), rejected.reason());
            }
        }
    }

    /** Tells the sender of a request that could not be read why, in the reply type it waits for. */
    private void replyError(MessageContext sender, String reason) {
        String requestType = sender.getHeader().getType().getName();
        MessageType<?> replyType = MessageType.getType(requestType.replaceFirst("_request$", "_reply"));
        if (!requestType.endsWith("_request") || replyType == MessageType.UNKNOWN) {
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, sender);
        env.setBusyDeferIdle();
        env.replyError(replyType.error(), new ErrorReply("InvalidRequest", reason, List.of()));
        env.resolveDeferrals();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message message) {
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = connection.getHandler(type);
        if (handler == null) {
            logger.warn("Unhandled message on the {} channel: {}", name, type.getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            logger.warn("Failed to handle {}: {}", type.getName(), e.toString());
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    @Override
    public void close() {
        Loop current = loop;
        if (current != null) {
            current.shutdown();
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Loop current = loop;
        if (current != null) {
            try {
                current.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
