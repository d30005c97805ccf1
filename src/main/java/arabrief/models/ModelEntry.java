package arabrief.models;

import java.nio.file.Path;

/**
 * A model {@code models list} shows.
 *
 * @param name repo id, e.g. {@code Helsinki-NLP/opus-mt-ar-en}
 * @param sizeBytes total size of its files
 * @param origin where it came from: the endpoint (and revision) of a pull, "copied in by hand", or
 *     "huggingface cache"
 * @param path its directory
 * @param managed true for a model in arabrief's own store (which {@code models remove} may delete)
 */
public record ModelEntry(String name, long sizeBytes, String origin, Path path, boolean managed) {}
