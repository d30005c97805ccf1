package arabrief.server;

import arabrief.mt.Translation;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The server's Prometheus metrics, in a registry of its own (two servers in one JVM, as in tests, do not mix). */
final class Metrics {
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder().name("arabrief_http_requests_total").help("HTTP requests by endpoint and status")
          .labelNames("endpoint", "status").register(registry);
  private final Histogram latency =
      Histogram.builder().name("arabrief_http_request_duration_seconds").help("HTTP request latency by endpoint")
          .classicOnly().classicUpperBounds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
          .labelNames("endpoint").register(registry);
  private final Counter sentences =
      Counter.builder().name("arabrief_sentences_translated_total").help("Sentences the model translated").register(registry);
  private final Counter sourceTokens =
      Counter.builder().name("arabrief_source_tokens_total").help("Source tokens read by the model").register(registry);
  private final Counter generatedTokens =
      Counter.builder().name("arabrief_generated_tokens_total").help("Tokens the model generated").register(registry);
  private final Gauge queue =
      Gauge.builder().name("arabrief_queue_depth").help("Requests waiting for or in translation").register(registry);
  private final Histogram batches =
      Histogram.builder().name("arabrief_batch_size").help("Sentences per model call")
          .classicOnly().classicUpperBounds(1, 2, 4, 8, 16, 32, 64).register(registry);

  void request(String endpoint, int status, double seconds) {
    requests.labelValues(endpoint, Integer.toString(status)).inc();
    latency.labelValues(endpoint).observe(seconds);
  }

  void batch(List<Translation> ts) {
    batches.observe(ts.size());
    sentences.inc(ts.size());
    for (Translation t : ts) {
      sourceTokens.inc(t.sourceTokens());
      generatedTokens.inc(t.generatedTokens());
    }
  }

  void queueDepth(int n) {
    queue.set(n);
  }

  String scrape() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new PrometheusTextFormatWriter(false).write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
