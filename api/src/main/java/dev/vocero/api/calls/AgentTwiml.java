package dev.vocero.api.calls;

import com.twilio.twiml.TwiML;
import com.twilio.twiml.TwiMLException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Sip;
import com.twilio.twiml.voice.Stream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** TwiML that connects an answered call to the batch's AI agent, built with the Twilio SDK's TwiML builders. */
final class AgentTwiml {
  private static final Logger LOG = LoggerFactory.getLogger(AgentTwiml.class);

  private AgentTwiml() {}

  /**
   * Stream: {@code <Connect><Stream url>} with the attempt id, the contact's variables and the agent's own parameters
   * (placeholders rendered) as {@code <Parameter>}s. SIP: {@code <Dial><Sip>uri</Sip></Dial>}.
   */
  static String handOff(AgentSettings agent, UUID attemptId, Map<String, String> variables) {
    if (!agent.stream()) {
      LOG.info("Attempt {} handed to a SIP agent at {}", attemptId, host(agent.uri()));
      return xml(new VoiceResponse.Builder().dial(new Dial.Builder().sip(new Sip.Builder(agent.uri()).build()).build())
          .build());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("attempt_id", attemptId.toString());
    variables.forEach((name, value) -> {
      if (!value.isEmpty()) {
        parameters.put(name, value);
      }
    });
    agent.parameters().forEach((name, value) -> parameters.put(name, TwimlResource.render(value, variables)));
    Stream.Builder stream = new Stream.Builder().url(agent.url());
    parameters.forEach((name, value) -> stream.parameter(new Parameter.Builder().name(name).value(value).build()));
    LOG.info("Attempt {} handed to a stream agent at {} with {} parameters", attemptId, host(agent.url()),
        parameters.size());
    return xml(new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream.build()).build()).build());
  }

  static String xml(TwiML twiml) {
    try {
      return twiml.toXml();
    } catch (TwiMLException e) {
      throw new IllegalStateException("TwiML could not be written", e);
    }
  }

  /** Only the host goes to the log: a URL or SIP user may carry a token or a number. */
  private static String host(String address) {
    int at = address.lastIndexOf('@');
    if (at >= 0) {
      return address.substring(at + 1).replaceAll("[;?].*", "");
    }
    String host = URI.create(address).getHost();
    return host == null ? "?" : host;
  }
}
