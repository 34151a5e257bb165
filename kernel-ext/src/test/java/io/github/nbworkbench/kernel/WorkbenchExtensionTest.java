package io.github.nbworkbench.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension found through META-INF/services extends a kernel that is not ours, as in a stock JJava kernel. */
class WorkbenchExtensionTest {
    @Test
    void aForeignKernelGetsTheMagicsAndRenderersFromTheServiceListing() {
        ForeignKernel kernel = new ForeignKernel();
        kernel.installExtensionsFromClasspath();

        assertTrue(kernel.getMagicsRegistry().getLineMagicNames().containsAll(
                List.of("maven", "jars", "classpath", "load", "lsmagic")));
        assertTrue(kernel.getMagicsRegistry().getCellMagicNames().contains("time"));

        DisplayData table = kernel.getRenderer().render(Table.create("t", IntColumn.create("n", 1, 2)));
        assertTrue(String.valueOf(table.getData(MIMEType.TEXT_HTML)).contains("<table"));
        assertTrue(table.hasDataForType(MIMEType.TEXT_PLAIN));

        XYChart chart = new XYChartBuilder().width(200).height(100).title("c").build();
        chart.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        DisplayData image = kernel.getRenderer().render(chart);
        assertTrue(String.valueOf(image.getData(MIMEType.IMAGE_PNG)).startsWith("iVBOR"), "a base64 PNG");
    }

    private static final class ForeignKernel extends BaseKernel {
        ForeignKernel() {
            super("foreign", "1", new LanguageInfo("java", "17", "text/x-java-source", ".java", "java", "java", "script"),
                    List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                    new MagicParser("(?<=(?:^|=))\\s*%", "%%", new MagicTranspiler()), new MagicsRegistry(), true,
                    new StringStyler("", "", "", n -> ""));
        }

        void installExtensionsFromClasspath() {
            installExtensions(getClass().getClassLoader());
        }

        @Override
        public Object evalRaw(String code) {
            return null;
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_MAYBE;
        }
    }
}
