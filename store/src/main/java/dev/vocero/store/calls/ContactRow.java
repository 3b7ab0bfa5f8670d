package dev.vocero.store.calls;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One contact of a batch; {@code phones} in E.164 (ordered fallbacks), {@code variables} a JSON object. */
public record ContactRow(
    long id,
    UUID orgId,
    UUID batchId,
    int rowNumber,
    String name,
    List<String> phones,
    BigDecimal amount,
    LocalDate dueDate,
    String timeZone,
    String document,
    String email,
    String variables,
    String status,
    String finalDisposition,
    int attempts,
    Long personId) {}
