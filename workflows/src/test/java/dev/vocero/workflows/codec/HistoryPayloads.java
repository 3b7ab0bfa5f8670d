package dev.vocero.workflows.codec;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every payload anywhere in a history (inputs, results, signals, markers, failure details), except search attributes
 * and the SDK's own bookkeeping in markers (local activity id, type and time; version change ids), which the SDK writes
 * with its standard converter, never through a codec.
 */
public final class HistoryPayloads {
  static final Set<String> SDK_MARKER_KEYS =
      Set.of("activityId", "type", "time", "meta", "changeId", "version", "versionSearchAttributeUpdated");

  private HistoryPayloads() {}

  public static List<Payload> of(Message message) {
    List<Payload> found = new ArrayList<>();
    collect(message, found);
    return found;
  }

  private static void collect(Message message, List<Payload> found) {
    if (message instanceof Payload payload) {
      found.add(payload);
      return;
    }
    if (message.getDescriptorForType().getOptions().getMapEntry()
        && SDK_MARKER_KEYS.contains(String.valueOf(message.getField(message.getDescriptorForType().findFieldByName("key"))))) {
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE
          || field.getKey().getName().equals("search_attributes")) { // indexed ids, never encoded by design
        continue;
      }
      if (field.getValue() instanceof List<?> list) {
        list.forEach(item -> collect((Message) item, found));
      } else {
        collect((Message) field.getValue(), found);
      }
    }
  }
}
