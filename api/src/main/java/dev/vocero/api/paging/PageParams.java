package dev.vocero.api.paging;

import dev.vocero.api.errors.ErrorCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The paging rule of every list: {@code ?page=} 1..10000 (default 1) and {@code ?pageSize=} 1..100 (each list has its
 * default). Taken as a {@code @BeanParam @Valid}; out of range is 422 {@code invalid_paging} naming the parameter.
 */
@ErrorCode("invalid_paging")
public class PageParams {
  public static final int MAX_PAGE = 10_000;
  public static final int MAX_PAGE_SIZE = 100;

  @QueryParam("page")
  @DefaultValue("1")
  @Min(1)
  @Max(MAX_PAGE)
  private long page = 1;

  @QueryParam("pageSize")
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  private Long pageSize;

  public PageParams() {}

  public PageParams(long page, Long pageSize) {
    this.page = page;
    this.pageSize = pageSize;
  }

  /** For the OpenAPI document: swagger-core finds a bean parameter's fields through their getters. */
  public long getPage() {
    return page;
  }

  public Long getPageSize() {
    return pageSize;
  }

  /** The validated request, with this list's default page size when the client sent none. */
  public PageRequest withDefaultSize(int defaultSize) {
    return new PageRequest((int) page, pageSize == null ? defaultSize : pageSize.intValue());
  }
}
