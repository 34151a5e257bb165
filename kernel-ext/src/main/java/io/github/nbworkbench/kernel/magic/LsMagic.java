package io.github.nbworkbench.kernel.magic;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.util.List;
import java.util.TreeSet;

/** {@code %lsmagic}: lists the line and cell magics this kernel knows. */
final class LsMagic implements LineMagic<String, BaseKernel> {
    @Override
    public String eval(BaseKernel kernel, List<String> args) {
        return "Line magics: %" + String.join("  %", new TreeSet<>(kernel.getMagicsRegistry().getLineMagicNames()))
                + "\nCell magics: %%" + String.join("  %%", new TreeSet<>(kernel.getMagicsRegistry().getCellMagicNames()));
    }
}
