package arabrief.models;

import java.nio.file.Path;

/**
 * The outcome of a pull.
 *
 * @param dir the installed model directory
 * @param manifest its manifest, or null for a model copied in by hand
 * @param alreadyInstalled true when nothing was downloaded because the model was there
 */
public record PullResult(Path dir, Manifest manifest, boolean alreadyInstalled) {}
