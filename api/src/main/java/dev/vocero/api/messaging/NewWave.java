package dev.vocero.api.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;

/**
 * Body of POST /api/v1/messages/waves. {@code body} (with {{name}}-style contact variables) for SMS or a WhatsApp
 * session message; {@code contentSid} (an approved WhatsApp template, HX...) with {@code contentVariables} such as
 * {"1": "{{name}}"}. The rules between fields (content, template channel, disposition, batch) are checked by
 * {@link MessageWaveService}, each with its own error code.
 */
public record NewWave(@NotBlank @Size(max = 200) String name, @NotNull @Pattern(regexp = "sms|whatsapp") String channel,
    @Size(max = 1600) String body, @Pattern(regexp = "HX[0-9a-fA-F]{32}") String contentSid,
    Map<@Size(max = 20) String, @Size(max = 500) String> contentVariables, @NotNull UUID batchId,
    String disposition, @Min(1) @Max(6000) Integer perMinute) {}
