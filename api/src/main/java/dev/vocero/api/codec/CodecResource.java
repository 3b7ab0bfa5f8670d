package dev.vocero.api.codec;

import dev.vocero.api.auth.PlatformOperators;
import dev.vocero.api.auth.Role;
import dev.vocero.api.auth.VoceroPrincipal;
import dev.vocero.api.errors.ApiError;
import dev.vocero.api.errors.ApiException;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote codec the Temporal Web UI and {@code temporal --codec-endpoint} call to show Vocero's encrypted payloads
 * to a platform operator (an admin named in {@code auth.platformOperators}). Payloads of another namespace than Vocero's are returned unchanged: they are not Vocero's to decode.
 */
@Path("/codec")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CodecResource {
  private static final Logger LOG = LoggerFactory.getLogger(CodecResource.class);

  private final PayloadCodec codec;
  private final String namespace;
  private final PlatformOperators operators;

  public CodecResource(PayloadCodec codec, String namespace, PlatformOperators operators) {
    this.codec = codec;
    this.namespace = namespace;
    this.operators = operators;
  }

  @POST
  @Path("/encode")
  @RolesAllowed(Role.ADMIN_ONLY)
  @Operation(summary = "Encrypts payloads with the active key (Temporal remote codec)")
  public CodecPayloads encode(@Auth VoceroPrincipal caller, @Parameter(description = "Temporal namespace")
      @HeaderParam("X-Namespace") String namespace, @NotNull @Valid CodecPayloads body) {
    return apply(caller, namespace, body, codec::encode);
  }

  @POST
  @Path("/decode")
  @RolesAllowed(Role.ADMIN_ONLY)
  @Operation(summary = "Decrypts payloads (Temporal remote codec); payloads that are not encrypted come back unchanged")
  public CodecPayloads decode(@Auth VoceroPrincipal caller, @Parameter(description = "Temporal namespace")
      @HeaderParam("X-Namespace") String namespace, @NotNull @Valid CodecPayloads body) {
    CodecPayloads decoded = apply(caller, namespace, body, codec::decode);
    LOG.info("codec decode: {} payload(s) for user {}", body.payloads().size(), caller.userId());
    return decoded;
  }

  private CodecPayloads apply(VoceroPrincipal caller, String requested, CodecPayloads body,
      UnaryOperator<List<io.temporal.api.common.v1.Payload>> operation) {
    if (!operators.includes(caller)) { // the key opens every organization's payloads, not only the caller's
      throw new ApiException(403, "platform_operator_only", "Only the platform's operators (auth.platformOperators) may "
          + "use the payload codec.", List.of(), null);
    }
    List<io.temporal.api.common.v1.Payload> payloads = WirePayloads.toProto(body);
    if (requested != null && !requested.isBlank() && !requested.equals(namespace)) {
      return WirePayloads.toWire(payloads);
    }
    try {
      return WirePayloads.toWire(operation.apply(payloads));
    } catch (PayloadCodecException e) {
      throw new ApiException(422, "undecodable_payload", "A payload cannot be decoded: " + e.getMessage(),
          List.<ApiError.Detail>of(), null);
    }
  }
}
