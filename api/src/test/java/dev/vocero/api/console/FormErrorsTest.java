package dev.vocero.api.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vocero.api.audio.KeywordResource;
import dev.vocero.api.auth.AuthRequests;
import dev.vocero.api.errors.ApiException;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormErrorsTest {
  private final Validator validator = Validators.newValidator();

  @Test
  void givenAFormBreakingTheRestRequestsConstraints_itShouldPutEachErrorBesideItsField() {
    ApiException refused = assertThrows(ApiException.class, () -> FormErrors.validate(validator,
        new KeywordResource.KeywordBody(" ", "pago", "urgent", null, "spanish")));
    assertEquals(422, refused.status());
    FormErrors errors = FormErrors.of("keyword", refused).typed(Map.of("keyword", " ", "language", "spanish"));
    assertEquals("must not be blank", errors.field("keyword", "keyword"));
    assertEquals("must be low, medium or high", errors.field("keyword", "priority"));
    assertEquals("must be an ISO-639-1 code such as es", errors.field("keyword", "language"));
    assertNull(errors.field("keyword", "topic"));
    assertNull(errors.field("dnc", "keyword"), "another form on the page shows nothing");
    assertNull(errors.above("keyword"), "field errors are not repeated above the form");
    assertEquals("spanish", errors.value("keyword", "language"));
    assertEquals("", errors.value("dnc", "language"));
  }

  @Test
  void givenAnInviteWithAShortPassword_itShouldUseTheApisMessage() {
    ApiException refused = assertThrows(ApiException.class, () -> FormErrors.validate(validator,
        new AuthRequests.CreateUser("olga@example.com", "short", "Olga", "operator")));
    assertEquals("must be 10 to 72 characters", FormErrors.of("invite", refused).field("invite", "password"));
  }

  @Test
  void givenABusinessRuleRefusal_itShouldShowItsMessageAboveTheForm() {
    FormErrors errors = FormErrors.of("user-1", ApiException.conflict("last_admin", "An organization needs at least"
        + " one active admin."));
    assertEquals("An organization needs at least one active admin.", errors.above("user-1"));
  }

  @Test
  void givenAnErrorThatIsNotAboutTheForm_itShouldGoOnToTheErrorPage() {
    for (ApiException e : new ApiException[] {ApiException.notFound("User 1"),
        new ApiException(403, "forbidden", "no"), new ApiException(503, "temporal_unavailable", "later")}) {
      assertSame(e, assertThrows(ApiException.class, () -> FormErrors.of("form", e)));
    }
  }
}
