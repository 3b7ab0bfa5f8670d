package dev.vocero.workflows.chat;

import java.util.UUID;

/** How passages are labelled for the model and how answers cite them: {@code [audio id @ mm:ss]}. */
public final class CitationLabels {
  private CitationLabels() {}

  public static String label(UUID audioId, long startMs) {
    return "[" + audioId + " @ " + clock(startMs) + "]";
  }

  /** {@code mm:ss}, or {@code h:mm:ss} from one hour on. */
  public static String clock(long ms) {
    long seconds = ms / 1000;
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    return hours > 0
        ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
        : String.format(java.util.Locale.ROOT, "%02d:%02d", minutes, seconds % 60);
  }
}
