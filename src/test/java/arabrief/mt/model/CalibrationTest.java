package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** auto's calibration: measured once, cached under the home by CPU, model and library, read back after. */
class CalibrationTest {
  @TempDir Path home;

  @Test
  void autoMeasuresOnceThenReadsTheCacheForTheSameKey() throws Exception {
    Path dir = Fixtures.model("tiny-opus");
    try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
      try (TransformerModel m = TransformerModel.load(dir, root, ComputeType.AUTO, home)) {
        assertEquals(ComputeType.AUTO, m.plan().type());
      }
      List<Path> files;
      try (Stream<Path> s = Files.list(home.resolve("calibration"))) {
        files = s.toList();
      }
      assertEquals(1, files.size());
      ObjectNode record = (ObjectNode) new ObjectMapper().readTree(files.get(0).toFile());
      assertTrue(record.path("timings").has("decoder"), record.toString());
      assertTrue(record.path("timings").path("head").has("int8"), record.toString());
      if (Files.isReadable(Path.of("/proc/loadavg"))) {
        assertTrue(record.path("load_average").isNumber(), "the machine's load is recorded: " + record);
      }
      // a cached choice is used as is: rewrite it to one no timing would pick on every CPU, and load again (as
      // measured on a quiet machine, so that it is not measured again whatever the load is now)
      record.put("load_average", 0.0);
      record.put("encoder", "BFLOAT16").put("decoder", "INT8").put("head", "FLOAT32")
          .put("head_batched", "FLOAT32").put("head_batched_rows", Integer.MAX_VALUE);
      new ObjectMapper().writeValue(files.get(0).toFile(), record);
      try (TransformerModel m = TransformerModel.load(dir, root, ComputeType.AUTO, home)) {
        assertEquals(new ComputePlan(ComputeType.AUTO, Precision.BFLOAT16, Precision.INT8, Precision.FLOAT32), m.plan());
      }
      // and a head that changes precision with the rows: int8 below 32 rows, oneDNN's float32 from there
      record.put("head", "INT8").put("head_batched", "FLOAT32_ONEDNN").put("head_batched_rows", 32);
      new ObjectMapper().writeValue(files.get(0).toFile(), record);
      try (TransformerModel m = TransformerModel.load(dir, root, ComputeType.AUTO, home)) {
        ComputePlan p = m.plan();
        assertEquals(new ComputePlan(ComputeType.AUTO, Precision.BFLOAT16, Precision.INT8, Precision.INT8,
            Precision.FLOAT32_ONEDNN, 32), p);
        assertEquals("int8, float32 from 32 rows", p.headLabel());
      }
    }
  }

  @Test
  void theExactModeTimesOnlyTheFloat32KernelsAndCachesItsChoice() throws Exception {
    Path dir = Fixtures.model("tiny-opus");
    System.setProperty("arabrief.float32.kernel", "calibrate");
    try (NDManager root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
        TransformerModel m = TransformerModel.load(dir, root, ComputeType.FLOAT32, home)) {
      ComputePlan p = m.plan();
      assertEquals(ComputeType.FLOAT32, p.type());
      assertTrue(p.isExact(), p.toString());
      assertEquals("float32", p.headLabel());
      List<Path> files;
      try (Stream<Path> s = Files.list(home.resolve("calibration"))) {
        files = s.toList();
      }
      assertEquals(1, files.size());
      ObjectNode record = (ObjectNode) new ObjectMapper().readTree(files.get(0).toFile());
      assertEquals("FLOAT32", record.path("type").asText());
      assertTrue(record.path("timings").path("head").has("float32"), record.toString());
      assertFalse(record.path("timings").path("head").has("int8"), record.toString());
    } finally {
      System.clearProperty("arabrief.float32.kernel");
    }
  }

  @Test
  void aPlanMeasuredOnABusyMachineIsMeasuredAgainWhenItIsQuiet() {
    // 2 cores: measured at load 28 (a process got a tenth of a core), now idle: measure again
    assertTrue(Calibration.measureAgain(28.0, 0.3, 2));
    // still busy, or only somewhat quieter: keep the plan (no calibration at every load of a busy machine)
    assertFalse(Calibration.measureAgain(28.0, 1.5, 2));
    assertFalse(Calibration.measureAgain(3.0, 2.5, 2));
    // measured with the cores to itself: kept whatever happens later
    assertFalse(Calibration.measureAgain(1.9, 0.0, 2));
    assertFalse(Calibration.measureAgain(Double.NaN, 0.0, 2));
    assertTrue(Calibration.measureAgain(9.0, 3.0, 8));
  }

  @Test
  void theKeyNamesTheCpuTheLibrariesAndTheModelFiles() throws Exception {
    Path dir = Fixtures.model("tiny-opus");
    String key = Calibration.key(dir);
    assertTrue(key.contains(CpuInfo.current().model()), key);
    assertTrue(key.contains("libtorch "), key);
    assertTrue(key.contains("model.safetensors "), key);
    assertNotEquals(key, Calibration.key(Fixtures.model("tiny-gelu")));
    assertNull(Calibration.read(home.resolve("none.json"), key));
  }

  @Test
  void cpuFlagsAreReadFromProcCpuinfo(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("cpuinfo");
    Files.writeString(f, "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\n"
        + "model name\t: Some CPU\nflags\t\t: fpu avx2 avx512f avx512_vnni\n\nprocessor\t: 1\n"
        + "model name\t: Some CPU\nflags\t\t: fpu\n");
    CpuInfo c = CpuInfo.read(f);
    assertEquals("Some CPU", c.model());
    assertTrue(c.hasVnni());
    assertTrue(c.key().startsWith("Some CPU (AuthenticAMD 25/17) avx2 avx512f avx512_vnni"), c.key());
    // the same name and flags on another generation is another CPU to calibrate on
    Path g = tmp.resolve("cpuinfo2");
    Files.writeString(g, Files.readString(f).replace(": 25", ": 26"));
    assertNotEquals(c.key(), CpuInfo.read(g).key());
    CpuInfo none = CpuInfo.read(tmp.resolve("missing"));
    assertEquals("unknown", none.model());
    assertNotNull(none.flags());
  }
}
