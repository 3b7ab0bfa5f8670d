package dev.vocero.domain.compliance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The five jurisdictions' policies, read from {@code /compliance/policies/<cc>.yaml} and validated once per JVM. */
public final class ContactPolicies {
  public static final List<String> JURISDICTIONS = List.of("CL", "CO", "US", "MX", "ES");
  private static final Set<String> OUTCOMES = Set.of("reserved", "placed", "not_placed", "no_answer", "answered",
      "conversation", "sent", "failed");
  public static final String CUSTOM = "CUSTOM";
  private static final Map<String, PolicyFile.WindowPart> WINDOWS = new LinkedHashMap<>();
  private static final Map<String, ContactPolicy> ALL = loadAll();

  private ContactPolicies() {
  }

  /** The policy of a preset jurisdiction (any case); empty for CUSTOM or an unknown code. */
  public static Optional<ContactPolicy> of(String jurisdiction) {
    String code = jurisdiction == null ? CUSTOM : jurisdiction.trim().toUpperCase(Locale.ROOT);
    return CUSTOM.equals(code) ? Optional.empty() : Optional.ofNullable(ALL.get(code));
  }

  public static List<ContactPolicy> all() {
    return ALL.values().stream().filter(p -> !CUSTOM.equals(p.jurisdiction())).toList();
  }

  /**
   * The policy a batch runs under: its jurisdiction's (US when none), or for {@code CUSTOM} the batch's windows with
   * Vocero's conservative default limits ({@code custom.yaml}); then the batch's own {@code settings}, if any.
   */
  public static ContactPolicy forBatch(String jurisdiction, List<String> customWindows, PolicySettings settings) {
    String code = jurisdiction == null || jurisdiction.isBlank() ? "US" : jurisdiction.trim().toUpperCase(Locale.ROOT);
    ContactPolicy base = CUSTOM.equals(code) ? custom(customWindows) : of(code)
        .orElseThrow(() -> new IllegalArgumentException("unknown jurisdiction " + jurisdiction));
    return settings == null || settings.empty() ? base : PolicyTightening.apply(base, settings, holidays(code));
  }

  /**
   * The policy a batch of a campaign runs under: as {@link #forBatch(String, List, PolicySettings)}, with the campaign's
   * {@code contactPolicy} applied before the batch's own (a batch may be stricter still than its campaign).
   */
  public static ContactPolicy forBatch(String jurisdiction, List<String> customWindows, PolicySettings campaign,
      PolicySettings batch) {
    return forBatch(jurisdiction, customWindows, campaign, batch, null);
  }

  /**
   * As {@link #forBatch(String, List, PolicySettings, PolicySettings)}; a CUSTOM batch without settings of its own
   * first takes its organisation's {@code customDefaults} (rules {@code org.*}, policy version {@code +org}), then the
   * campaign's policy. Every step only tightens.
   */
  public static ContactPolicy forBatch(String jurisdiction, List<String> customWindows, PolicySettings campaign,
      PolicySettings batch, PolicySettings customDefaults) {
    ContactPolicy base = forBatch(jurisdiction, customWindows, null);
    boolean own = batch != null && !batch.empty();
    if (!own && customDefaults != null && !customDefaults.empty() && CUSTOM.equals(base.jurisdiction())) {
      base = PolicyTightening.applyOrganizationDefaults(base, customDefaults);
    }
    String holidays = holidays(base.jurisdiction());
    ContactPolicy withCampaign = campaign == null || campaign.empty() ? base
        : PolicyTightening.apply(base, campaign, holidays, PolicyTightening.Scope.CAMPAIGN);
    return own ? PolicyTightening.apply(withCampaign, batch, holidays) : withCampaign;
  }

  /** Vocero's conservative default limits with the batch's own windows (no holiday calendar). */
  public static ContactPolicy custom(List<String> windows) {
    ContactPolicy defaults = ALL.get(CUSTOM);
    if (windows == null || windows.isEmpty()) {
      throw new IllegalArgumentException("a CUSTOM policy needs windows");
    }
    return new ContactPolicy(defaults.jurisdiction(), defaults.version(), defaults.title(), defaults.window(),
        CallingWindows.custom(windows, null), defaults.limits(), defaults.gaps(), defaults.quiet(), defaults.spread(),
        defaults.counting(), defaults.retention());
  }

  /** The weekly hours of a jurisdiction's policy as written ("MON-SAT 08:00-20:00"); empty for CUSTOM. */
  public static List<String> windowRules(String jurisdiction) {
    PolicyFile.WindowPart part = WINDOWS.get(jurisdiction);
    return part == null || CUSTOM.equals(jurisdiction) ? List.of() : part.rules();
  }

  /** The holiday calendar (ISO country) of a jurisdiction's policy, or null. */
  public static String holidays(String jurisdiction) {
    PolicyFile.WindowPart part = WINDOWS.get(jurisdiction);
    return part == null ? null : part.holidays();
  }

