package io.github.nbworkbench.kernel.channels;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * The kernel's Jupyter connection, with {@link ResponsiveShellChannel}s in place of the base
 * library's shell and control channels. Heartbeat, IOPub and stdin are the base library's own.
 */
public final class ResponsiveConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context requestContext = ZMQ.context(1);
    private final ResponsiveShellChannel shellChannel;
    private final ResponsiveShellChannel controlChannel;

    public ResponsiveConnection(KernelConnectionProperties properties)
            throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        HMACGenerator hmac = properties.createHMACGenerator();
        this.shellChannel = new ResponsiveShellChannel(requestContext, hmac, false, this);
        this.controlChannel = new ResponsiveShellChannel(requestContext, hmac, true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        iopub.bind(properties);
        stdin.bind(properties);
        shellChannel.bind(properties);
        controlChannel.bind(properties);
    }

    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        super.close();
        requestContext.close();
    }

    @Override
    public void waitUntilClose() {
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
        heartbeat.waitUntilClose();
    }
}
