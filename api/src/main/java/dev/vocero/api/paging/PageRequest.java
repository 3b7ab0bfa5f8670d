package dev.vocero.api.paging;

/** A validated page of a list: {@code page} from 1, {@code pageSize} rows; the offset cannot overflow. */
public record PageRequest(int page, int pageSize) {
  public PageRequest {
    if (page < 1 || page > PageParams.MAX_PAGE || pageSize < 1 || pageSize > PageParams.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page " + page + " or pageSize " + pageSize + " out of range");
    }
  }

  /** Rows to skip; computed in long, at most 999,900 under the paging rule. */
  public int offset() {
    return Math.toIntExact(((long) page - 1) * pageSize);
  }

  public <T> Page<T> of(java.util.List<T> items, long total) {
    return new Page<>(items, page, pageSize, total);
  }

  /** For lists that do not count their rows. */
  public <T> Page<T> of(java.util.List<T> items) {
    return new Page<>(items, page, pageSize, null);
  }
}
