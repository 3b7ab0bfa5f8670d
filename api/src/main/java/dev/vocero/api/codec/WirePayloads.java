package dev.vocero.api.codec;

import com.google.protobuf.ByteString;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Between {@link CodecPayloads} (base64 in JSON) and Temporal's protobuf payloads. */
final class WirePayloads {
  private WirePayloads() {}

  static List<io.temporal.api.common.v1.Payload> toProto(CodecPayloads body) {
    List<io.temporal.api.common.v1.Payload> payloads = new ArrayList<>();
    List<ApiError.Detail> problems = new ArrayList<>();
    for (int i = 0; i < body.payloads().size(); i++) {
      CodecPayloads.Payload wire = body.payloads().get(i);
      io.temporal.api.common.v1.Payload.Builder payload = io.temporal.api.common.v1.Payload.newBuilder();
      Map<String, String> metadata = wire.metadata() == null ? Map.of() : new TreeMap<>(wire.metadata());
      for (Map.Entry<String, String> entry : metadata.entrySet()) {
        bytes(entry.getValue(), "payloads[" + i + "].metadata." + entry.getKey(), problems)
            .ifPresent(value -> payload.putMetadata(entry.getKey(), value));
      }
      bytes(wire.data(), "payloads[" + i + "].data", problems).ifPresent(payload::setData);
      payloads.add(payload.build());
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(ApiError.Detail::field));
      throw new ApiException(422, "invalid_request", "Payload fields must be base64 (see details).", problems, null);
    }
    return payloads;
  }

  static CodecPayloads toWire(List<io.temporal.api.common.v1.Payload> payloads) {
    Base64.Encoder base64 = Base64.getEncoder();
    return new CodecPayloads(payloads.stream().map(payload -> {
      Map<String, String> metadata = new TreeMap<>();
      payload.getMetadataMap().forEach((key, value) -> metadata.put(key, base64.encodeToString(value.toByteArray())));
      return new CodecPayloads.Payload(metadata, base64.encodeToString(payload.getData().toByteArray()));
    }).toList());
  }

  private static java.util.Optional<ByteString> bytes(String base64, String field, List<ApiError.Detail> problems) {
    if (base64 == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(ByteString.copyFrom(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException e) {
      problems.add(new ApiError.Detail(field, "invalid_base64", "must be standard base64"));
      return java.util.Optional.empty();
    }
  }
}
