package io.github.nbworkbench.kernel.execution;

import org.junit.jupiter.api.Test;

import javax.tools.StandardJavaFileManager;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexKeepingFileManagerTest {
    private final List<String> passedOn = new ArrayList<>();
    private final IndexKeepingFileManager fileManager = new IndexKeepingFileManager(recordingOptions());

    @Test
    void aRepeatedMultiReleaseOptionWithTheSameValueIsNotPassedOn() {
        assertTrue(handle("--multi-release", "17"));
        assertTrue(handle("--multi-release", "17"));
        assertTrue(handle("--multi-release", "17"));
        assertEquals(List.of("--multi-release 17"), passedOn);
    }

    @Test
    void aChangedValueAndOtherOptionsArePassedOn() {
        handle("--multi-release", "17");
        handle("--multi-release", "11");
        handle("-classpath", "a.jar");
        handle("-classpath", "a.jar");
        assertEquals(List.of("--multi-release 17", "--multi-release 11", "-classpath a.jar", "-classpath a.jar"), passedOn);
    }

    private boolean handle(String option, String value) {
        Iterator<String> remaining = List.of(value).iterator();
        boolean handled = fileManager.handleOption(option, remaining);
        assertTrue(!remaining.hasNext(), "the option's value is consumed");
        return handled;
    }

    /** A file manager that records the options it is given and consumes their value. */
    private StandardJavaFileManager recordingOptions() {
        return (StandardJavaFileManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StandardJavaFileManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("handleOption")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    @SuppressWarnings("unchecked")
                    Iterator<String> remaining = (Iterator<String>) args[1];
                    passedOn.add(args[0] + " " + remaining.next());
                    return true;
                });
    }
}
