package dev.vocero.activities.telephony;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.CallReader;
import com.twilio.type.PhoneNumber;
import dev.vocero.domain.telephony.TwilioStatuses;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places calls through Twilio Programmable Voice (twilio-java 13). */
public class TwilioTelephony implements Telephony {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioTelephony.class);
  private static final List<String> STATUS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

  private final TwilioConfig config;
  private final TwilioRestClient client;

  public TwilioTelephony(TwilioConfig config, TwilioRestClient client) {
    this.config = config;
    this.client = client;
  }

  /** Builds the real client against api.twilio.com, without the SDK's own retries (see {@link TwilioHttp}). */
  public static TwilioTelephony create(TwilioConfig config) {
    return new TwilioTelephony(config,
        TwilioHttp.restClient(config.getAccountSid(), config.getAuthToken(), HttpClientBuilder.create()));
  }

  @Override
  public String provider() {
    return "twilio";
  }

  @Override
  public PlacedCallInfo place(CallRequest request) {
    CallCreator creator = Call.creator(new PhoneNumber(request.to()), new PhoneNumber(from(request)),
            request.answerUrl())
        .setTimeout(request.ringTimeoutSeconds() > 0 ? request.ringTimeoutSeconds() : config.getRingTimeoutSeconds());
    if (request.statusCallbackUrl() != null) {
      creator.setStatusCallback(request.statusCallbackUrl())
          .setStatusCallbackMethod(HttpMethod.POST)
          .setStatusCallbackEvent(STATUS_EVENTS);
    }
    if (request.machineDetection() != null) {
      creator.setMachineDetection(request.machineDetection());
    }
    if (request.recordingCallbackUrl() != null) {
      creator.setRecord(true)
          .setRecordingStatusCallback(request.recordingCallbackUrl().toString())
          .setRecordingStatusCallbackEvent(List.of("completed"));
    }
    try {
      Call call = creator.create(client);
      LOG.info("telephony provider=twilio step=create attemptId={} callSid={} status={}", request.attemptId(),
          call.getSid(), statusWord(call));
      return new PlacedCallInfo(call.getSid(), statusWord(call));
    } catch (TwilioException e) {
      throw TwilioErrors.map("create call", e);
    }
  }

  @Override
  public Optional<CallStatusInfo> fetch(String providerCallId) {
    try {
      return Optional.of(statusOf(Call.fetcher(providerCallId).fetch(client)));
    } catch (TwilioException e) {
      if (TwilioErrors.notFound(e)) {
        return Optional.empty();
      }
      throw TwilioErrors.map("fetch call", e);
    }
  }

  /**
   * The newest call to this number created since {@code notBefore} is this attempt's: a contact's attempts are
   * serialized by its workflow, so no other attempt can dial the number in that window. Queued calls have no start
   * time yet (Twilio queues at the account's calls-per-second), so they are read separately.
   */
  @Override
  public Optional<PlacedCallInfo> findPlaced(CallRequest request, Instant notBefore) {
    try {
      CallReader started = Call.reader().setTo(new PhoneNumber(request.to()))
          .setStartTimeAfter(ZonedDateTime.ofInstant(notBefore, ZoneOffset.UTC));
      CallReader queued = Call.reader().setTo(new PhoneNumber(request.to())).setStatus(Call.Status.QUEUED);
      // StartTime> is compared by Twilio at its own granularity, so the bound is checked on date_created, which Twilio
      // gives in whole seconds: a call taken in the attempt's own second is dated before it to the millisecond
      Instant sameSecond = notBefore.truncatedTo(ChronoUnit.SECONDS);
      return Stream.concat(read(started), read(queued))
          .filter(call -> call.getDateCreated() == null || !call.getDateCreated().toInstant().isBefore(sameSecond))
          .max(Comparator.comparing(call -> call.getDateCreated() == null ? Instant.MAX
              : call.getDateCreated().toInstant()))
          .map(call -> new PlacedCallInfo(call.getSid(), statusWord(call)));
    } catch (TwilioException e) {
      throw TwilioErrors.map("list calls", e);
    }
  }

  private Stream<Call> read(CallReader reader) {
    return StreamSupport.stream(reader.limit(5).read(client).spliterator(), false);
  }

  private String from(CallRequest request) {
    return Objects.requireNonNull(request.from() != null ? request.from() : config.getFromNumber(),
        "no caller id: set telephony.twilio.fromNumber");
  }

  private static CallStatusInfo statusOf(Call call) {
    String status = statusWord(call);
    boolean terminal = TwilioStatuses.terminal(status);
    return new CallStatusInfo(call.getSid(), status, terminal,
        CallStatusInfo.disposition(TwilioStatuses.disposition(status, call.getAnsweredBy(), null)),
        call.getDuration() == null ? null : Long.valueOf(call.getDuration()), call.getAnsweredBy());
  }

  /** Twilio's wire word ({@code in-progress}, {@code no-answer}...). */
  private static String statusWord(Call call) {
    return call.getStatus() == null ? null : call.getStatus().toString();
  }
}
