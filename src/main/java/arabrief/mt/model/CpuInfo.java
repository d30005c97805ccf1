package arabrief.mt.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU this JVM runs on, from {@code /proc/cpuinfo} (Linux; elsewhere "unknown" with no flags): its model
 * name, family and flags key the calibration cache, and its flags say whether int8 products need fbgemm's
 * reduced range.
 *
 * @param family vendor, family and model numbers ("AuthenticAMD 25/17"), or "" when not given: a virtual
 *     machine's model name can be the same for two generations ("AMD EPYC" for Zen 4 and Zen 5), whose kernels'
 *     speeds differ
 */
record CpuInfo(String model, String family, Set<String> flags) {
  private static CpuInfo current;

  static synchronized CpuInfo current() {
    if (current == null) {
      current = read(Path.of("/proc/cpuinfo"));
    }
    return current;
  }

  static CpuInfo read(Path cpuinfo) {
    String model = "unknown";
    String vendor = "";
    String family = "";
    String number = "";
    Set<String> flags = new TreeSet<>();
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).trim();
        String value = line.substring(colon + 1).trim();
        if (key.equals("model name") && model.equals("unknown")) {
          model = value;
        } else if (key.equals("vendor_id") && vendor.isEmpty()) {
          vendor = value;
        } else if (key.equals("cpu family") && family.isEmpty()) {
          family = value;
        } else if (key.equals("model") && number.isEmpty()) {
          number = value;
        } else if (key.equals("flags") && flags.isEmpty()) {
          flags.addAll(java.util.Arrays.asList(value.split("\\s+")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc unreadable: an unknown CPU, calibrated like any other
    }
    String generation = family.isEmpty() ? "" : (vendor + " " + family + "/" + number).trim();
    return new CpuInfo(model, generation, flags);
  }

  /** VNNI (AVX-512 or AVX): int8 dot products accumulate in 32 bits, so full-range activations are safe. */
  boolean hasVnni() {
    return flags.contains("avx512_vnni") || flags.contains("avx_vnni");
  }

  /** The model name and the flags that decide kernels, for the calibration cache's key. */
  String key() {
    StringBuilder b = new StringBuilder(model);
    if (!family.isEmpty()) {
      b.append(" (").append(family).append(')');
    }
    for (String f : new String[] {"avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16", "amx_int8"}) {
      if (flags.contains(f)) {
        b.append(' ').append(f);
      }
    }
    b.append(" cores=").append(Runtime.getRuntime().availableProcessors());
    return b.toString();
  }
}
