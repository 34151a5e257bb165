package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.CellMagic;

import java.util.List;
import java.util.Locale;

/** {@code %%time}: runs the rest of the cell and prints its wall-clock time; the cell's value is kept. */
final class TimeMagic implements CellMagic<Object, BaseKernel> {
    @Override
    public Object eval(BaseKernel kernel, List<String> args, String body) {
        long start = System.nanoTime();
        try {
            return kernel.evalRaw(body);
        } finally {
            System.out.println(format(System.nanoTime() - start));
        }
    }

    static String format(long nanos) {
        double seconds = nanos / 1e9;
        return seconds < 1 ? String.format(Locale.ROOT, "Wall time: %.1f ms", seconds * 1000)
                : String.format(Locale.ROOT, "Wall time: %.2f s", seconds);
    }
}
