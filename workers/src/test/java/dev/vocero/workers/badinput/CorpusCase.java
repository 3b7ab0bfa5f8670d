package dev.vocero.workers.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One bad request and its expected answer, read from {@code bad-input/*.yaml}. Exactly one of {@code json},
 * {@code raw}, {@code form} and {@code upload} carries the body (or none).
 *
 * @param as who sends it: admin, operator, viewer (organisation A), other (organisation B's admin) or none
 * @param sign a provider signature to compute: twilio, twilio-wrong-token, twilio-other-url, twilio-other-params,
 *     retell, retell-wrong-key, retell-stale, retell-other-body
 * @param repeat how many times to send it (replays), each expecting the same answer
 * @param check an extra assertion after the answer: report-without-formulas, stored-without-entity
 */
record CorpusCase(String file, String name, String as, String method, String path, Map<String, String> headers,
    JsonNode json, String raw, String contentType, Map<String, String> form, Upload upload, String sign, int repeat,
    int status, String code, String check) {

  /** A multipart upload: {@code text} as the file's content, or a {@code generate}d hostile file. */
  record Upload(String field, String filename, String text, String generate, Map<String, String> fields) {}

  @Override
  public String toString() {
    return file + ": " + name;
  }
}
