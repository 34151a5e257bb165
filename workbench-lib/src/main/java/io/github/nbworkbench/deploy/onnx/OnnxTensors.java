package io.github.nbworkbench.deploy.onnx;

import io.github.nbworkbench.files.LittleEndian;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import onnx.Onnx;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.protobuf.ByteString;

/** ONNX protobuf values from ND4J arrays: tensors as little-endian raw data, as the ONNX spec stores them. */
final class OnnxTensors {

    private OnnxTensors() {
    }

    static Onnx.TensorProto floats(String name, INDArray values) {
        float[] data = values.castTo(DataType.FLOAT).dup('c').data().asFloat();
        return Onnx.TensorProto.newBuilder()
                .setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT_VALUE)
                .addAllDims(dims(values.shape()))
                .setRawData(ByteString.copyFrom(LittleEndian.floats(data)))
                .build();
    }

    /** A float tensor of {@code shape} ({@code []} for a scalar) from {@code values} in C order. */
    static Onnx.TensorProto floats(String name, long[] shape, float... values) {
        return tensor(name, Onnx.TensorProto.DataType.FLOAT_VALUE, shape, LittleEndian.floats(values));
    }

    static Onnx.TensorProto int8s(String name, long[] shape, byte... values) {
        return tensor(name, Onnx.TensorProto.DataType.INT8_VALUE, shape, values);
    }

    static Onnx.TensorProto uint8s(String name, long[] shape, byte... values) {
        return tensor(name, Onnx.TensorProto.DataType.UINT8_VALUE, shape, values);
    }

    static Onnx.TensorProto int32s(String name, long[] shape, int... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        return tensor(name, Onnx.TensorProto.DataType.INT32_VALUE, shape, bytes.array());
    }

    private static Onnx.TensorProto tensor(String name, int dataType, long[] shape, byte[] rawData) {
        return Onnx.TensorProto.newBuilder()
                .setName(name)
                .setDataType(dataType)
                .addAllDims(dims(shape))
                .setRawData(ByteString.copyFrom(rawData))
                .build();
    }

    static Onnx.TensorProto longs(String name, long... values) {
        return Onnx.TensorProto.newBuilder()
                .setName(name)
                .setDataType(Onnx.TensorProto.DataType.INT64_VALUE)
                .addDims(values.length)
                .setRawData(ByteString.copyFrom(LittleEndian.longs(values)))
                .build();
    }

    /** A float tensor of {@code shape} after a free batch axis named "batch". */
    static Onnx.ValueInfoProto floatValueInfo(String name, long[] shape) {
        Onnx.TensorShapeProto.Builder dims = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (long size : shape) {
            dims.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(size));
        }
        return Onnx.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(
                        Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT_VALUE).setShape(dims)))
                .build();
    }

    private static Iterable<Long> dims(long[] shape) {
        return java.util.Arrays.stream(shape).boxed().toList();
    }
}
