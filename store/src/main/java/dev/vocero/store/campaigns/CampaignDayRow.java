package dev.vocero.store.campaigns;

import java.time.LocalDate;

/**
 * One day of a campaign; {@code finishedByDisposition} is a JSON object such as {"answered": 12}; {@code messagesByStatus}
 * counts the messages created that day by their state, such as {"delivered": 40}.
 */
public record CampaignDayRow(LocalDate day, int callsStarted, int callsFinished, String finishedByDisposition,
    int messagesSent, String messagesByStatus) {}
