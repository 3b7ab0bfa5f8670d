package dev.vocero.api.console;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code Range: bytes=a-b} (the form browsers' media players send), so an audio element can seek. */
final class ByteRanges {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  interface Opener {
    InputStream open() throws IOException;
  }

  private ByteRanges() {}

  static Response serve(Opener blob, long size, String contentType, String range) {
    Matcher m = range == null ? null : RANGE.matcher(range.trim());
    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Response.ok(body(blob, 0, size), contentType).header("Accept-Ranges", "bytes")
          .header("Content-Length", size).build();
    }
    long start;
    long end;
    if (m.group(1).isEmpty()) { // the last N bytes
      start = Math.max(0, size - Long.parseLong(m.group(2)));
      end = size - 1;
    } else {
      start = Long.parseLong(m.group(1));
      end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
    }
    if (start >= size || start > end) {
      return Response.status(416).header("Content-Range", "bytes */" + size).build();
    }
    long length = end - start + 1;
    return Response.status(206).entity(body(blob, start, length)).type(contentType).header("Accept-Ranges", "bytes")
        .header("Content-Range", "bytes " + start + "-" + end + "/" + size).header("Content-Length", length).build();
  }

  private static StreamingOutput body(Opener blob, long start, long length) {
    return out -> {
      try (InputStream in = blob.open()) {
        in.skipNBytes(start);
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
          int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
          if (read < 0) {
            break;
          }
          out.write(buffer, 0, read);
          left -= read;
        }
      }
    };
  }
}
