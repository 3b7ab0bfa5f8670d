package dev.vocero.store;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.config.JdbiConfig;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.jdbi.v3.core.extension.ExtensionConsumer;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * One instance of each DAO for the whole process, working on whichever handle the calling thread has in scope.
 *
 * <p>{@code jdbi.withExtension(Dao.class, …)} and {@code handle.attach(Dao.class)} build, on every call, an invoker
 * with its own copy of the configuration for every method of the DAO: about half of the database work of a call
 * attempt, none of it SQL (docs/benchmarks.md). A DAO from here was built once; each of its calls runs on the handle
 * of the {@code jdbi.withHandle}/{@code inTransaction} it is called inside (Jdbi's handle scope, the same one
 * {@code withExtension} joins), or on a handle of its own when there is none. Same SQL, same transactions.
 */
public final class SharedDaos {
  private final Jdbi jdbi;
  private final HandleSupplier scoped;
  private final ConcurrentHashMap<Class<?>, Object> daos = new ConcurrentHashMap<>();

  public SharedDaos(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.scoped = new ScopedHandleSupplier(jdbi);
  }

  /**
   * The one instance for {@code jdbi}, kept in its configuration (so it goes when the Jdbi goes). Its DAOs run on the
   * handle of the calling thread's scope: inside {@code jdbi.withHandle(handle -> …)} or {@code inTransaction}, a DAO
   * from here is {@code handle.attach(Dao.class)} without the cost. Not for a handle from {@code jdbi.open()}, which
   * is in no scope.
   */
  public static SharedDaos of(Jdbi jdbi) {
    return jdbi.getConfig(Holder.class).daos(jdbi);
  }

  /**
   * {@code jdbi.withExtension(type, callback)} without the cost: the callback gets the shared instance, on one handle
   * (the scope's, else one opened for the callback and closed after it).
   */
  public <D, R, X extends Exception> R with(Class<D> type, ExtensionCallback<R, D, X> callback) throws X {
    D dao = get(type);
    return jdbi.withHandle(handle -> callback.withExtension(dao));
  }

  /** {@code jdbi.useExtension(type, consumer)} without the cost; see {@link #with}. */
  public <D, X extends Exception> void use(Class<D> type, ExtensionConsumer<D, X> consumer) throws X {
    D dao = get(type);
    jdbi.useHandle(handle -> consumer.useExtension(dao));
  }

  /**
   * {@code handle.attach(type)} without the cost when {@code handle} is the calling thread's scope (the handle of the
   * {@code jdbi.withHandle}/{@code inTransaction} being run): the shared instance, which runs on that same handle.
   * Any other handle (one from {@code jdbi.open()}, say) gets an attached DAO as before.
   */
  public static <D> D attach(Handle handle, Class<D> type) {
    HandleSupplier current = handle.getJdbi().getHandleScope().get();
    if (current != null && current.getHandle() == handle) {
      return of(handle.getJdbi()).get(type);
    }
    return handle.attach(type);
  }

  /** Where {@link #of} keeps a Jdbi's instance: one per Jdbi, and the same in the copies its handles make. */
  public static final class Holder implements JdbiConfig<Holder> {
    private volatile SharedDaos daos;

    public Holder() {}

    SharedDaos daos(Jdbi jdbi) {
      SharedDaos built = daos;
      if (built != null) {
        return built;
      }
      synchronized (this) {
        if (daos == null) {
          daos = new SharedDaos(jdbi);
        }
        return daos;
      }
    }

    @Override
    public Holder createCopy() {
      return this;
    }
  }

  /** The process's instance of {@code type}, built on first use. */
  public <D> D get(Class<D> type) {
    return type.cast(daos.computeIfAbsent(type, t -> jdbi.getConfig(Extensions.class).findFor(t, scoped)
        .orElseThrow(() -> new IllegalArgumentException(t.getName() + " is not a SQL object"))));
  }

  /** The handle of the calling thread's scope; a call made outside any opens one for itself, as {@code onDemand}. */
  private static final class ScopedHandleSupplier implements HandleSupplier {
    private final Jdbi jdbi;

    ScopedHandleSupplier(Jdbi jdbi) {
      this.jdbi = jdbi;
    }

    @Override
    public Handle getHandle() {
      HandleSupplier current = jdbi.getHandleScope().get();
      if (current == null) {
        throw new IllegalStateException("a shared DAO's statement ran outside its call");
      }
      return current.getHandle();
    }

    @Override
    public Jdbi getJdbi() {
      return jdbi;
    }

    @Override
    public ConfigRegistry getConfig() {
      HandleSupplier current = jdbi.getHandleScope().get();
      return current != null ? current.getConfig() : jdbi.getConfig();
    }

    @Override
    public <V> V invokeInContext(ExtensionContext context, Callable<V> task) throws Exception {
      HandleSupplier current = jdbi.getHandleScope().get();
      if (current != null) {
        return current.invokeInContext(context, task);
      }
      return jdbi.withHandle(handle -> jdbi.getHandleScope().get().invokeInContext(context, task));
    }
  }
}
