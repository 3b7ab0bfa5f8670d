package dev.vocero.api.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API writes {@code null} for an absent record component (Jackson's default inclusion), so the document says
 * {@code type: [x, "null"]} for every component that is neither primitive nor {@code @NotNull}.
 */
final class NullableFields implements ModelConverter {

  @Override
  public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    if (!chain.hasNext()) {
      return null;
    }
    Schema schema = chain.next().resolve(type, context, chain);
    Class<?> raw = type.getType() == null ? null : Json.mapper().constructType(type.getType()).getRawClass();
    if (schema == null || raw == null || !raw.isRecord()) {
      return schema;
    }
    Schema model = schema.get$ref() == null ? schema
        : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
    if (model == null || model.getProperties() == null) {
      return schema;
    }
    for (RecordComponent component : raw.getRecordComponents()) {
      if (component.getType().isPrimitive() || component.getAccessor().isAnnotationPresent(NotNull.class)) {
        continue;
      }
      JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
      String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
      Schema property = (Schema) model.getProperties().get(name);
      if (property != null) {
        model.getProperties().put(name, nullable(property));
      }
    }
    return schema;
  }

  @SuppressWarnings("unchecked")
  private static Schema nullable(Schema property) {
    if (property.get$ref() != null) {
      return new JsonSchema().anyOf(List.of(property, new JsonSchema().types(Set.of("null"))));
    }
    if (property.getTypes() == null || property.getTypes().contains("null")) {
      return property;
    }
    Set<String> types = new LinkedHashSet<>(property.getTypes());
    types.add("null");
    property.setTypes(types);
    if (property.getEnum() != null && !property.getEnum().contains(null)) {
      property.getEnum().add(null);
    }
    return property;
  }

  @Override
  public boolean isOpenapi31() {
    return true;
  }
}
