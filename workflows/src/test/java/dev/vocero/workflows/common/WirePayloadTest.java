package dev.vocero.workflows.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vocero.workflows.calls.BatchProgress;
import dev.vocero.workflows.calls.BatchStatus;
import dev.vocero.workflows.calls.ContactState;
import dev.vocero.workflows.campaigns.CampaignState;
import dev.vocero.workflows.campaigns.CampaignWave;
import dev.vocero.workflows.campaigns.MemberStatus;
import dev.vocero.workflows.messaging.Channel;
import dev.vocero.workflows.messaging.WaveInput;
import dev.vocero.workflows.messaging.WaveProgress;
import dev.vocero.workflows.messaging.WaveStatus;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The status enums travel in payloads as the same lowercase words the strings were before 1.0. */
class WirePayloadTest {
  private final DataConverter converter = DefaultDataConverter.newDefaultInstance();

  @Test
  void givenAPayloadWithStatusEnums_whenConverted_itShouldCarryTheWireWordsAndReadBack() {
    BatchProgress batch = new BatchProgress(BatchStatus.PAUSED, 3, 1, 2, true, 1.5, 4, "no_credit");
    UUID waveId = UUID.fromString("00000000-0000-0000-0000-000000000001");
    CampaignWave wave = new CampaignWave(waveId, Channel.WHATSAPP, 6, null, false, true, MemberStatus.HELD, 1, 0, 0);
    WaveProgress progress = new WaveProgress(WaveStatus.RUNNING, 1, 0, 0, 7, 60, null);

    assertTrue(json(batch).contains("\"status\":\"paused\""), json(batch));
    assertTrue(json(wave).contains("\"channel\":\"whatsapp\""), json(wave));
    assertTrue(json(wave).contains("\"status\":\"held\""), json(wave));
    assertTrue(json(progress).contains("\"status\":\"running\""), json(progress));
    assertEquals(batch, back(batch, BatchProgress.class));
    assertEquals(wave, back(wave, CampaignWave.class));
    assertEquals(progress, back(progress, WaveProgress.class));
  }

  @Test
  void givenAWaveThatDefersContacts_whenItsInputIsConverted_itShouldReadBackItsWaitingCountAndDeferredList() {
    UUID waveId = UUID.fromString("00000000-0000-0000-0000-000000000001");
    WaveInput input = new WaveInput(waveId, waveId, new WaveProgress(WaveStatus.RUNNING, 1, 0, 0, 7, 60, null, 2),
        java.util.List.of(new WaveInput.Deferred(3, 1_000), new WaveInput.Deferred(5, 2_000)));
    assertEquals(input, back(input, WaveInput.class));
    WaveInput before = fromJson("{\"orgId\":\"" + waveId + "\",\"waveId\":\"" + waveId + "\",\"progress\":{\"status\":"
        + "\"running\",\"sent\":1,\"skipped\":0,\"failed\":0,\"lastContactId\":7,\"perMinute\":60}}", WaveInput.class);
    assertEquals(new WaveInput(waveId, waveId, new WaveProgress(WaveStatus.RUNNING, 1, 0, 0, 7, 60, null)), before,
        "an input written before waves waited reads as one with nothing deferred");
  }

  @Test
  void givenEveryStatusEnum_itsWireWordShouldReadBackAsItself() {
    Stream.of(BatchStatus.values(), ContactState.values(), CampaignState.values(), MemberStatus.values(),
        WaveStatus.values(), Channel.values()).flatMap(Stream::of).forEach(value -> {
          assertEquals("\"" + value.name().toLowerCase(Locale.ROOT) + "\"", json(value));
          assertEquals(value, back(value, value.getClass()));
        });
    assertEquals(ContactState.RETRY_WAIT, ContactState.fromWire("retry_wait"));
    assertEquals(CampaignState.SCHEDULED, CampaignState.fromWire(" Scheduled "));
  }

  private String json(Object value) {
    Payload payload = converter.toPayload(value).orElseThrow();
    return payload.getData().toStringUtf8();
  }

  private <T> T fromJson(String json, Class<T> type) {
    Payload payload = Payload.newBuilder()
        .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFromUtf8(json)).build();
    return converter.fromPayload(payload, type, type);
  }

  private <T> T back(Object value, Class<T> type) {
    return converter.fromPayload(converter.toPayload(value).orElseThrow(), type, type);
  }
}
