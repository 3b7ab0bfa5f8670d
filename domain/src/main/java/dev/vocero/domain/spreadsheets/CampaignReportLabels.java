package dev.vocero.domain.spreadsheets;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Spanish names for the campaign report's wire codes; an unknown code is shown as it is. */
final class CampaignReportLabels {
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

  /** Weekdays as stored ("MONDAY") or abbreviated ("MON"), in week order, as "lun, mié, vie". */
  static String weekdays(List<String> codes) {
    return codes.stream().map(CampaignReportLabels::weekday).filter(Objects::nonNull).sorted().map(d -> switch (d) {
      case MONDAY -> "lun";
      case TUESDAY -> "mar";
      case WEDNESDAY -> "mié";
      case THURSDAY -> "jue";
      case FRIDAY -> "vie";
      case SATURDAY -> "sáb";
      case SUNDAY -> "dom";
    }).collect(Collectors.joining(", "));
  }

  private static DayOfWeek weekday(String code) {
    String upper = code.toUpperCase(Locale.ROOT);
    return Arrays.stream(DayOfWeek.values()).filter(d -> upper.length() >= 3 && d.name().startsWith(upper))
        .findFirst().orElse(null);
  }

  /** Every key that appears in any of the maps, in a stable order: the columns of a count per code. */
  static List<String> keys(List<Map<String, Long>> maps) {
    Set<String> keys = new TreeSet<>();
    maps.forEach(m -> keys.addAll(m.keySet()));
    return List.copyOf(keys);
  }
}
