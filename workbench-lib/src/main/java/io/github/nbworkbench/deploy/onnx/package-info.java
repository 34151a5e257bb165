/**
 * ONNX export of workbench models ({@link io.github.nbworkbench.deploy.onnx.OnnxExport}, with the
 * ONNX protobuf classes that ND4J ships) and ONNX Runtime inference on ND4J arrays
 * ({@link io.github.nbworkbench.deploy.onnx.OnnxRuntimeModel}, ONNX Runtime 1.10 through JavaCPP).
 */
package io.github.nbworkbench.deploy.onnx;
