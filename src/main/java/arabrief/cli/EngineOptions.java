package arabrief.cli;

import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import picocli.CommandLine.Option;

/** Options shared by every command that translates: which model, how to search, and what to report. */
public class EngineOptions {
  @Option(
      names = "--model",
      paramLabel = "DIR|NAME",
      description = "Model directory (Hugging Face layout: Marian, M2M100, NLLB-200 or mBART-50) or installed name."
          + " Default: ${DEFAULT-VALUE}.",
      defaultValue = ModelResolver.DEFAULT_MODEL)
  String model;

  @Option(
      names = "--source-lang",
      paramLabel = "CODE",
      description = "The source's language code for a multilingual model: an Arabic variety it knows, e.g. arz_Arab"
          + " (Egyptian) for NLLB-200. Default: the model's Modern Standard Arabic code (arb_Arab, ar, ar_AR); opus-mt"
          + " models take none.")
  String sourceLang;

  @Option(names = "--offline", description = "Never download: fail with exit 3 if the model is not installed.")
  boolean offline;

  @Option(names = "--beams", paramLabel = "N", description = "Beam size (1 = greedy). Default: the model's num_beams.")
  Integer beams;

  @Option(names = "--max-new-tokens", paramLabel = "N", description = "Most tokens generated per sentence. Default: the model's max_length.")
  Integer maxNewTokens;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description = "Most sentences per batch. Default: ${DEFAULT-VALUE}.",
      defaultValue = "" + Translator.DEFAULT_BATCH_SIZE)
  int batchSize;

  @Option(
      names = "--shortlist",
      paramLabel = "N",
      description = "Score only the N most frequent target pieces (plus EOS): faster, no longer exactly the"
          + " model's output. Default: off (the whole vocabulary).")
  int shortlist;

  @Option(
      names = "--compute-type",
      paramLabel = "T",
      description = "Arithmetic of the linear layers and LM head: float32 (exact, the model's own output), int8,"
          + " bfloat16, or auto (per operation, the fastest on this CPU by a timing cached under ARABRIEF_HOME)."
          + " The fast types may change some translations. Default: ${DEFAULT-VALUE}.",
      defaultValue = "float32")
  String computeType;

  @Option(names = "--stats", description = "Write one JSON line of timing and token counts to stderr, last.")
  boolean stats;

  /** The model's generation settings with this command line's overrides. */
  GenerationSettings settings(Translator t) {
    if (beams != null && beams < 1) {
      throw new UserException(ExitCodes.USAGE, "--beams must be at least 1, got " + beams);
    }
    if (maxNewTokens != null && maxNewTokens < 1) {
      throw new UserException(ExitCodes.USAGE, "--max-new-tokens must be at least 1, got " + maxNewTokens);
    }
    if (batchSize < 1) {
      throw new UserException(ExitCodes.USAGE, "--batch-size must be at least 1, got " + batchSize);
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (beams != null) {
      o.put("num_beams", beams);
    }
    if (maxNewTokens != null) {
      o.put("max_new_tokens", maxNewTokens);
    }
    try {
      return GenerationSettings.read(t.modelDir(), o);
    } catch (IOException e) {
      throw new UserException(ExitCodes.MODEL, e.getMessage(), e);
    }
  }

  /** Loads the model named by {@code --model}, pulling the default one on first use where allowed. */
  Translator load() {
    if (shortlist < 0) {
      throw new UserException(ExitCodes.USAGE, "--shortlist must be 0 (off) or more, got " + shortlist);
    }
    ComputeType type;
    try {
      type = ComputeType.parse(computeType);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCodes.USAGE, "--compute-type: " + e.getMessage());
    }
    Translator t = ModelResolver.load(model, offline, type);
    try {
      t.withSourceLanguage(sourceLang);
    } catch (IllegalArgumentException e) {
      t.close();
      throw new UserException(ExitCodes.USAGE, "--source-lang: " + e.getMessage());
    }
    try {
      return t.withShortlist(shortlist);
    } catch (IOException e) {
      t.close();
      throw new UserException(ExitCodes.MODEL, e.getMessage(), e);
    }
  }
}
