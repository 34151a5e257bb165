package io.github.nbworkbench.kernel;

import io.github.nbworkbench.kernel.channels.ResponsiveConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;

/** Starts the kernel: {@code java -cp workbench-kernel.jar:lib/* io.github.nbworkbench.kernel.KernelMain CONNECTION_FILE}. */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: java -cp workbench-kernel.jar:lib/* " + KernelMain.class.getName() + " CONNECTION_FILE");
            System.exit(2);
        }
        KernelLogging.quiet();
        Path connectionFile = Path.of(args[0]);
        if (!Files.isRegularFile(connectionFile)) {
            System.err.println("No connection file at " + connectionFile.toAbsolutePath()
                    + ". Jupyter passes it when it starts the kernel; start the kernel from Jupyter.");
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(connectionFile));

        // ZeroMQ's and the signature's set-up take about as long as JShell's: on another thread meanwhile
        CompletableFuture<ResponsiveConnection> opening = CompletableFuture.supplyAsync(() -> open(properties));
        PrintStream console = System.err;
        IJavaSettings settings = IJavaSettings.from(System.getenv());
        WorkbenchKernel kernel = new WorkbenchKernelBuilder(console, settings).build();
        if (!kernel.guardAgainstExit()) {
            console.println("System.exit in a cell will end this kernel, and Jupyter restarts it: the guard needs the kernel "
                    + "jar as -javaagent with its -boot.jar beside it, as the kernelspec starts it.");
        }
        ResponsiveConnection connection = opening.join();
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        kernel.prepareCells(WorkbenchKernelBuilder.STARTUP_IMPORTS, settings.startupScripts(), console);
        connection.waitUntilClose();
        System.exit(0);
    }

    private static ResponsiveConnection open(KernelConnectionProperties properties) {
        try {
            return new ResponsiveConnection(properties);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign messages as the connection file asks (signature_scheme "
                    + properties.getSignatureScheme() + "): " + e.getMessage(), e);
        }
    }
}
