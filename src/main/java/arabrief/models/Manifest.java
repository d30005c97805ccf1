package arabrief.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What was installed and from where: written as {@code manifest.json} into a model directory at install.
 *
 * @param repo the Hub repo id, e.g. {@code Helsinki-NLP/opus-mt-ar-en}
 * @param revision the revision asked for (branch, tag or commit)
 * @param commit the commit the Hub resolved it to, or null when the Hub API did not answer
 * @param endpoint the origin the files came from
 * @param installed ISO-8601 instant of the install
 * @param files every file with its size and sha256
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(
    String repo,
    String revision,
    String commit,
    String endpoint,
    String installed,
    List<FileEntry> files) {

  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One installed file. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record FileEntry(String name, long size, String sha256) {}

  public long totalSize() {
    return files == null ? 0 : files.stream().mapToLong(FileEntry::size).sum();
  }

  public void write(Path dir) throws IOException {
    JSON.writeValue(dir.resolve(FILE_NAME).toFile(), this);
  }

  /** Reads {@code dir/manifest.json}; throws when it is missing or not a manifest. */
  public static Manifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    try {
      return JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new IOException(file + " is not a readable manifest (" + e.getMessage() + ")", e);
    }
  }

  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE_NAME));
  }
}
