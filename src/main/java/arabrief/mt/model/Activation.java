package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** The feed-forward activations transformers' ACT2FN offers for Marian configs. */
enum Activation {
  SWISH(x -> x.mul(x.getNDArrayInternal().sigmoid())),
  GELU(x -> x.getNDArrayInternal().gelu()),
  /** gelu_new, gelu_fast, gelu_pytorch_tanh, gelu_python_tanh: the tanh approximation, one formula. */
  GELU_TANH(x -> x.mul(x.pow(3).muli(0.044715f).addi(x).muli((float) Math.sqrt(2 / Math.PI)).tanh().addi(1f))
      .muli(0.5f)),
  /** gelu_10: exact GELU clipped to [-10, 10] (ClippedGELUActivation). */
  GELU_10(x -> x.getNDArrayInternal().gelu().clip(-10, 10)),
  QUICK_GELU(x -> x.mul(x.mul(1.702f).getNDArrayInternal().sigmoid())),
  RELU(x -> x.getNDArrayInternal().relu()),
  RELU2(x -> {
    NDArray r = x.getNDArrayInternal().relu();
    return r.mul(r);
  }),
  RELU6(x -> x.clip(0, 6)),
  LEAKY_RELU(x -> x.getNDArrayInternal().leakyRelu(0.01f)),
  MISH(x -> x.mul(x.getNDArrayInternal().softPlus().tanh())),
  LINEAR(x -> x.duplicate()),
  TANH(NDArray::tanh),
  SIGMOID(x -> x.getNDArrayInternal().sigmoid());

  private final UnaryOperator<NDArray> fn;

  Activation(UnaryOperator<NDArray> fn) {
    this.fn = fn;
  }

  NDArray apply(NDArray x) {
    return fn.apply(x);
  }

  /** transformers' ACT2FN names; those with learned parameters or no counterpart here are refused by name. */
  static Activation of(String name, String source) throws IOException {
    switch (name) {
      case "swish":
      case "silu":
        return SWISH;
      case "gelu":
      case "gelu_python":
        return GELU;
      case "gelu_new":
      case "gelu_fast":
      case "gelu_pytorch_tanh":
      case "gelu_python_tanh":
        return GELU_TANH;
      case "gelu_10":
        return GELU_10;
      case "quick_gelu":
        return QUICK_GELU;
      case "relu":
        return RELU;
      case "relu2":
        return RELU2;
      case "relu6":
        return RELU6;
      case "leaky_relu":
        return LEAKY_RELU;
      case "mish":
        return MISH;
      case "linear":
        return LINEAR;
      case "tanh":
        return TANH;
      case "sigmoid":
        return SIGMOID;
      default:
        throw new IOException(source + ": activation_function '" + name + "' is not supported (supported: swish, "
            + "silu, gelu, gelu_python, gelu_new, gelu_fast, gelu_pytorch_tanh, gelu_python_tanh, gelu_10, "
            + "quick_gelu, relu, relu2, relu6, leaky_relu, mish, linear, tanh, sigmoid)");
    }
  }
}
