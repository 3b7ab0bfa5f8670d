package dev.vocero.activities.speech;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** multipart/form-data with text fields first and one streamed file part last; the file is never buffered. */
final class MultipartBody {

  private final String boundary = "vocero-" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();

  MultipartBody field(String name, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(name) + "\"\r\n\r\n"
        + value + "\r\n");
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The whole body with an exact Content-Length, streaming {@code in} as the {@code fileField} part. */
  HttpRequest.BodyPublisher publisher(String fileField, AudioSource audio, InputStream in) {
    ByteArrayOutputStream prefix = new ByteArrayOutputStream();
    prefix.writeBytes(head.toByteArray());
    prefix.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quote(fileField)
        + "\"; filename=\"" + quote(audio.filename()) + "\"\r\nContent-Type: " + audio.contentType()
        + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] start = prefix.toByteArray();
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.BodyPublisher all = HttpRequest.BodyPublishers.concat(
        HttpRequest.BodyPublishers.ofByteArray(start),
        HttpRequest.BodyPublishers.ofInputStream(() -> in),
        HttpRequest.BodyPublishers.ofByteArray(end));
    return HttpRequest.BodyPublishers.fromPublisher(all, start.length + audio.sizeBytes() + end.length);
  }

  private void write(String text) {
    head.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String quote(String value) {
    return value.replace("\r", "").replace("\n", "").replace("\"", "%22");
  }
}
