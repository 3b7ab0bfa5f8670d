package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.messaging.Channel;
import static dev.vocero.workflows.campaigns.CampaignTestSupport.pace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignQuotaTest {

  @Test
  void givenACallQuota_whenTheStartsReachIt_itShouldReportItOnceAndStayReached() {
    CampaignQuota quota = new CampaignQuota(10, Map.of());

    assertFalse(quota.reachCalls(9));
    assertTrue(quota.reachCalls(10));
    assertFalse(quota.reachCalls(12), "reported once");
    assertTrue(quota.callsReached());
  }

  @Test
  void givenNoCallQuota_whenManyCallsStart_itShouldNeverBeReached() {
    CampaignQuota quota = new CampaignQuota(0, null);

    assertFalse(quota.reachCalls(1_000_000));
    assertEquals(Map.of(), quota.messages());
  }

  @Test
  void givenChannelQuotas_whenSendsReachOne_itShouldReachOnlyThatChannel() {
    CampaignQuota quota = new CampaignQuota(0, Map.of("sms", 5, "whatsapp", 0));

    assertEquals(List.of(), quota.reachChannels(Map.of("sms", 4, "whatsapp", 100)), "whatsapp 0 means no quota");
    assertEquals(List.of("sms"), quota.reachChannels(Map.of("sms", 5)));
    assertEquals(List.of(), quota.reachChannels(Map.of("sms", 6)), "reported once");
    assertTrue(quota.channelReached(Channel.SMS));
    assertFalse(quota.channelReached(Channel.WHATSAPP));
    assertEquals(List.of("sms"), quota.channelsReached());
  }

  @Test
  void givenAPace_whenThePollIsComputed_itShouldBeWhenTheQuotaCouldFirstBeReachedWithinBounds() {
    assertEquals(9_000, CampaignQuota.pollMillis(20, 10, 1.0), "9 more starts at 1/s");
    assertEquals(CampaignQuota.MIN_POLL_MILLIS, CampaignQuota.pollMillis(20, 19, 1.0), "never below a second");
    assertEquals(CampaignQuota.MIN_POLL_MILLIS, CampaignQuota.pollMillis(20, 25, 1.0), "past the quota");
    assertEquals(CampaignQuota.MAX_POLL_MILLIS, CampaignQuota.pollMillis(100_000, 0, 1.0), "never above ten minutes");
    assertEquals(CampaignQuota.MAX_POLL_MILLIS, CampaignQuota.pollMillis(20, 0, 0), "no pace");
  }

  @Test
  void givenActiveAndHeldBatches_whenTheCallPollIsComputed_itShouldUseOnlyTheActivePace() {
    CampaignQuota quota = new CampaignQuota(100, Map.of());
    List<CampaignBatch> batches = List.of(
        new CampaignBatch(UUID.randomUUID(), pace(2), true, MemberStatus.ACTIVE, 0, 0),
        new CampaignBatch(UUID.randomUUID(), pace(3), true, MemberStatus.ACTIVE, 0, 0),
        new CampaignBatch(UUID.randomUUID(), pace(50), true, MemberStatus.HELD, 0, 0));

    assertEquals(9_800, quota.callPollMillis(50, batches), "49 more starts at 5/s");
    assertEquals(CampaignQuota.MAX_POLL_MILLIS, new CampaignQuota(0, Map.of()).callPollMillis(50, batches),
        "without a quota only the longest poll");
  }

  @Test
  void givenActiveWavesOnTwoChannels_whenTheMessagePollIsComputed_itShouldTakeTheEarliestChannel() {
    CampaignQuota quota = new CampaignQuota(0, Map.of("sms", 100));
    UUID batch = UUID.randomUUID();
    List<CampaignWave> waves = List.of(
        wave(Channel.SMS, 60, MemberStatus.ACTIVE, batch), wave(Channel.SMS, 60, MemberStatus.ACTIVE, batch),
        wave(Channel.WHATSAPP, 6, MemberStatus.ACTIVE, batch), wave(Channel.SMS, 600, MemberStatus.HELD, batch));

    assertEquals(39_500, quota.messagePollMillis(Map.of("sms", 20), waves), "79 more sms at 2/s");
    assertEquals(Long.MAX_VALUE, quota.messagePollMillis(Map.of(), List.of()), "no active wave: no poll");
    assertEquals(CampaignQuota.MAX_POLL_MILLIS,
        quota.messagePollMillis(Map.of(), List.of(wave(Channel.WHATSAPP, 6, MemberStatus.ACTIVE, batch))),
        "a channel without a quota");
  }

  private static CampaignWave wave(Channel channel, int perMinute, MemberStatus status, UUID batch) {
    return new CampaignWave(UUID.randomUUID(), channel, perMinute, batch, false, true, status, 0, 0, 0);
  }
}
