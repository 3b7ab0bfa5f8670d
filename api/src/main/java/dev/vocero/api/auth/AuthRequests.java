package dev.vocero.api.auth;

import dev.vocero.api.validation.MaxBytes;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the auth and user endpoints. */
public final class AuthRequests {
  private AuthRequests() {}

  public record Register(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Size(min = 10, max = 72, message = "must be 10 to 72 characters") @MaxBytes(72) String password,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 200) String organization) {}

  public record Login(@NotBlank @Size(max = 254) String email, @NotBlank @MaxBytes(72) String password) {}

  public record Refresh(@NotBlank String refreshToken) {}

  public record Logout(String refreshToken) {}

  public record CreateUser(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Size(min = 10, max = 72, message = "must be 10 to 72 characters") @MaxBytes(72) String password,
      @NotBlank @Size(max = 200) String name,
      @NotBlank String role) {}

  public record UpdateUser(String role, Boolean active) {}
}
