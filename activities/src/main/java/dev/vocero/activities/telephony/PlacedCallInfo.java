package dev.vocero.activities.telephony;

/** The provider's id for a dialed call and its status at that moment ({@code queued}, {@code registered}...). */
public record PlacedCallInfo(String providerCallId, String status) {
}
