package arabrief.mt;

/**
 * Engine settings that must be in place before DJL starts PyTorch: no downloads (the natives come from
 * the Maven jar), intra-op threads = cores, one inter-op thread (a decoder step is a chain of small ops).
 */
final class EngineSetup {
  private EngineSetup() {}

  static void configure() {
    setDefault("ai.djl.offline", "true");
    setDefault("ai.djl.pytorch.num_threads", String.valueOf(Runtime.getRuntime().availableProcessors()));
    setDefault("ai.djl.pytorch.num_interop_threads", "1");
    setDefault("ai.djl.pytorch.graph_optimizer", "false");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
