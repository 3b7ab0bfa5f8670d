package dev.vocero.api.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  static final Validator VALIDATOR = Validators.newValidator();

  @Test
  void givenTheLastPage_theOffsetShouldNotOverflow() {
    assertEquals(0, new PageRequest(1, 20).offset());
    assertEquals(40, new PageRequest(3, 20).offset());
    assertEquals(999_900, new PageRequest(10_000, 100).offset());
  }

  @Test
  void givenParamsOutOfRange_theyShouldFailValidationNamingTheParameter() {
    assertEquals(Set.of("page"), fields(new PageParams(Integer.MAX_VALUE, null)));
    assertEquals(Set.of("page"), fields(new PageParams(0, 20L)));
    assertEquals(Set.of("pageSize"), fields(new PageParams(1, 101L)));
    assertEquals(Set.of(), fields(new PageParams(10_000, 100L)));
    assertThrows(IllegalArgumentException.class, () -> new PageRequest(10_001, 1));
  }

  @Test
  void givenNoPageSize_itShouldTakeTheListsDefault() {
    assertEquals(new PageRequest(2, 50), new PageParams(2, null).withDefaultSize(50));
    assertEquals(new Page<>(List.of("a"), 2, 50, 51L), new PageParams(2, null).withDefaultSize(50).of(List.of("a"), 51));
  }

  private static Set<String> fields(PageParams params) {
    Set<ConstraintViolation<PageParams>> violations = VALIDATOR.validate(params);
    return violations.stream().map(v -> v.getPropertyPath().toString()).collect(java.util.stream.Collectors.toSet());
  }
}
