package dev.vocero.api.audio;

import dev.vocero.api.errors.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** Refuses an announced oversize upload before its body is read (the multipart reader would buffer it). */
@Priority(Priorities.AUTHORIZATION + 100)
public class UploadSizeFilter implements ContainerRequestFilter {
  private static final long MULTIPART_OVERHEAD = 64 * 1024;
  private final long maxBytes;

  public UploadSizeFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (!"POST".equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("api/v1/audios")) {
      return;
    }
    if (request.getLength() > maxBytes + MULTIPART_OVERHEAD) {
      throw new ApiException(413, "file_too_large",
          "The file is larger than the limit of " + (maxBytes / (1024 * 1024)) + " MB (uploads.maxBytes).");
    }
  }
}
