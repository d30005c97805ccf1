package arabrief.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.article.Article;
import arabrief.article.InputTooLargeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The limits every entry point applies to one article: refused early, with a message that says the limit. */
class InputLimitsTest {

  private static byte[] sentences(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("قال الوزير ").append(i).append(". ");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aNormalArticleIsRead() throws Exception {
    Article a = InputLimits.read(Files.readAllBytes(Path.of("seeds/000_576a10afaf96e38e.txt")), "seed");
    assertFalse(a.paragraphs().isEmpty());
  }

  @Test
  void tooManySentencesIsRefusedWithTheLimitAndWhatToDo() {
    // ~20 characters a sentence: far under the character limit, over the sentence limit
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> InputLimits.read(sentences(InputLimits.MAX_SENTENCES + 1), "dump.txt"));
    assertEquals("dump.txt: 2,001 sentences; an article is limited to 2,000: " + InputLimits.ADVICE, e.getMessage());
    assertDoesNotThrow(() -> InputLimits.read(sentences(InputLimits.MAX_SENTENCES - 100), "ok.txt"));
  }

  @Test
  void tooMuchTextIsRefusedBeforeParsing() {
    String word = "كلمة ";
    String text = word.repeat(InputLimits.MAX_TEXT_CHARS / word.length() + 10);
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> InputLimits.read(text.getBytes(StandardCharsets.UTF_8), "big.txt"));
    assertTrue(e.getMessage().startsWith("big.txt: 300,050 characters of article text; an article is limited to 300,000: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("(translate --lines)"));
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void tooManyBytesIsRefusedBeforeDecoding() {
    InputTooLargeException e = assertThrows(InputTooLargeException.class,
        () -> InputLimits.checkBytes(40L << 20, "page.html"));
    assertEquals("page.html: 40.0 MB; one document is limited to 32 MB: " + InputLimits.ADVICE, e.getMessage());
    assertDoesNotThrow(() -> InputLimits.checkBytes(InputLimits.MAX_DOCUMENT_BYTES, "page.html"));
  }

  @Test
  void jvmErrorsReadAsOneLine() {
    assertTrue(JvmErrors.recoverable(new OutOfMemoryError("Java heap space")));
    assertTrue(JvmErrors.recoverable(new StackOverflowError()));
    assertFalse(JvmErrors.recoverable(new InternalError()));
    assertEquals("out of memory on this input (OutOfMemoryError: Java heap space); split it into smaller documents, "
        + "or give Java more memory with -Xmx (ARABRIEF_JAVA_OPTS)", JvmErrors.describe(new OutOfMemoryError("Java heap space")));
    assertFalse(JvmErrors.describe(new StackOverflowError()).contains("\n"));
  }
}
