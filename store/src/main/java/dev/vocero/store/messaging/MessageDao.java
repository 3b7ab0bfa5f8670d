package dev.vocero.store.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Messages and their status callbacks. States only move forward ({@link #FORWARD_ONLY}): a late "sent" never overwrites
 * "delivered", and failed/cancelled are final.
 */
@RegisterConstructorMapper(MessageRow.class)
public interface MessageDao {
  String COLUMNS = "id, org_id, wave_id, contact_id, phone_e164, channel, direction, body, content_sid,"
      + " content_variables::text as content_variables, provider, provider_sid, state, error_code, send_attempts,"
      + " automatic, created_at, updated_at, segments, rule_id";
  String ADVANCE = "state = :state, error_code = coalesce(:errorCode, error_code), updated_at = now(),"
      + " sent_at = case when :state in ('sent', 'delivered', 'read') then coalesce(sent_at, now()) else sent_at end,"
      + " delivered_at = case when :state in ('delivered', 'read') then coalesce(delivered_at, now()) else delivered_at end,"
      + " read_at = case when :state = 'read' then now() else read_at end";
  /** pending → processing → sent → delivered | failed → read; failed and cancelled are final. */
  String FORWARD_ONLY = " and state not in ('failed', 'cancelled') and (" + "case state when 'pending' then 0"
      + " when 'processing' then 1 when 'sent' then 2 when 'delivered' then 3 when 'failed' then 3 when 'read' then 4"
      + " else 9 end) < (case cast(:state as text) when 'pending' then 0 when 'processing' then 1 when 'sent' then 2"
      + " when 'delivered' then 3 when 'failed' then 3 when 'read' then 4 else 9 end)";

  /** Recorded before sending, under a deterministic id: a retried send finds it instead of making another. */
  @SqlUpdate("insert into messages (id, org_id, wave_id, contact_id, phone_e164, channel, direction, body, content_sid,"
      + " content_variables, state, error_code) values (:id, :orgId, :waveId, :contactId, :phone, :channel, 'outbound',"
      + " :body, :contentSid, cast(:contentVariables as jsonb), :state, :errorCode) on conflict (id) do nothing")
  int insertOutbound(UUID id, UUID orgId, UUID waveId, Long contactId, String phone, String channel, String body,
      String contentSid, String contentVariables, String state, String errorCode);

  /** The SMS segments the message is priced on: ours before sending, the provider's count once it has taken it. */
  /** The contact policy's rule that allowed or held the message. */
  @SqlUpdate("update messages set rule_id = :ruleId where id = :id")
  int setRule(UUID id, String ruleId);

  /** The error code of a wave's message the contact policy allows later: pending until the wave sends it again. */
  String POLICY_WAIT = "policy_wait";

  /** The policy now allows a waiting message: it is an ordinary pending one again. */
  @SqlUpdate("update messages set error_code = null, updated_at = now() where id = :id and state = 'pending'"
      + " and error_code = '" + POLICY_WAIT + "'")
  int endWait(UUID id);

  /** A wave that ends with messages still waiting (it was cancelled) cancels them. */
  @SqlUpdate("update messages set state = 'cancelled', error_code = 'wave_cancelled', updated_at = now()"
      + " where org_id = :orgId and wave_id = :waveId and state = 'pending' and error_code = '" + POLICY_WAIT + "'")
  int cancelWaiting(UUID orgId, UUID waveId);

  @SqlUpdate("update messages set segments = :segments where id = :id")
  int setSegments(UUID id, Integer segments);

  @SqlQuery("select " + COLUMNS + " from messages where id = :id")
  Optional<MessageRow> findById(UUID id);

  /** The assistant's answer to one inbound message, recorded before sending under a deterministic id. */
  @SqlUpdate("insert into messages (id, org_id, contact_id, phone_e164, channel, direction, body, state, automatic,"
      + " in_reply_to) values (:id, :orgId, :contactId, :phone, :channel, 'outbound', :body, 'pending', true, :inReplyTo)"
      + " on conflict (id) do nothing")
  int insertReply(UUID id, UUID orgId, Long contactId, String phone, String channel, String body, UUID inReplyTo);

  /** A message an operator writes in a conversation, recorded before a workflow sends it. */
  @SqlUpdate("insert into messages (id, org_id, contact_id, phone_e164, channel, direction, body, state, sent_by)"
      + " values (:id, :orgId, :contactId, :phone, :channel, 'outbound', :body, 'pending', :userId)")
  void insertByOperator(UUID id, UUID orgId, Long contactId, String phone, String channel, String body, UUID userId);

  /** Undoes an operator's message whose workflow could not be started. */
  @SqlUpdate("delete from messages where org_id = :orgId and id = :id and provider_sid is null")
  int deleteUnsent(UUID orgId, UUID id);

  /** The channel the customer last wrote on (a reply goes back on it). */
  @SqlQuery("select channel from messages where org_id = :orgId and phone_e164 = :phone and direction = 'inbound'"
      + " order by created_at desc limit 1")
  Optional<String> lastInboundChannel(UUID orgId, String phone);

  /** Automatic replies to this number since {@code since} (the daily cap). */
  @SqlQuery("select count(*) from messages where org_id = :orgId and phone_e164 = :phone and automatic"
      + " and created_at >= :since and state <> 'cancelled'")
  int automaticSince(UUID orgId, String phone, Instant since);

  /** Whether the customer wrote again after {@code after} (the newer message gets the answer). */
  @SqlQuery("select exists (select 1 from messages where org_id = :orgId and phone_e164 = :phone"
      + " and direction = 'inbound' and created_at > :after)")
  boolean inboundAfter(UUID orgId, String phone, Instant after);

  /** The newest messages with text of a conversation, newest first (the assistant's context). */
  @SqlQuery("select " + COLUMNS + " from messages where org_id = :orgId and phone_e164 = :phone and body is not null"
      + " and body <> '' and state not in ('cancelled', 'failed') order by created_at desc, id desc limit :limit")
  List<MessageRow> latest(UUID orgId, String phone, int limit);

  @SqlQuery("select " + COLUMNS + " from messages where org_id = :orgId and id = :id")
  Optional<MessageRow> find(UUID orgId, UUID id);

  @SqlQuery("select " + COLUMNS + " from messages where provider = :provider and provider_sid = :sid")
  Optional<MessageRow> findByProviderSid(String provider, String sid);

  @SqlQuery("select " + COLUMNS + " from messages where provider_sid = :sid and direction = 'outbound' limit 1")
  Optional<MessageRow> findBySid(String sid);

  /** Counts a send attempt; only a message not yet handed to the provider. */
  @SqlUpdate("update messages set state = 'processing', send_attempts = send_attempts + 1, updated_at = now()"
      + " where id = :id and state in ('pending', 'processing') and provider_sid is null")
  int markProcessing(UUID id);

  /** The provider accepted it: keep its sid, and its state if that is a step forward. */
  @SqlUpdate("update messages set provider = :provider, provider_sid = :sid, updated_at = now(),"
      + " state = case when state in ('pending', 'processing') then :state else state end,"
      + " sent_at = case when :state = 'sent' then coalesce(sent_at, now()) else sent_at end"
      + " where id = :id and provider_sid is null")
  int markAccepted(UUID id, String provider, String sid, String state);

  @SqlUpdate("update messages set " + ADVANCE + " where id = :id" + FORWARD_ONLY)
  int advance(UUID id, String state, String errorCode);

  @SqlUpdate("insert into message_events (provider, event_key, message_id, status, error_code, payload)"
      + " values (:provider, :eventKey, :messageId, :status, :errorCode, cast(:payload as jsonb))"
      + " on conflict (provider, event_key) do nothing")
  int insertEvent(String provider, String eventKey, UUID messageId, String status, String errorCode, String payload);

  @SqlUpdate("insert into messages (id, org_id, contact_id, phone_e164, channel, direction, body, provider, provider_sid,"
      + " state) values (:id, :orgId, :contactId, :phone, :channel, 'inbound', :body, :provider, :sid, 'received')"
      + " on conflict do nothing")
  int insertInbound(UUID id, UUID orgId, Long contactId, String phone, String channel, String body, String provider,
      String sid);

  /**
   * Who an inbound message from {@code phone} to {@code to} belongs to: the organization that owns {@code to}; for a
   * number no organization owns (the platform's shared default sender), the organizations without numbers of their own
   * that have written to or called {@code phone}, most recent first (a contact may answer a call with a text).
   */
  @SqlQuery("select org_id from organization_numbers where number = :to"
      + " union all (select c.org_id from (select org_id, created_at from messages where phone_e164 = :phone"
      + " and direction = 'outbound' union all select org_id, created_at from call_attempts where phone_e164 = :phone) c"
      + " where not exists (select 1 from organization_numbers o where o.number = :to)"
      + " and not exists (select 1 from organization_numbers o where o.org_id = c.org_id)"
      + " group by c.org_id order by max(c.created_at) desc limit 20)")
  List<UUID> recipientsOf(String phone, String to);

  @SqlQuery("select contact_id from messages where org_id = :orgId and phone_e164 = :phone and contact_id is not null"
      + " order by created_at desc limit 1")
  Optional<Long> lastContact(UUID orgId, String phone);

  @SqlQuery("select " + COLUMNS + " from messages where org_id = :orgId"
      + " and (cast(:phone as text) is null or phone_e164 = :phone)"
      + " and (cast(:state as text) is null or state = :state)"
      + " order by created_at desc, id limit :limit offset :offset")
  List<MessageRow> list(UUID orgId, String phone, String state, int limit, int offset);

  @SqlQuery("select " + COLUMNS + " from messages where org_id = :orgId and phone_e164 = :phone"
      + " order by created_at, id limit :limit")
  List<MessageRow> thread(UUID orgId, String phone, int limit);

  record StateCount(String state, String errorCode, long count) {}

  @RegisterConstructorMapper(StateCount.class)
  @SqlQuery("select state, case when state = 'cancelled' or (state = 'pending' and error_code = '" + POLICY_WAIT
      + "') then error_code end as error_code, count(*) as count"
      + " from messages where org_id = :orgId and wave_id = :waveId group by 1, 2")
  List<StateCount> waveCounts(UUID orgId, UUID waveId);

  /** {@code reason}: {@link #BY_OPERATOR}, {@link #BY_CUSTOMER} or {@link #BY_ASSISTANT}; a first takeover stays. */
  @SqlUpdate("insert into conversation_takeovers (org_id, phone_e164, taken_by, reason)"
      + " values (:orgId, :phone, :userId, :reason) on conflict (org_id, phone_e164) do nothing")
  int takeOver(UUID orgId, String phone, UUID userId, String reason);

  String BY_OPERATOR = "operator";
  String BY_CUSTOMER = "requested_by_customer";
  String BY_ASSISTANT = "requested_by_assistant";

  /** Hands the conversation back to the assistant (and to waves). */
  @SqlUpdate("delete from conversation_takeovers where org_id = :orgId and phone_e164 = :phone")
  int release(UUID orgId, String phone);

  record Takeover(UUID takenBy, String reason, Instant takenAt) {}

  @RegisterConstructorMapper(Takeover.class)
  @SqlQuery("select taken_by, reason, taken_at from conversation_takeovers where org_id = :orgId and phone_e164 = :phone")
  Optional<Takeover> takeover(UUID orgId, String phone);

  @SqlQuery("select exists (select 1 from conversation_takeovers where org_id = :orgId and phone_e164 = :phone)")
  boolean takenOver(UUID orgId, String phone);

  /** A conversation in the inbox: its newest message, how many it has, and who answers it now. */
  record InboxEntry(UUID lastMessageId, String phoneE164, String channel, String direction, String body,
      String state, boolean automatic, Instant lastAt, long messages, String takeoverReason) {}

  /**
   * The numbers that wrote to the organisation or whose conversation is taken over, newest activity first (a wave's
   * one-way messages are not conversations).
   */
  @RegisterConstructorMapper(InboxEntry.class)
  @SqlQuery("select m.id as last_message_id, m.phone_e164, m.channel, m.direction, m.body, m.state, m.automatic,"
      + " m.created_at as last_at, m.messages, t.reason as takeover_reason from (select distinct on (phone_e164) id,"
      + " phone_e164, channel, direction, body, state, automatic, created_at,"
      + " count(*) over (partition by phone_e164) as messages from messages where org_id = :orgId"
      + " and phone_e164 in (select phone_e164 from messages where org_id = :orgId and direction = 'inbound'"
      + " union select phone_e164 from conversation_takeovers where org_id = :orgId)"
      + " order by phone_e164, created_at desc, id desc) m"
      + " left join conversation_takeovers t on t.org_id = :orgId and t.phone_e164 = m.phone_e164"
      + " order by m.created_at desc, m.id limit :limit")
  List<InboxEntry> inbox(UUID orgId, int limit);
}
