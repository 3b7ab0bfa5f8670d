package dev.vocero.activities.llm;

import static dev.vocero.activities.llm.LlmFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeminiSchemasTest {

  @Test
  void givenRefsConstsUnionsAndUnknownKeywords_whenConverting_itShouldProduceGeminisOpenApiSubset() {
    var schema = json("""
        {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","additionalProperties":false,
         "$defs":{"evidence":{"type":"object","properties":{"quote":{"type":"string"},
            "startMs":{"type":"integer","minimum":0}},"required":["quote","startMs"]}},
         "properties":{
           "kind":{"const":"promise"},
           "currency":{"type":["string","null"],"pattern":"^[A-Z]{3}$","format":"iso-4217"},
           "when":{"type":"string","format":"date-time"},
           "amount":{"oneOf":[{"type":"number"},{"type":"null"}]},
           "evidence":{"type":"array","items":{"$ref":"#/$defs/evidence"},"maxItems":5,"uniqueItems":true}},
         "required":["kind"]}
        """);

    var expected = json("""
        {"type":"OBJECT",
         "properties":{
           "kind":{"type":"STRING","enum":["promise"]},
           "currency":{"nullable":true,"type":"STRING","pattern":"^[A-Z]{3}$"},
           "when":{"type":"STRING","format":"date-time"},
           "amount":{"anyOf":[{"type":"NUMBER"},{"nullable":true}]},
           "evidence":{"type":"ARRAY","maxItems":5,"items":{"type":"OBJECT",
              "properties":{"quote":{"type":"STRING"},"startMs":{"type":"INTEGER","minimum":0}},
              "propertyOrdering":["quote","startMs"],"required":["quote","startMs"]}}},
         "propertyOrdering":["kind","currency","when","amount","evidence"],
         "required":["kind"]}
        """);
    assertEquals(expected, GeminiSchemas.convert(schema));
  }
}
