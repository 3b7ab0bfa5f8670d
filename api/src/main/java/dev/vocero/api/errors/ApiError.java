package dev.vocero.api.errors;

import java.util.List;

/** Every error body the API sends: a stable machine {@code code}, a human {@code message}, optional details. */
public record ApiError(String code, String message, List<Detail> details) {

  public record Detail(String field, String code, String message) {}

  public static ApiError of(String code, String message) {
    return new ApiError(code, message, List.of());
  }
}
