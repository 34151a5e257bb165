package io.github.nbworkbench.kernel.execution;

import jdk.jshell.JShell;
import jdk.jshell.VarSnippet;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs JShell snippets in the kernel's own JVM, each on a fresh thread, and keeps the real value
 * object of each snippet so the kernel can render it (JShell itself only passes strings on).
 *
 * <p>{@link #stop()} interrupts the snippet's thread and, if that does not end it (a busy loop
 * ignores interrupts), stops the thread. Unlike JShell's own local engine, a cell does not wait
 * for threads that the user's code started in the background.
 */
final class InProcessExecutionControl extends DirectExecutionControl {
    private static final long GRACE_AFTER_INTERRUPT_MS = 200;

    private final CellClassLoader classLoader;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private final ThreadGroup cellThreads = new ThreadGroup("notebook cells");
    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile boolean timedOut;
    private volatile Throwable answerToStop;
    private volatile Duration runTimeLimit = Duration.ZERO;
    private volatile Throwable lastThrown;
    private volatile boolean rawVariableValues;

    InProcessExecutionControl(CellClassLoader classLoader) {
        super(new CellLoaderDelegate(classLoader));
        this.classLoader = classLoader;
    }

    /** The value a snippet produced, looked up by the key JShell reported as the snippet's value. */
    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    /** The value object of a variable (JShell itself only gives its text), or null. */
    Object variableValue(JShell shell, VarSnippet variable) {
        rawVariableValues = true;
        try {
            Object value = takeValue(shell.varValue(variable));
            return value == NullValue.INSTANCE ? null : value;
        } catch (IllegalArgumentException | IllegalStateException notValid) {
            return null;
        } finally {
            rawVariableValues = false;
        }
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        if (!rawVariableValues) {
            return super.varValue(className, varName);
        }
        try {
            Field variable = findClass(className).getDeclaredField(varName);
            variable.setAccessible(true);
            String key = "value-" + nextKey.incrementAndGet();
            Object value = variable.get(null);
            values.put(key, value == null ? NullValue.INSTANCE : value);
            return key;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InternalException("Could not read the variable " + varName + ": " + e);
        }
    }

    void clearValues() {
        values.clear();
        lastThrown = null;
    }

    /** What the most recent failing snippet threw, the real object (JShell passes on names and messages only). */
    Throwable takeThrown() {
        Throwable thrown = lastThrown;
        lastThrown = null;
        return thrown;
    }

    void limitRunTime(Duration limit) {
        runTimeLimit = limit;
    }

    Duration runTimeLimit() {
        return runTimeLimit;
    }

    /** Forgets that an earlier run was stopped, before a snippet that may run nothing (a declaration). */
    void forgetStop() {
        stopRequested = false;
        timedOut = false;
        answerToStop = null;
    }

    /** Whether the most recent snippet ran past the run-time limit and was stopped. */
    boolean lastSnippetTimedOut() {
        return timedOut;
    }

    /**
     * What the most recent snippet threw of its own accord after {@link #stop()} interrupted it, such
     * as a library's exception saying what it kept; empty when it was killed, or threw only an
     * InterruptedException (which says nothing the interrupt message does not).
     */
    Optional<Throwable> lastAnswerToStop() {
        return Optional.ofNullable(answerToStop);
    }

    /** Whether the most recent snippet was ended by {@link #stop()}. */
    boolean lastSnippetWasStopped() {
        return stopRequested;
    }

    /** Whether the current thread runs a cell's code or was started by it. */
    boolean isCellThread(Thread thread) {
        return cellThreads.parentOf(thread.getThreadGroup());
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object result = runOnCellThread(() -> doitMethod.invoke(null));
        String key = "value-" + nextKey.incrementAndGet();
        values.put(key, result == null ? NullValue.INSTANCE : result);
        return key;
    }

    /**
     * Runs work on a new cell thread and waits for it; {@link #stop()} and the run-time limit end
     * it. What the work throws (unwrapped from an {@link InvocationTargetException} of reflection)
     * comes back as the cause of an InvocationTargetException.
     */
    <T> T runOnCellThread(Callable<T> work) throws StoppedException, InvocationTargetException {
        List<T> result = new ArrayList<>(1);
        Throwable[] failure = new Throwable[1];
        Thread cell = new Thread(cellThreads, () -> {
            try {
                result.add(work.call());
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "notebook-cell");
        cell.setContextClassLoader(classLoader);
        stopRequested = false;
        timedOut = false;
        running = cell;
        try {
            cell.start();
            cell.join(runTimeLimit.toMillis());
            if (cell.isAlive()) {
                timedOut = true;
                stop();
                cell.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        } finally {
            running = null;
        }
        if (stopRequested || failure[0] instanceof ThreadDeath) {
            boolean ownAnswer = stopRequested && failure[0] != null && !(failure[0] instanceof ThreadDeath)
                    && !(failure[0] instanceof InterruptedException);
            answerToStop = ownAnswer ? failure[0] : null;
            throw new StoppedException();
        }
        if (failure[0] != null) {
            throw new InvocationTargetException(failure[0]);
        }
        return result.get(0);
    }

    /**
     * Keeps the real exception, and passes JShell one exception per cause and suppressed exception
     * so that it translates the frames of each to snippet lines.
     */
    @Override
    protected String throwConvertedInvocationException(Throwable thrown) throws RunException, InternalException {
        if (thrown instanceof SPIResolutionException) {
            return super.throwConvertedInvocationException(thrown);
        }
        lastThrown = thrown;
        throw UserStackTrace.chainForJShell(thrown);
    }

    /**
     * Redefines snippet classes in place, keeping their static fields (the notebook's variables),
     * when the kernel runs with its agent; otherwise, or when a class changed its fields or methods,
     * JShell falls back to loading a new class and resets the variables in it.
     */
    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException {
        Instrumentation jvm = KernelAgent.instrumentation()
                .orElseThrow(() -> new NotImplementedException("redefining classes needs the kernel's -javaagent"));
        ClassDefinition[] definitions = new ClassDefinition[classes.length];
        try {
            for (int i = 0; i < classes.length; i++) {
                definitions[i] = new ClassDefinition(findClass(classes[i].name()), classes[i].bytecodes());
            }
            jvm.redefineClasses(definitions);
        } catch (ClassNotFoundException | UnmodifiableClassException | UnsupportedOperationException | LinkageError e) {
            throw new ClassInstallException("Could not redefine the snippet classes in place: " + e, new boolean[classes.length]);
        }
        classLoader.redeclare(classes);
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread cell = running;
        if (cell == null) {
            return;
        }
        stopRequested = true;
        cell.interrupt();
        try {
            cell.join(GRACE_AFTER_INTERRUPT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cell.isAlive()) {
            try {
                cell.stop();
            } catch (UnsupportedOperationException noThreadStop) {
                // Java 20+ cannot stop a thread; the interrupt above is all that can be done there.
            }
        }
    }

    /** Marks a snippet whose value is {@code null}, since the value map cannot hold null. */
    enum NullValue { INSTANCE }
}
