package dev.vocero.api.audio;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vocero.domain.spreadsheets.SheetLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code uploads:} section: how big an audio may be and where uploads are staged while they stream in. */
public class UploadConfig {
  @Min(1) @JsonProperty private long maxBytes = 100L * 1024 * 1024;
  /** Largest body of any other request (JSON, provider webhooks): refused with 413 while it streams in. */
  @Min(1024) @JsonProperty private long maxRequestBytes = 1024 * 1024;
  /** Staging directory for uploads in flight; empty means the system temp directory. */
  @JsonProperty private String stagingDir;
  /** What one contact list's sheet may hold, checked while it streams ({@link SheetLimits}). */
  @Valid @NotNull @JsonProperty private Sheets sheets = new Sheets();

  public long getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  public long getMaxRequestBytes() {
    return maxRequestBytes;
  }

  public String getStagingDir() {
    return stagingDir;
  }

  public void setStagingDir(String stagingDir) {
    this.stagingDir = stagingDir;
  }

  public SheetLimits sheetLimits() {
    return new SheetLimits(sheets.maxColumns, sheets.maxCellChars, sheets.maxRowChars, sheets.maxSharedStrings,
        sheets.maxSharedStringChars);
  }

  /** {@code uploads.sheets:} the defaults are Excel's own limits where it has one, far above any real list elsewhere. */
  public static class Sheets {
    @Min(1) @JsonProperty private int maxColumns = SheetLimits.DEFAULT_MAX_COLUMNS;
    @Min(1) @JsonProperty private int maxCellChars = SheetLimits.DEFAULT_MAX_CELL_CHARS;
    @Min(1) @JsonProperty private int maxRowChars = SheetLimits.DEFAULT_MAX_ROW_CHARS;
    @Min(1) @JsonProperty private int maxSharedStrings = SheetLimits.DEFAULT_MAX_SHARED_STRINGS;
    @Min(1) @JsonProperty private int maxSharedStringChars = SheetLimits.DEFAULT_MAX_SHARED_STRING_CHARS;
  }
}
