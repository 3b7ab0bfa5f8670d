package dev.vocero.api.calls;

import dev.vocero.api.errors.ApiError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The AI agent an answered call is handed to instead of the batch script: {@code {"type":"stream","url":"wss://…",
 * "parameters":{…}}} (a Twilio media stream, {@code <Connect><Stream>}) or {@code {"type":"sip","uri":"sip:…"}}
 * ({@code <Dial><Sip>}). Parameter values may use the script's {{variable}} placeholders.
 */
public record AgentSettings(String type, String url, String uri, Map<String, String> parameters) {
  static final String STREAM = "stream";
  static final String SIP = "sip";
  static final int MAX_PARAMETERS = 20;
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final Pattern SIP_URI = Pattern.compile("(?i)sips?:[^\\s@<>\"]+@[^\\s@<>\"]+");

  /** Adds every problem to {@code problems}; returns the settings as stored (type in lower case, blanks dropped). */
  AgentSettings validate(List<ApiError.Detail> problems) {
    String kind = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
    switch (kind) {
      case STREAM -> {
        if (!secureWebSocket(url)) {
          problems.add(problem("agent.url", "must be a wss:// URL with a host, such as wss://agent.example.com/media"
              + " (Twilio media streams only connect to secure WebSockets)"));
        }
        if (uri != null) {
          problems.add(problem("agent.uri", "is only used with type \"sip\"; a stream agent takes agent.url"));
        }
      }
      case SIP -> {
        if (uri == null || uri.length() > 500 || !SIP_URI.matcher(uri.trim()).matches()) {
          problems.add(problem("agent.uri", "must be a sip: or sips: URI with a user and a host, such as"
              + " sip:agent@sip.example.com"));
        }
        if (url != null) {
          problems.add(problem("agent.url", "is only used with type \"stream\"; a SIP agent takes agent.uri"));
        }
      }
      default -> problems.add(problem("agent.type", "must be \"stream\" (a wss:// media stream) or \"sip\""
          + " (a sip:/sips: endpoint)"));
    }
    Map<String, String> params = new LinkedHashMap<>(parameters == null ? Map.of() : parameters);
    if (params.size() > MAX_PARAMETERS) {
      problems.add(problem("agent.parameters", "may have at most " + MAX_PARAMETERS + " entries"));
    }
    params.forEach((name, value) -> {
      if (!PARAMETER_NAME.matcher(name).matches()) {
        problems.add(problem("agent.parameters", "names use letters, digits, _ . - (at most 64): \"" + name + "\""));
      }
      if (value == null || value.length() > 500) {
        problems.add(problem("agent.parameters." + name, "must be a text of at most 500 characters"));
      }
    });
    return new AgentSettings(kind, url == null ? null : url.trim(), uri == null ? null : uri.trim(), params);
  }

  boolean stream() {
    return STREAM.equals(type);
  }

  private static boolean secureWebSocket(String value) {
    if (value == null || value.length() > 2000) {
      return false;
    }
    try {
      URI parsed = new URI(value.trim());
      return "wss".equalsIgnoreCase(parsed.getScheme()) && parsed.getHost() != null && parsed.getUserInfo() == null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static ApiError.Detail problem(String field, String message) {
    return new ApiError.Detail(field, "invalid", message);
  }
}
