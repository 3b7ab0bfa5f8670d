package dev.vocero.activities.spreadsheets;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Spanish names for the campaign report's wire codes; an unknown code is shown as it is. */
final class CampaignReportLabels {
  private static final List<String> WEEKDAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private CampaignReportLabels() {}

  static String campaignState(String code) {
    return code == null ? "" : switch (code) {
      case "draft" -> "Borrador";
      case "scheduled" -> "Programada";
      case "running" -> "En curso";
      case "paused" -> "En pausa";
      case "completed" -> "Completada";
      case "cancelled" -> "Cancelada";
      default -> code;
    };
  }

  static String waveStatus(String code) {
    return code == null ? "" : switch (code) {
      case "held" -> "En espera del horario";
      case "running" -> "En curso";
      case "paused" -> "En pausa";
      case "completed" -> "Completada";
      case "cancelled" -> "Cancelada";
      default -> code;
    };
  }

  static String messageState(String code) {
    return code == null ? "" : switch (code) {
      case "pending" -> "Pendiente";
      case "processing" -> "En proceso";
      case "sent" -> "Enviado";
      case "delivered" -> "Entregado";
      case "read" -> "Leído";
      case "failed" -> "Fallido";
      case "cancelled" -> "Cancelado";
      case "received" -> "Recibido";
      default -> code;
    };
  }

  static String channel(String code) {
    return code == null ? "" : switch (code) {
      case "sms" -> "SMS";
      case "whatsapp" -> "WhatsApp";
      default -> code;
    };
  }

  static String weekdays(List<String> codes) {
    return codes.stream().sorted(Comparator.comparingInt(WEEKDAYS::indexOf)).map(d -> switch (d) {
      case "MON" -> "lun";
      case "TUE" -> "mar";
      case "WED" -> "mié";
      case "THU" -> "jue";
      case "FRI" -> "vie";
      case "SAT" -> "sáb";
      case "SUN" -> "dom";
      default -> d;
    }).collect(Collectors.joining(", "));
  }

  /** Every key that appears in any of the maps, in a stable order: the columns of a count per code. */
  static List<String> keys(List<Map<String, Long>> maps) {
    Set<String> keys = new TreeSet<>();
    maps.forEach(m -> keys.addAll(m.keySet()));
    return List.copyOf(keys);
  }
}
