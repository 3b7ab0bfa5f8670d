package dev.vocero.domain.credits;

/**
 * The price table, in credits: a call costs {@code callPerMinute} per started minute, an SMS {@code smsPerSegment}
 * per segment, a free-form WhatsApp message {@code whatsappPerMessage} and a WhatsApp content template
 * {@code whatsappPerTemplate}. Before dialing, {@code reserveMinutes} minutes are held.
 */
public record CreditPrices(long callPerMinute, long smsPerSegment, long whatsappPerMessage, long whatsappPerTemplate,
    int reserveMinutes) {
  public static final String SMS = "sms";
  public static final String WHATSAPP = "whatsapp";

  public CreditPrices {
    if (callPerMinute < 0 || smsPerSegment < 0 || whatsappPerMessage < 0 || whatsappPerTemplate < 0
        || reserveMinutes < 1) {
      throw new IllegalArgumentException("prices must be 0 or more and reserveMinutes at least 1");
    }
  }

  /** A WhatsApp template costs what a free-form WhatsApp message does. */
  public CreditPrices(long callPerMinute, long smsPerSegment, long whatsappPerMessage, int reserveMinutes) {
    this(callPerMinute, smsPerSegment, whatsappPerMessage, whatsappPerMessage, reserveMinutes);
  }

  /** 1 credit per call-minute, per SMS segment and per WhatsApp message or template; 2 minutes held per call. */
  public static CreditPrices defaults() {
    return new CreditPrices(1, 1, 1, 1, 2);
  }

  /**
   * What one message costs: an SMS its segments (at least one) times {@code smsPerSegment}; a WhatsApp message
   * {@code whatsappPerTemplate} when it is a content template ({@code template}), else {@code whatsappPerMessage}.
   */
  public long messageCost(String channel, boolean template, int segments) {
    return switch (channel) {
      case SMS -> Math.max(1, segments) * smsPerSegment;
      case WHATSAPP -> template ? whatsappPerTemplate : whatsappPerMessage;
      default -> throw new IllegalArgumentException("no price for channel " + channel);
    };
  }

  /** Held before one call is placed. */
  public long callReservation() {
    return callPerMinute * reserveMinutes;
  }

  /** What a call of this many seconds costs: every started minute counts; an unanswered call (0 s) is free. */
  public long callCost(long durationSeconds) {
    long minutes = Math.max(0, (durationSeconds + 59) / 60);
    return minutes * callPerMinute;
  }

  /** The most a list can cost before launch: every contact reaching every attempt at the reserved length. */
  public CallEstimate estimateCalls(long contacts, int attemptsPerContact) {
    long attempts = contacts * Math.max(1, attemptsPerContact);
    return new CallEstimate(contacts, attempts, reserveMinutes, callPerMinute, attempts * callReservation());
  }

  /** contacts × attempts × reserved minutes × price per minute = credits. */
  public record CallEstimate(long contacts, long attempts, int minutesPerAttempt, long creditsPerMinute, long credits) {}
}
