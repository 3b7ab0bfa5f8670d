package dev.vocero.api.openapi;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;

/** Schema names that stay unique: a nested record is named after its holder ({@code AudioViews.Detail}, not {@code Detail}). */
final class ViewNames extends TypeNameResolver {

  static ModelResolver resolver() {
    return new ModelResolver(Json.mapper(), new ViewNames()).openapi31(true);
  }

  @Override
  protected String getNameOfClass(Class<?> cls) {
    String name = super.getNameOfClass(cls);
    Class<?> holder = cls.getEnclosingClass();
    return holder != null && name.equals(cls.getSimpleName()) ? getNameOfClass(holder) + "." + name : name;
  }
}
