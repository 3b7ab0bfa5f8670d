package dev.vocero.workflows.codec;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.temporal.api.common.v1.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every payload anywhere in a history (inputs, results, signals, markers, failure details), search attributes aside. */
public final class HistoryPayloads {
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
