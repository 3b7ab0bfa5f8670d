package dev.vocero.api.console;

import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * The new-batch form's fields as Jersey reads them ({@code @BeanParam}), shared by "Check the list" and "Start calling"
 * so the two actions cannot drift apart; {@link #form()} gives the form the settings are built from.
 */
public final class BatchFormFields {
  @FormDataParam("name") String name;
  @FormDataParam("jurisdiction") String jurisdiction;
  @FormDataParam("customWindows") String customWindows;
  @FormDataParam("defaultRegion") String region;
  @FormDataParam("callsPerSecond") String callsPerSecond;
  @FormDataParam("maxConcurrentCalls") String maxConcurrent;
  @FormDataParam("maxAttempts") String maxAttempts;
  @FormDataParam("policyCallsPerDay") String callsPerDay;
  @FormDataParam("policyCallsPerWeek") String callsPerWeek;
  @FormDataParam("policyMessagesPerDay") String messagesPerDay;
  @FormDataParam("policyMessagesPerWeek") String messagesPerWeek;
  @FormDataParam("policyMinHoursBetweenCalls") String hoursBetweenCalls;
  @FormDataParam("policyMinHoursBetweenMessages") String hoursBetweenMessages;
  @FormDataParam("policyWindows") String policyWindows;
  @FormDataParam("policyOverrideReason") String overrideReason;

  BatchForm form() {
    return new BatchForm(name, jurisdiction, customWindows, region, callsPerSecond, maxConcurrent, maxAttempts,
        new PolicyForm(callsPerDay, callsPerWeek, messagesPerDay, messagesPerWeek, hoursBetweenCalls,
            hoursBetweenMessages, policyWindows, overrideReason));
  }
}
