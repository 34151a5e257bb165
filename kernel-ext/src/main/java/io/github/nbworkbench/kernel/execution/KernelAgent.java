package io.github.nbworkbench.kernel.execution;

import java.lang.instrument.Instrumentation;
import java.util.Optional;

/**
 * The kernel jar is also a Java agent ({@code -javaagent:workbench-kernel.jar} in the kernelspec),
 * only to get the JVM's {@link Instrumentation}. With it, JShell can redefine a snippet's class in
 * place when a later cell (an import, say) makes it recompile, and the variables in that class keep
 * their values, as in the jshell tool. Without the agent such variables are reset to null.
 */
public final class KernelAgent {
    private static volatile Instrumentation instrumentation;

    private KernelAgent() {
    }

    public static void premain(String arguments, Instrumentation jvm) {
        instrumentation = jvm;
    }

    static Optional<Instrumentation> instrumentation() {
        return Optional.ofNullable(instrumentation).filter(Instrumentation::isRedefineClassesSupported);
    }
}
