package dev.vocero.api.calls;

import dev.vocero.store.calls.BatchRow;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The Excel report of a batch, as the API needs it. Implemented with POI in the activities module and handed
 * to the API by the workers module, which wires both.
 */
public interface BatchReports {

  /** Streams the xlsx report of {@code batch}, already checked to belong to the caller's organization. */
  void write(BatchRow batch, OutputStream out) throws IOException;
}
