package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** The feed-forward activations transformers' ACT2FN offers for Marian configs. */
enum Activation {
  SWISH(x -> x.mul(x.getNDArrayInternal().sigmoid())),
  GELU(x -> x.getNDArrayInternal().gelu()),
  RELU(x -> x.getNDArrayInternal().relu()),
  TANH(NDArray::tanh),
  SIGMOID(x -> x.getNDArrayInternal().sigmoid());

  private final UnaryOperator<NDArray> fn;

  Activation(UnaryOperator<NDArray> fn) {
    this.fn = fn;
  }

  NDArray apply(NDArray x) {
    return fn.apply(x);
  }

  static Activation of(String name, String source) throws IOException {
    switch (name) {
      case "swish":
      case "silu":
        return SWISH;
      case "gelu":
        return GELU;
      case "relu":
        return RELU;
      case "tanh":
        return TANH;
      case "sigmoid":
        return SIGMOID;
      default:
        throw new IOException(
            source + ": activation_function '" + name + "' is not supported (swish, silu, gelu, relu, tanh)");
    }
  }
}
