package arabrief.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of files, and recognising digests in HTTP headers. */
final class Digests {
  private Digests() {}

  static String sha256(Path file) throws IOException {
    MessageDigest md = newSha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** A sha256 hex digest out of an ETag-like header value ({@code W/"abc…"}), or null when it is not one. */
  static String sha256FromEtag(String etag) {
    if (etag == null) return null;
    String v = etag.trim();
    if (v.startsWith("W/")) v = v.substring(2);
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
    v = v.toLowerCase(Locale.ROOT);
    return isSha256(v) ? v : null;
  }

  static boolean isSha256(String s) {
    return s != null && s.matches("[0-9a-f]{64}");
  }

  /** The git blob id (sha1 over {@code "blob <size>\0"} and the bytes) the Hub gives for files kept in git. */
  static String gitBlobSha1(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    md.update(("blob " + Files.size(file) + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
