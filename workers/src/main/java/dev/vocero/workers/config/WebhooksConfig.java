package dev.vocero.workers.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code webhooks:} section (outbound alert webhooks). Receivers must be public addresses: a URL that resolves to a
 * loopback, private, link-local (cloud metadata) or other internal address is refused at delivery, so a user cannot
 * make Vocero post into its own network. {@code allowPrivateNetworks: true} lifts that for receivers you run inside
 * your network (and in {@code vocero dev}, where receivers are usually on localhost).
 */
public class WebhooksConfig {
  @JsonProperty private boolean allowPrivateNetworks;

  public boolean isAllowPrivateNetworks() {
    return allowPrivateNetworks;
  }

  public void setAllowPrivateNetworks(boolean allowPrivateNetworks) {
    this.allowPrivateNetworks = allowPrivateNetworks;
  }
}
