package io.github.nbworkbench.kernel.execution;

import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/** Hands JShell the one {@link InProcessExecutionControl} that the kernel keeps a reference to. */
final class InProcessExecutionProvider implements ExecutionControlProvider {
    private final InProcessExecutionControl control;

    InProcessExecutionProvider(InProcessExecutionControl control) {
        this.control = control;
    }

    @Override
    public String name() {
        return "workbench-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        return control;
    }
}
