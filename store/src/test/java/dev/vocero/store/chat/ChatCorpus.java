package dev.vocero.store.chat;

import dev.vocero.store.accounts.OrganizationDao;
import dev.vocero.store.audio.SegmentRow;
import dev.vocero.store.audio.TranscriptDao;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The committed chat corpus (test resources {@code chat/}): call transcripts and questions with their answers. */
public final class ChatCorpus {

  /** One transcript; times are spread by word count (about 2.5 words a second). */
  public record Audio(String name, String language, String title, List<SegmentRow> segments) {}

  /** A question and the segment that answers it. */
  public record Question(String audio, int idx, String text) {}

  private ChatCorpus() {}

  public static List<Audio> audios() {
    Map<String, Audio> audios = new LinkedHashMap<>();
    String name = null;
    String language = null;
    String title = null;
    List<SegmentRow> segments = null;
    long clock = 0;
    for (String line : lines("chat/corpus.txt")) {
      if (line.startsWith("== ")) {
        String[] head = line.substring(3).split(" ", 3);
        name = head[0];
        language = head[1];
        title = head[2];
        segments = new ArrayList<>();
        clock = 0;
        audios.put(name, new Audio(name, language, title, segments));
        continue;
      }
      int space = line.indexOf(' ');
      int colon = line.indexOf(": ");
      int idx = Integer.parseInt(line.substring(0, space));
      if (segments == null || idx != segments.size()) {
        throw new IllegalStateException("corpus: segment " + idx + " of " + name + " is out of order");
      }
      String text = line.substring(colon + 2);
      long length = Math.max(1_000, text.split("\\s+").length * 400L);
      segments.add(new SegmentRow(idx, clock, clock + length, line.substring(space + 1, colon), text, 0.9f));
      clock += length + 300;
    }
    return List.copyOf(audios.values());
  }

  public static List<Question> questions() {
    List<Question> questions = new ArrayList<>();
    for (String line : lines("chat/questions.txt")) {
      String[] parts = line.split("\\|", 2);
      String[] source = parts[0].trim().split("#");
      questions.add(new Question(source[0], Integer.parseInt(source[1]), parts[1].trim()));
    }
    return questions;
  }

  /** Stable audio id of a corpus audio inside one organization. */
  public static UUID audioId(UUID orgId, String name) {
    return UUID.nameUUIDFromBytes((orgId + "/" + name).getBytes(StandardCharsets.UTF_8));
  }

  /** Inserts the organization (when missing), one completed audio per transcript and its segments. */
  public static void load(Jdbi jdbi, UUID orgId) {
    OrganizationDao orgs = jdbi.onDemand(OrganizationDao.class);
    if (orgs.find(orgId).isEmpty()) {
      orgs.insert(orgId, "corpus " + orgId);
    }
    for (Audio audio : audios()) {
      UUID id = audioId(orgId, audio.name());
      jdbi.useHandle(h -> h.createUpdate("insert into audios (id, org_id, title, content_type, size_bytes, sha256, blob_key,"
              + " language, status) values (:id, :orgId, :title, 'audio/wav', 1, :sha, :sha, :language, 'completed')")
          .bind("id", id).bind("orgId", orgId).bind("title", audio.title()).bind("sha", id.toString())
          .bind("language", audio.language()).execute());
      jdbi.onDemand(TranscriptDao.class).replace(orgId, id, audio.segments());
    }
  }

  /**
   * Share of the corpus questions whose answering segment is in one of the top three passages of the corpus
   * loaded into {@code orgId}; each missed question is added to {@code misses}.
   */
  public static double recallAt3(TranscriptSearch search, UUID orgId, List<String> misses) {
    List<Question> questions = questions();
    int found = 0;
    for (Question q : questions) {
      UUID expected = audioId(orgId, q.audio());
      if (search.search(orgId, q.text(), List.of(), 3, 1).stream()
          .anyMatch(p -> p.audioId().equals(expected) && p.covers(q.idx()))) {
        found++;
      } else {
        misses.add(q.audio() + "#" + q.idx() + " " + q.text());
      }
    }
    return (double) found / questions.size();
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ChatCorpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
