package io.github.nbworkbench.layers;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Named c-ordered arrays outside any workspace, kept from one call to the next while their type
 * and shape stay the same: allocating (and first touching) tens of megabytes per batch cost more
 * than a quarter of a training step. An array's contents are whatever the last user left.
 */
final class ScratchArrays {

    private final Map<String, INDArray> arrays = new HashMap<>();

    /** The array called {@code name} with this type and shape, uninitialized. */
    INDArray get(String name, DataType type, long... shape) {
        INDArray array = arrays.get(name);
        if (array == null || array.dataType() != type || !Arrays.equals(array.shape(), shape)) {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                array = Nd4j.createUninitialized(type, shape, 'c');
            }
            arrays.put(name, array);
        }
        return array;
    }
}
