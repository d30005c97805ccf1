package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Half-precision checkpoints load as exact float32 (DJL's PyTorch JNI cannot hold bfloat16 arrays). */
class SafetensorsReaderTest {
  @Test
  void float16AndBfloat16AreWidenedExactly(@TempDir Path dir) throws Exception {
    // 1.0, -2.5, 0.0078125 (2^-7), 65504 (max half) in float16; 1.0, -2.5, 3.140625, 1e30-ish in bfloat16
    short[] f16 = {0x3c00, (short) 0xc100, 0x2000, 0x7bff};
    short[] bf16 = {0x3f80, (short) 0xc020, 0x4049, 0x7149};
    ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : f16) {
      data.putShort(s);
    }
    for (short s : bf16) {
      data.putShort(s);
    }
    String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[8,16]}}";
    byte[] h = header.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).array());
    out.write(h);
    out.write(data.array());
    Path file = dir.resolve("model.safetensors");
    Files.write(file, out.toByteArray());
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      Map<String, NDArray> t = SafetensorsReader.read(file, m);
      assertEquals(DataType.FLOAT32, t.get("h").getDataType());
      assertEquals(new Shape(2, 2), t.get("h").getShape());
      assertArrayEquals(new float[] {1f, -2.5f, 0.0078125f, 65504f}, t.get("h").toFloatArray());
      float[] b = t.get("b").toFloatArray();
      for (int i = 0; i < bf16.length; i++) {
        assertEquals(Float.intBitsToFloat((bf16[i] & 0xffff) << 16), b[i]);
      }
      assertEquals(-2.5f, b[1]);
    }
  }
}