  private static Map<String, ContactPolicy> loadAll() {
    Map<String, ContactPolicy> all = new LinkedHashMap<>();
    List<String> codes = new java.util.ArrayList<>(JURISDICTIONS);
    codes.add(CUSTOM);
    for (String code : codes) {
      String resource = "/compliance/policies/" + code.toLowerCase(Locale.ROOT) + ".yaml";
      try (InputStream in = ContactPolicies.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new InvalidPolicyException(resource + " is missing");
        }
        PolicyFile file = read(resource, in);
        ContactPolicy policy = new Validation(resource).policy(file);
        if (!policy.jurisdiction().equals(code)) {
          throw new InvalidPolicyException(resource + " declares jurisdiction " + policy.jurisdiction());
        }
        all.put(code, policy);
        WINDOWS.put(code, file.windows());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all;
  }

  /** Reads and validates one policy file; {@code name} appears in the error. */
  static ContactPolicy parse(String name, InputStream in) throws IOException {
    return new Validation(name).policy(read(name, in));
  }

  private static PolicyFile read(String name, InputStream in) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    PolicyFile file;
    try {
      file = yaml.readValue(in, PolicyFile.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidPolicyException(name + ": " + e.getOriginalMessage());
    }
    return file;
  }

  private static final class Validation {
    private final String name;
    private final Set<String> ids = new HashSet<>();

    Validation(String name) {
      this.name = name;
    }

    ContactPolicy policy(PolicyFile f) {
      text(f.jurisdiction(), "jurisdiction");
      text(f.version(), "version");
      text(f.title(), "title");
      require(f.windows() != null, "windows is required");
      require(f.counting() != null, "counting is required");
      require(f.retention() != null, "retention is required");
      PolicyFile.WindowPart w = f.windows();
      PolicyRule.Window window = new PolicyRule.Window(id(w.id()), citation(w.id(), w.citation()));
      require(w.rules() != null && !w.rules().isEmpty(), w.id() + ": rules are required");
      CallingWindows windows;
      try {
        windows = CallingWindows.custom(w.rules(), w.holidays());
      } catch (IllegalArgumentException e) {
        throw new InvalidPolicyException(name + ": " + w.id() + ": " + e.getMessage());
      }
      List<PolicyRule.Limit> limits = list(f.limits()).stream().map(l -> {
        require(l.max() != null && l.max() >= 0, l.id() + ": max must be 0 or more");
        return new PolicyRule.Limit(id(l.id()), citation(l.id(), l.citation()), channels(l.id(), l.channels()), l.max(),
            duration(l.id(), l.period()));
      }).toList();
      List<PolicyRule.Gap> gaps = list(f.gaps()).stream().map(g -> new PolicyRule.Gap(id(g.id()),
          citation(g.id(), g.citation()), channels(g.id(), g.channels()), duration(g.id(), g.min()))).toList();
      List<PolicyRule.Quiet> quiet = list(f.quiet()).stream().map(q -> {
        require(PastContact.CONVERSATION.equals(q.after()), q.id() + ": after must be conversation");
        return new PolicyRule.Quiet(id(q.id()), citation(q.id(), q.citation()), channels(q.id(), q.channels()),
            duration(q.id(), q.period()));
      }).toList();
      Optional<PolicyRule.Spread> spread = Optional.ofNullable(f.spread()).map(s -> {
        require(s.maxChannels() != null && s.maxChannels() >= 1, s.id() + ": maxChannels must be 1 or more");
        return new PolicyRule.Spread(id(s.id()), citation(s.id(), s.citation()), s.maxChannels(),
            duration(s.id(), s.period()));
      });
      PolicyFile.CountingPart c = f.counting();
      Set<String> uncounted = Set.copyOf(list(c.uncounted()));
      uncounted.forEach(o -> require(OUTCOMES.contains(o), c.id() + ": unknown outcome " + o));
      require(!uncounted.contains(PastContact.RESERVED), c.id() + ": a reserved contact always counts");
      PolicyRule.Counting counting = new PolicyRule.Counting(id(c.id()), citation(c.id(), c.citation()), uncounted);
      PolicyFile.RetentionPart r = f.retention();
      PolicyRule.Retention retention = new PolicyRule.Retention(id(r.id()), citation(r.id(), r.citation()),
          duration(r.id(), r.minimum()));
      return new ContactPolicy(f.jurisdiction(), f.version(), f.title(), window, windows, limits, gaps, quiet, spread,
          counting, retention);
    }

    private String id(String id) {
      text(id, "a rule id");
      require(id.matches("([a-z]{2}|custom)\\.[a-z0-9-]+"), "rule id " + id + " must look like cc.kebab-case");
      require(ids.add(id), "rule id " + id + " is used twice");
      return id;
    }

    private String citation(String id, String citation) {
      text(citation, id + ": citation");
      return citation;
    }

    private Set<ContactChannel> channels(String id, List<String> channels) {
      require(channels != null && !channels.isEmpty(), id + ": channels are required");
      Set<ContactChannel> set = EnumSet.noneOf(ContactChannel.class);
      for (String channel : channels) {
        try {
          set.add(ContactChannel.fromWire(channel));
        } catch (IllegalArgumentException e) {
          throw new InvalidPolicyException(name + ": " + id + ": unknown channel " + channel);
        }
      }
      return set;
    }

    private Duration duration(String id, String value) {
      text(value, id + ": period");
      try {
        Duration d = Duration.parse(value);
        require(!d.isNegative() && !d.isZero(), id + ": period must be positive");
        return d;
      } catch (DateTimeParseException e) {
        throw new InvalidPolicyException(name + ": " + id + ": " + value + " is not an ISO-8601 duration such as P7D");
      }
    }

    private static <T> List<T> list(List<T> list) {
      return list == null ? List.of() : list;
    }

    private void text(String value, String what) {
      require(value != null && !value.isBlank(), what + " is required");
    }

    private void require(boolean ok, String message) {
      if (!ok) {
        throw new InvalidPolicyException(name + ": " + message);
      }
    }
  }
}
