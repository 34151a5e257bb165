package io.github.nbworkbench.kernel.magic;

import io.github.nbworkbench.kernel.WorkbenchKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;

import java.util.List;

/** {@code %doc Math.abs}: the signature and javadoc of a class, method or variable, in Jupyter's pager. */
final class DocMagic implements LineMagic<Void, BaseKernel> {
    @Override
    public Void eval(BaseKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new MagicException("%doc needs a name, for example %doc Math.abs or %doc java.util.List");
        }
        String code = String.join(" ", args);
        DisplayData docs = kernel.inspect(code, code.length(), true);
        if (docs == null) {
            throw new MagicException("%doc: nothing is known about '" + code + "'. Check the spelling and the imports.");
        }
        String text = String.valueOf(docs.getData(MIMEType.TEXT_PLAIN));
        if (kernel instanceof WorkbenchKernel workbench) {
            workbench.page(text);
        } else {
            System.out.println(text);
        }
        return null;
    }
}
