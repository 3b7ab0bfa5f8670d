package dev.vocero.domain.spreadsheets;

/** Spanish names for the wire codes shown in the batch report; an unknown code is shown as it is. */
final class BatchReportLabels {
  private BatchReportLabels() {}

  static String disposition(String code) {
    if (code == null) {
      return "Pendiente";
    }
    return switch (code) {
      case "answered_human" -> "Contestó una persona";
      case "answered_machine" -> "Contestador automático";
      case "no_answer" -> "Sin respuesta";
      case "busy" -> "Ocupado";
      case "failed" -> "Falló";
      case "canceled" -> "Cancelada";
      case "blocked_dnc" -> "Bloqueado (no llamar)";
      case "blocked_cap" -> "Bloqueado (límite de llamadas)";
      case "window_expired" -> "Sin horario permitido";
      case "invalid_number" -> "Número inválido";
      case "no_credit" -> "Sin créditos";
      case "pending" -> "Pendiente";
      default -> code;
    };
  }

  static String batchStatus(String code) {
    return code == null ? "" : switch (code) {
      case "running" -> "En curso";
      case "paused" -> "En pausa";
      case "completed" -> "Completado";
      case "cancelled" -> "Cancelado";
      case "failed" -> "Fallido";
      default -> code;
    };
  }

  static String contactStatus(String code) {
    return code == null ? "" : switch (code) {
      case "pending" -> "Pendiente";
      case "in_progress" -> "En curso";
      case "done" -> "Terminado";
      default -> code;
    };
  }

  static String decision(String code) {
    return code == null ? null : switch (code) {
      case "dial" -> "Llamar";
      case "wait" -> "Esperar horario";
      case "retry" -> "Reintentar";
      case "next_number" -> "Probar otro número";
      case "done" -> "Terminar";
      case "blocked_dnc" -> "Bloqueado (no llamar)";
      case "blocked_cap" -> "Bloqueado (límite de llamadas)";
      case "window_expired" -> "Sin horario permitido";
      case "no_usable_number" -> "Sin número utilizable";
      default -> code;
    };
  }
}
