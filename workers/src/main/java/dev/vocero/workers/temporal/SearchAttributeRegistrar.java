package dev.vocero.workers.temporal;

import dev.vocero.workflows.common.VoceroSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the Vocero search attributes that are missing. A workflow that upserts an unregistered
 * attribute fails its task forever, so this runs before any worker polls.
 */
public final class SearchAttributeRegistrar {
  private static final Logger LOG = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private SearchAttributeRegistrar() {}

  /** Returns true when every attribute is known to be registered. */
  public static boolean register(TemporalConnection temporal) {
    OperatorServiceStubs operator = temporal.operatorStubs();
    try {
      Set<String> existing = existing(operator, temporal.namespace());
      AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace(temporal.namespace());
      for (SearchAttributeKey<String> key : VoceroSearchAttributes.ALL) {
        if (!existing.contains(key.getName())) {
          request.putSearchAttributes(key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
        }
      }
      if (request.getSearchAttributesCount() > 0) {
        operator.blockingStub().addSearchAttributes(request.build());
        LOG.info("Registered search attributes {}", request.getSearchAttributesMap().keySet());
      }
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
      LOG.warn("Could not register search attributes on {} ({}); register them with "
          + "'temporal operator search-attribute create' (see deployment/temporal-setup.sh)",
          temporal.namespace(), e.getStatus().getCode());
      return false;
    } finally {
      operator.shutdown();
    }
  }

  private static Set<String> existing(OperatorServiceStubs operator, String namespace) {
    try {
      Map<String, IndexedValueType> custom = operator.blockingStub()
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
          .getCustomAttributesMap();
      return custom.keySet();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Set.of(); // the embedded test server cannot list: adding is idempotent there
      }
      throw e;
    }
  }
}
