package arabrief.models;

import java.nio.file.Path;
import java.util.Map;

/** A second JVM for the two-process pull test: args are store root, endpoint. */
public final class PullProcess {
  public static void main(String[] args) throws Exception {
    ModelStore store = new ModelStore(Path.of(args[0]), Map.of("HF_HUB_CACHE", args[0] + "/no-hf-cache"));
    PullResult r = new ModelPuller(store, Map.of()).pull(FakeHub.REPO, null, args[1], PullProgress.NONE);
    System.out.println(r.alreadyInstalled() ? "already" : "installed");
  }
}
