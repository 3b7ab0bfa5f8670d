package dev.vocero.workflows.campaigns;

import dev.vocero.workflows.messaging.Channel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The campaign's daily quotas in one window: calls started by its batches and messages sent per channel by its waves.
 * A quota, once reached, stays reached until the window ends (the next day's run starts a new one). The progress is
 * polled when the quota could at the earliest be reached at the current pace, so it can be passed by at most what is
 * started in one poll interval.
 */
final class CampaignQuota {
  static final long MIN_POLL_MILLIS = 1_000;
  static final long MAX_POLL_MILLIS = 600_000;

  private final int calls;
  private final Map<String, Integer> messages;
  private boolean callsReached;
  private final Set<String> channelsReached = new TreeSet<>();

  /** {@code calls} and each channel's quota: 0 or absent means no quota. */
  CampaignQuota(int calls, Map<String, Integer> messages) {
    this.calls = calls;
    this.messages = messages == null ? Map.of() : new TreeMap<>(messages);
  }

  int calls() {
    return calls;
  }

  Map<String, Integer> messages() {
    return messages;
  }

  boolean callsReached() {
    return callsReached;
  }

  boolean channelReached(Channel channel) {
    return channelsReached.contains(channel.wire());
  }

  List<String> channelsReached() {
    return List.copyOf(channelsReached);
  }

  /** True the moment today's starts reach the call quota. */
  boolean reachCalls(int startedToday) {
    if (calls > 0 && !callsReached && startedToday >= calls) {
      callsReached = true;
      return true;
    }
    return false;
  }

  /** The channels whose quota today's sends reach now. */
  List<String> reachChannels(Map<String, Integer> sentToday) {
    List<String> reached = new ArrayList<>();
    messages.forEach((channel, quota) -> {
      if (quota != null && quota > 0 && !channelsReached.contains(channel)
          && sentToday.getOrDefault(channel, 0) >= quota) {
        channelsReached.add(channel);
        reached.add(channel);
      }
    });
    return reached;
  }

  /** When to read the batches again, at the pace of the active ones. */
  long callPollMillis(int startedToday, Collection<CampaignBatch> batches) {
    double callsPerSecond = batches.stream().filter(b -> b.status() == MemberStatus.ACTIVE)
        .mapToDouble(b -> b.settings().callsPerSecond()).sum();
    return calls <= 0 ? MAX_POLL_MILLIS : pollMillis(calls, startedToday, callsPerSecond);
  }

  /** When to read the waves again: the earliest of the channels with active waves; never when none is active. */
  long messagePollMillis(Map<String, Integer> sentToday, Collection<CampaignWave> waves) {
    Map<String, Double> perSecond = new TreeMap<>();
    for (CampaignWave wave : waves) {
      if (wave.status() == MemberStatus.ACTIVE) {
        perSecond.merge(wave.channel().wire(), wave.perMinute() / 60.0, Double::sum);
      }
    }
    long poll = Long.MAX_VALUE;
    for (Map.Entry<String, Double> channel : perSecond.entrySet()) {
      Integer quota = messages.get(channel.getKey());
      long channelPoll = quota == null || quota <= 0 ? MAX_POLL_MILLIS
          : pollMillis(quota, sentToday.getOrDefault(channel.getKey(), 0), channel.getValue());
      poll = Math.min(poll, channelPoll);
    }
    return poll;
  }

  /** The time {@code used} needs at {@code perSecond} to come within one of {@code quota}, within the poll bounds. */
  static long pollMillis(int quota, int used, double perSecond) {
    if (perSecond <= 0) {
      return MAX_POLL_MILLIS;
    }
    double seconds = (quota - used - 1) / perSecond;
    return Math.max(MIN_POLL_MILLIS, Math.min(MAX_POLL_MILLIS, (long) (seconds * 1000)));
  }
}
