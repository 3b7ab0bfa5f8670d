package dev.vocero.api.auth;

import dev.vocero.api.validation.OneOf;
import dev.vocero.api.validation.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A new API key: a name people recognise, the role it acts with, and an optional expiry. */
public record ApiKeyRequest(
    @NotBlank @Size(max = 200) String name,
    @NotNull @OneOf({"admin", "operator", "viewer"}) String role,
    @SaneDate Instant expiresAt) {}
