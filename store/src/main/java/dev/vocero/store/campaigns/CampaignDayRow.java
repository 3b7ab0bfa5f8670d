package dev.vocero.store.campaigns;

import java.time.LocalDate;

/** One day of a campaign; {@code finishedByDisposition} is a JSON object such as {"answered": 12}. */
public record CampaignDayRow(LocalDate day, int callsStarted, int callsFinished, String finishedByDisposition) {}
