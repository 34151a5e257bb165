package io.github.nbworkbench.kernel.render;

import java.lang.reflect.Array;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A Java array as text, in jshell's notation ({@code String[3] { "a", "b", "c" }}, nested arrays
 * likewise) instead of {@code [Ljava.lang.String;@5035d388}. Large arrays are shortened as numpy does:
 * past {@value #SUMMARY_THRESHOLD} elements in all, each dimension shows its first and last
 * {@value #EDGE_ITEMS} elements around "...".
 */
final class JavaArrayText {
    static final int SUMMARY_THRESHOLD = 1000;
    static final int EDGE_ITEMS = 3;

    private final boolean summarize;
    private final Set<Object> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder text = new StringBuilder();

    private JavaArrayText(boolean summarize) {
        this.summarize = summarize;
    }

    static String of(Object array) {
        JavaArrayText writer = new JavaArrayText(elementCount(array, SUMMARY_THRESHOLD + 1) > SUMMARY_THRESHOLD);
        writer.array(array);
        return writer.text.toString();
    }

    private void array(Object array) {
        int length = Array.getLength(array);
        text.append(typeName(array.getClass(), length));
        if (!open.add(array)) {
            text.append(" { ... }"); // the array contains itself
            return;
        }
        text.append(" {");
        for (int i = 0; i < length; i++) {
            if (summarize && length > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                text.append(" ...,");
                i = length - EDGE_ITEMS;
            }
            text.append(' ');
            element(Array.get(array, i));
            text.append(i < length - 1 ? "," : "");
        }
        text.append(length == 0 ? "}" : " }");
        open.remove(array);
    }

    private void element(Object value) {
        if (value == null) {
            text.append("null");
        } else if (value.getClass().isArray()) {
            array(value);
        } else if (value instanceof CharSequence chars) {
            text.append('"').append(escaped(chars.toString())).append('"');
        } else if (value instanceof Character c) {
            text.append('\'').append(escaped(c.toString()).replace("'", "\\'")).append('\'');
        } else {
            text.append(value);
        }
    }

    private static String typeName(Class<?> type, int length) {
        int dimensions = 0;
        Class<?> base = type;
        while (base.isArray()) {
            base = base.getComponentType();
            dimensions++;
        }
        return base.getSimpleName() + "[" + length + "]" + "[]".repeat(dimensions - 1);
    }

    /** How many elements the array holds, nested ones included, counting no further than {@code limit}. */
    private static long elementCount(Object array, long limit) {
        int length = Array.getLength(array);
        long count = length;
        if (!array.getClass().getComponentType().isPrimitive()) {
            for (int i = 0; i < length && count <= limit; i++) {
                Object element = Array.get(array, i);
                if (element != null && element.getClass().isArray() && element != array) {
                    count += elementCount(element, limit - count);
                }
            }
        }
        return count;
    }

    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
                .replace("\"", "\\\"");
    }
}
