package arabrief.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The journalist's page: three fixed files from the jar (no CDN, no external font: it works offline). */
final class Page {
  private Page() {}

  static void index(Context ctx) {
    send(ctx, "index.html", "text/html; charset=utf-8");
  }

  static void script(Context ctx) {
    send(ctx, "page.js", "text/javascript; charset=utf-8");
  }

  static void style(Context ctx) {
    send(ctx, "page.css", "text/css; charset=utf-8");
  }

  /** The API's OpenAPI 3.1 description: a checked-in file (OpenApiTest keeps it true to the server). */
  static void openapi(Context ctx) {
    send(ctx, "openapi.json", "application/json; charset=utf-8");
  }

  private static void send(Context ctx, String name, String type) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new ApiError(500, "the page's " + name + " is missing from the jar");
      }
      ctx.contentType(type);
      ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'");
      ctx.result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
