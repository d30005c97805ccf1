package arabrief.pipeline;

import arabrief.mt.Translator;
import arabrief.mt.model.ComputePlan;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The "model" object of the JSON document: which model translated, and with which search settings. */
public final class ModelInfo {
  private ModelInfo() {}

  public static ObjectNode of(Translator t, GenerationSettings s) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("path", t.modelDir().toAbsolutePath().toString());
    m.put("num_beams", s.numBeams());
    m.put("max_length", s.effectiveMaxLength());
    m.put("length_penalty", s.lengthPenalty());
    m.put("shortlist", t.shortlist());
    putCompute(m, t.computePlan());
    return m;
  }

  /** {@code compute_type} (what was asked) and {@code compute} (what each group of products runs in) into {@code m}. */
  public static ObjectNode putCompute(ObjectNode m, ComputePlan plan) {
    m.put("compute_type", plan.type().label());
    ObjectNode p = m.putObject("compute");
    p.put("encoder", plan.encoderLabel());
    p.put("decoder", plan.decoderLabel());
    p.put("lm_head", plan.headLabel());
    return m;
  }
}
