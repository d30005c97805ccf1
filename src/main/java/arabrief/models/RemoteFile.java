package arabrief.models;

/**
 * A file as the Hub API describes it.
 *
 * @param name path in the repo
 * @param size bytes, or -1 when unknown
 * @param sha256 hex digest of an LFS file, or null
 * @param gitBlobId git blob id (sha1) of a file kept in git itself, or null
 */
public record RemoteFile(String name, long size, String sha256, String gitBlobId) {}
