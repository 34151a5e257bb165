package io.github.nbworkbench.kernel.channels;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.Loop;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that waits for requests with a blocking poll.
 *
 * <p>The base library's channel polls without waiting and then sleeps 50 ms, so every request
 * waits up to 50 ms before it is even read. Here the poll itself blocks until a message arrives
 * (or {@link #POLL_TIMEOUT_MS} passes, so that closing is noticed), which answers at once.
 *
 * <p>It also drops messages whose HMAC signature is wrong instead of letting the base library's
 * {@link SecurityException} end the channel's thread.
 */
final class ResponsiveShellChannel extends ShellChannel {
    private static final long POLL_TIMEOUT_MS = 100;

    private final JupyterConnection connection;
    private final String name;
    private volatile Loop loop;

    ResponsiveShellChannel(ZMQ.Context context, org.dflib.jjava.jupyter.messages.HMACGenerator hmac,
                           boolean isControl, JupyterConnection connection) {
        super(context, hmac, isControl, connection);
        this.connection = connection;
        this.name = isControl ? "control" : "shell";
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
        loop.start();
    }

    private void handleNextMessage() {
        Message<?> message;
        try {
            message = readMessage();
        } catch (SecurityException badSignature) {
            logger.warn("Ignored a message on the {} channel: {}", name, badSignature.getMessage());
            return;
        }
        dispatch(message);
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
        } catch (RuntimeException e) {
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
