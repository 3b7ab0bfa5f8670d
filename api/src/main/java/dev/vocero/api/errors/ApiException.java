package dev.vocero.api.errors;

import java.time.Duration;
import java.util.List;

/** Thrown by resources for every expected error; mapped to JSON by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final List<ApiError.Detail> details;
  private final Duration retryAfter;

  public ApiException(int status, String code, String message) {
    this(status, code, message, List.of(), null);
  }

  public ApiException(int status, String code, String message, List<ApiError.Detail> details, Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  public static ApiException badRequest(String code, String message) {
    return new ApiException(400, code, message);
  }

  public static ApiException unprocessable(String code, String message) {
    return new ApiException(422, code, message);
  }

  /** 422 for one field (a query parameter, a body field) with a detail naming it. */
  public static ApiException invalidField(String code, String field, String detailCode, String message) {
    return new ApiException(422, code, message, List.of(new ApiError.Detail(field, detailCode, message)), null);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not_found", what + " was not found.");
  }

  public static ApiException conflict(String code, String message) {
    return new ApiException(409, code, message);
  }

  public static ApiException unauthorized(String code, String message) {
    return new ApiException(401, code, message);
  }

  public static ApiException unavailable(String code, String message, Duration retryAfter) {
    return new ApiException(503, code, message, List.of(), retryAfter);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<ApiError.Detail> details() {
    return details;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public ApiError toError() {
    return new ApiError(code, getMessage(), details);
  }
}
