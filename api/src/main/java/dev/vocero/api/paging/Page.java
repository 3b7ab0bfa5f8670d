package dev.vocero.api.paging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of any list: the items, the page asked for, its size, and the total rows when the list counts them. */
public record Page<T>(List<T> items, int page, int pageSize, @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {}
