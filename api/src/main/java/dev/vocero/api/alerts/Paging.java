package dev.vocero.api.alerts;

import dev.vocero.api.errors.ApiException;

/** page (from 1) and pageSize (1..100) as the other list endpoints take them. */
record Paging(int page, int pageSize) {
  static Paging of(int page, int pageSize) {
    if (page < 1 || pageSize < 1 || pageSize > 100) {
      throw ApiException.unprocessable("invalid_paging", "page must be 1 or more and pageSize between 1 and 100.");
    }
    return new Paging(page, pageSize);
  }

  int offset() {
    return (page - 1) * pageSize;
  }
}
