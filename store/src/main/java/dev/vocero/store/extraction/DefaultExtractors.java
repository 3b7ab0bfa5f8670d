package dev.vocero.store.extraction;

import java.util.List;
import java.util.UUID;

/**
 * The extractors every organization starts with. Schemas follow OpenAI's strict structured-output rules (every
 * property required, no additional properties, null where a value may be absent) so every provider can honour them.
 */
public final class DefaultExtractors {

  /** One extractor definition; {@code jsonSchema} is JSON text (draft 2020-12). */
  public record Definition(String name, String description, String instructions, String jsonSchema) {}

  private static final String EVIDENCE = """
      {"type":"array","description":"verbatim quotes from the transcript that support the answer",
       "items":{"type":"object","additionalProperties":false,"required":["quote","timestampMs"],
        "properties":{"quote":{"type":"string","description":"the exact words, copied from one segment"},
                      "timestampMs":{"type":"integer","minimum":0,"description":"startMs of that segment"}}}}""";

  private static final List<Definition> DEFINITIONS = List.of(
      new Definition("summary", "A short summary of the call and its key points",
          "Summarize the call in at most three sentences, in the language of the call, and list its key points.",
          """
          {"type":"object","additionalProperties":false,"required":["summary","keyPoints"],
           "properties":{"summary":{"type":"string"},
                         "keyPoints":{"type":"array","items":{"type":"string"},"maxItems":8}}}"""),
      new Definition("sentiment", "The customer's overall sentiment, from -1 (negative) to 1 (positive)",
          "Judge the overall sentiment of the customer (not the agent) during the call.",
          """
          {"type":"object","additionalProperties":false,"required":["label","score"],
           "properties":{"label":{"type":"string","enum":["positive","neutral","negative","mixed"]},
                         "score":{"type":"number","minimum":-1,"maximum":1}}}"""),
      new Definition("intent", "Why the customer is on the call",
          "Classify the customer's main intent in the call and explain it in one sentence.",
          """
          {"type":"object","additionalProperties":false,"required":["intent","explanation"],
           "properties":{"intent":{"type":"string","enum":["payment","payment_difficulty","purchase","information",
                           "complaint","cancellation","callback","other"]},
                         "explanation":{"type":"string"}}}"""),
      new Definition("payment_promise", "Whether the customer promised to pay: amount, currency and date",
          "Decide whether the customer explicitly promised to make a payment. If so, give the amount, the ISO 4217 "
              + "currency and the promised date (YYYY-MM-DD) when they were said; use null for what was not said.",
          """
          {"type":"object","additionalProperties":false,"required":["promised","amount","currency","date","evidence"],
           "properties":{"promised":{"type":"boolean"},
                         "amount":{"type":["number","null"],"minimum":0},
                         "currency":{"type":["string","null"],"pattern":"^[A-Z]{3}$"},
                         "date":{"type":["string","null"],"description":"YYYY-MM-DD"},
                         "evidence":%s}}""".formatted(EVIDENCE)),
      new Definition("callback_request", "Whether the customer asked to be called back, and when",
          "Decide whether the customer asked to be called back later. If so, say when, in the customer's words or as "
              + "an ISO 8601 date-time when it is precise; use null when no time was given.",
          """
          {"type":"object","additionalProperties":false,"required":["requested","when","evidence"],
           "properties":{"requested":{"type":"boolean"},"when":{"type":["string","null"]},"evidence":%s}}"""
              .formatted(EVIDENCE)),
      new Definition("complaint", "Whether the customer complained, about what and how seriously",
          "Decide whether the customer made a complaint. If so, say what about and how severe it is (high when they "
              + "threaten legal action, a regulator or to leave).",
          """
          {"type":"object","additionalProperties":false,"required":["hasComplaint","topic","severity","evidence"],
           "properties":{"hasComplaint":{"type":"boolean"},"topic":{"type":["string","null"]},
                         "severity":{"type":["string","null"],"enum":["low","medium","high",null]},
                         "evidence":%s}}""".formatted(EVIDENCE)),
      new Definition("opportunities", "Sales, collection and retention opportunities, each with evidence",
          "List every sales, collection or retention opportunity in the call, each with the quotes that show it.",
          """
          {"type":"object","additionalProperties":false,"required":["opportunities"],
           "properties":{"opportunities":{"type":"array","items":{"type":"object","additionalProperties":false,
             "required":["type","description","evidence"],
             "properties":{"type":{"type":"string","enum":["payment_promise","payment_plan","upsell","cross_sell",
                             "retention","referral","other"]},
                           "description":{"type":"string"},"evidence":%s}}}}}""".formatted(EVIDENCE)));

  private DefaultExtractors() {}

  public static List<Definition> all() {
    return DEFINITIONS;
  }

  /**
   * Gives an organization that has no extractor yet the defaults; returns how many were inserted. Safe to run
   * concurrently and repeatedly: an organization that already has extractors (even disabled ones) is left alone.
   */
  public static int seedIfNone(ExtractorDao dao, UUID orgId) {
    if (dao.count(orgId) > 0) {
      return 0;
    }
    int inserted = 0;
    for (Definition d : DEFINITIONS) {
      if (dao.create(orgId, d.name(), d.description(), d.instructions(), d.jsonSchema(), null).isPresent()) {
        inserted++;
      }
    }
    return inserted;
  }
}
