package io.github.nbworkbench.kernel.execution;

import io.github.nbworkbench.kernel.boot.ExitHook;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code System.exit} (and {@code Runtime.exit/halt}) in a notebook cell into an error for
 * that cell, so the kernel and every variable in it survive. Exits from other threads than cells'
 * (the kernel's own shutdown) go through.
 *
 * <p>The JVM's own hook for this, a SecurityManager, is deprecated on Java 17 and printed four
 * lines of warnings at every kernel start (System.setSecurityManager prints them to the JVM's
 * original stderr, whatever System.err is). Instead the kernel's Java agent rewrites
 * {@code Runtime.exit} and {@code Runtime.halt} to call {@link ExitHook} first. Without the agent
 * (a kernel started without the kernelspec's -javaagent) there is no guard, and an exiting cell
 * ends the kernel, which Jupyter restarts.
 */
final class ExitGuard {
    private static final Set<String> GUARDED_METHODS = Set.of("exit(I)V", "halt(I)V");

    private ExitGuard() {
    }

    static boolean install(InProcessExecutionControl cells) {
        Optional<Instrumentation> agent = KernelAgent.instrumentation().filter(Instrumentation::isRetransformClassesSupported);
        if (agent.isEmpty() || ExitHook.class.getClassLoader() != null) {
            return false; // no agent, or ExitHook is not on the bootstrap class path where Runtime can see it
        }
        ExitHook.install(status -> {
            if (cells.isCellThread(Thread.currentThread())) {
                throw new SecurityException("System.exit(" + status + ") was called in a cell. The kernel keeps "
                        + "running with all its state; to restart it use Kernel > Restart in Jupyter.");
            }
        });
        RuntimeRewriter rewriter = new RuntimeRewriter();
        Instrumentation jvm = agent.get();
        jvm.addTransformer(rewriter, true);
        try {
            jvm.retransformClasses(Runtime.class);
        } catch (UnmodifiableClassException | RuntimeException e) {
            return false;
        } finally {
            jvm.removeTransformer(rewriter);
        }
        return rewriter.rewritten;
    }

    /** Puts {@code ExitHook.beforeExit(status)} at the start of Runtime.exit(int) and Runtime.halt(int). */
    private static final class RuntimeRewriter implements ClassFileTransformer {
        private static final String HOOK = Type.getInternalName(ExitHook.class);
        private volatile boolean rewritten;

        @Override
        public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                                ProtectionDomain domain, byte[] classBytes) {
            if (classBeingRedefined != Runtime.class) {
                return null;
            }
            ClassReader reader = new ClassReader(classBytes);
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                    if (!GUARDED_METHODS.contains(name + descriptor)) {
                        return method;
                    }
                    return new MethodVisitor(Opcodes.ASM9, method) {
                        @Override
                        public void visitCode() {
                            super.visitCode();
                            visitVarInsn(Opcodes.ILOAD, 1);
                            visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "beforeExit", "(I)V", false);
                            rewritten = true;
                        }
                    };
                }
            }, 0);
            return writer.toByteArray();
        }
    }
}
