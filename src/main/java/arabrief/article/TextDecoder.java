package arabrief.article;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text. Arabic news files come as UTF-8 (with or without a BOM), UTF-16 with a BOM from
 * Windows tools, or windows-1256 from older sites; anything else is refused with a message that
 * names the input.
 */
final class TextDecoder {

  static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

  /** Above this share of control characters the input is a binary file, not text with a stray byte. */
  private static final double MAX_CONTROL_SHARE = 0.01;

  private TextDecoder() {}

  static String decode(byte[] bytes, String name) throws BadInputException {
    return check(decodeBytes(bytes), name);
  }

  /**
   * As {@link #decode(byte[], String)}, for a web page that came with HTTP headers: a BOM decides, then the
   * header's charset (null when none), then the page's own {@code <meta>} declaration, then detection.
   */
  static String decodePage(byte[] bytes, String name, String headerCharset) throws BadInputException {
    return check(decodeDeclared(bytes, headerCharset), name);
  }

  private static String check(String text, String name) throws BadInputException {
    if (text.isBlank()) {
      throw new BadInputException(name + ": empty input, nothing to read");
    }
    if (looksBinary(text)) {
      throw new BadInputException(name + ": looks like binary data, not text");
    }
    if (!hasArabicLetter(text)) {
      throw new BadInputException(name + ": no Arabic text found", BadInputException.Kind.NOT_ARABIC);
    }
    return text;
  }

  /** The BOM decides when there is one; otherwise strict UTF-8, and windows-1256 when that fails. */
  static String decodeBytes(byte[] b) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
    }
    if (startsWith(b, 0xFF, 0xFE)) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
    }
    if (startsWith(b, 0xFE, 0xFF)) {
      return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      return strictUtf8(b);
    } catch (CharacterCodingException notUtf8) {
      // Arabic in windows-1256 is almost never valid UTF-8 (bytes C0-FF followed by more C0-FF).
      return new String(b, WINDOWS_1256);
    }
  }

  private static String strictUtf8(byte[] b) throws CharacterCodingException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer chars = decoder.decode(ByteBuffer.wrap(b));
    return chars.toString();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A NUL never occurs in text; other control characters only as rare strays. */
  static boolean looksBinary(String text) {
    int control = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return true;
      }
      boolean allowed = c == '\n' || c == '\r' || c == '\t' || c == '\f';
      if ((c < 0x20 && !allowed) || c == 0x7F || c == '\uFFFD') {
        control++;
      }
    }
    return control > Math.max(2, text.length() * MAX_CONTROL_SHARE);
  }

  static boolean hasArabicLetter(String text) {
    return text.codePoints()
        .anyMatch(
            cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC);
  }

  /** The first 1024 bytes of a page, where HTML says a {@code <meta>} charset declaration must be. */
  private static final int PRESCAN_BYTES = 1024;

  private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
      "(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([a-z0-9_:.-]+)");

  /**
   * A BOM, then {@code header} (the HTTP Content-Type's charset), then the page's {@code <meta>} charset, then
   * {@link #decodeBytes} detection. A declared charset is taken when Java knows it, when the bytes are valid in it
   * (checked for UTF-8) and when it gives Arabic letters where a later reading would: servers that label every
   * page ISO-8859-1 or UTF-8 whatever it holds are common, and only Arabic text is wanted here. The meta prescan
   * is a regular expression over the first 1024 bytes rather than jsoup's sniffing, which falls back to UTF-8
   * where Arabic pages need windows-1256.
   */
  static String decodeDeclared(byte[] b, String header) {
    if (startsWith(b, 0xEF, 0xBB, 0xBF) || startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
      return decodeBytes(b);
    }
    String meta = null;
    java.util.regex.Matcher m =
        META_CHARSET.matcher(new String(b, 0, Math.min(b.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1));
    if (m.find()) {
      meta = m.group(1);
    }
    String first = null;
    for (String declared : new String[] {header, meta}) {
      Charset cs = charset(declared);
      if (cs == null) {
        continue;
      }
      String text;
      if (cs.equals(StandardCharsets.UTF_8)) {
        try {
          text = strictUtf8(b);
        } catch (CharacterCodingException e) {
          continue;
        }
      } else {
        text = new String(b, cs);
      }
      if (hasArabicLetter(text)) {
        return text;
      }
      first = first == null ? text : first;
    }
    String detected = decodeBytes(b);
    return first == null || hasArabicLetter(detected) ? detected : first;
  }

  private static Charset charset(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
