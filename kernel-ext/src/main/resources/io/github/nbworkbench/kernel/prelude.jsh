// What %workbench imports: one line at the top of a notebook instead of an import block.
// Cells already have the kernel's defaults (java.io, java.math, java.net, java.nio.file, java.util
// and its concurrent, function, regex and stream packages). Add a line here to import more; a
// wildcard package whose simple names clash with another one's needs a single-type import that
// settles the clash (PreludeMagicTest lists any clash left).

// The workbench; profile(full, workshop, smoke) sizes a cell's work by WORKBENCH_PROFILE
import io.github.nbworkbench.augment.*;
import io.github.nbworkbench.compute.*;
import io.github.nbworkbench.data.*;
import io.github.nbworkbench.deploy.*;
import io.github.nbworkbench.deploy.graph.*;
import io.github.nbworkbench.deploy.onnx.*;
import io.github.nbworkbench.diagnose.*;
import io.github.nbworkbench.eval.*;
import io.github.nbworkbench.imbalance.*;
import io.github.nbworkbench.layers.*;
import io.github.nbworkbench.models.*;
import io.github.nbworkbench.plot.*;
import io.github.nbworkbench.progress.*;
import io.github.nbworkbench.results.*;
import io.github.nbworkbench.runtime.*;
import io.github.nbworkbench.text.*;
import io.github.nbworkbench.train.*;
import io.github.nbworkbench.tune.*;
import static io.github.nbworkbench.runtime.Profile.profile;

// Java
import java.time.*;
import java.nio.charset.StandardCharsets;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

// ND4J
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.*;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

// DL4J
import org.deeplearning4j.nn.conf.*;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.*;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;

// Tablesaw and XChart
import tech.tablesaw.api.*;
import org.knowm.xchart.*;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
