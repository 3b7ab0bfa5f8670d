package dev.vocero.store.calls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(DncDao.Entry.class)
public interface DncDao {

  record Entry(String phoneE164, String reason, String source, Instant createdAt) {}

  @SqlUpdate("insert into dnc_numbers (org_id, phone_e164, reason, source) values (:orgId, :phone, :reason, :source)"
      + " on conflict (org_id, phone_e164) do nothing")
  int add(UUID orgId, String phone, String reason, String source);

  @SqlBatch("insert into dnc_numbers (org_id, phone_e164, reason, source) values (:orgId, :phone, :reason, :source)"
      + " on conflict (org_id, phone_e164) do nothing")
  int[] addAll(@Bind("orgId") UUID orgId, @Bind("phone") List<String> phones, @Bind("reason") String reason,
      @Bind("source") String source);

  @SqlUpdate("delete from dnc_numbers where org_id = :orgId and phone_e164 = :phone")
  int remove(UUID orgId, String phone);

  /** Which of {@code phones} are on the organisation's list. */
  @SqlQuery("select phone_e164 from dnc_numbers where org_id = :orgId and phone_e164 = any(:phones)")
  List<String> containing(UUID orgId, String[] phones);

  @SqlQuery("select exists (select 1 from dnc_numbers where org_id = :orgId and phone_e164 = :phone)")
  boolean contains(UUID orgId, String phone);

  @SqlQuery("select phone_e164, reason, source, created_at from dnc_numbers where org_id = :orgId"
      + " order by created_at desc, phone_e164 limit :limit offset :offset")
  List<Entry> list(UUID orgId, int limit, int offset);

  @SqlQuery("select count(*) from dnc_numbers where org_id = :orgId")
  long count(UUID orgId);
}
