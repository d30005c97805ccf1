package arabrief.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors Jetty answers before any route sees the request (a URI it cannot parse, headers too large), as
 * {"error": ...} like every other error of the API rather than Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private static final String TYPE = "application/json; charset=utf-8";

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** Errors found while parsing the request itself (431 for headers too large), answered on the connection. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(int code, String message) {
    String status = HttpStatus.getMessage(code);
    ObjectNode o = Server.JSON.createObjectNode();
    o.put("error", message == null || message.isBlank() || message.equals(status)
        ? status : arabrief.mt.model.OneLine.of(status + ": " + message));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }
}
