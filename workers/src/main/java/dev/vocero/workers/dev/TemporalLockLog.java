package dev.vocero.workers.dev;

import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.testserver.TestServer;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded Temporal server's lock log from growing for as long as it runs.
 *
 * <p>Temporal's test server (the embedded Temporal of {@code dev}) logs every time-skipping lock and unlock in a linked
 * list, for its diagnostics. A lock taken through a handle is removed from the list when the handle unlocks it, by a
 * scan from the list's head; but the locks a workflow's state takes and gives back by name (every workflow task and
 * activity task) add two entries each that nothing ever removes. After one 2,000-contact batch the list held 61,963
 * entries, 189,022 after three; each handle's unlock then walked all of them: 23 % of the CPU of a dispatch run, more
 * the longer the process had run, and memory that was never given back.
 *
 * <p>This replaces the list with one that holds its entries weakly, by identity: an entry stays as long as the handle
 * that will remove it, so a handle unlocked twice is still refused as upstream refuses it, removal costs the same
 * however long the server has run, and the entries nobody will remove are collected. The server's diagnostics list
 * the entries still held. Best effort: when a Temporal SDK changes the internals this reaches into, the server runs
 * as upstream ships it and a warning says so.
 */
public final class TemporalLockLog {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalLockLog.class);

  private TemporalLockLog() {}

  /** True when the server's lock log was replaced. */
  public static boolean install(TestServer.PortBoundTestServer server) {
    try {
      return install((TestServicesStarter) field(server, "testServicesStarter"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("The embedded Temporal's lock log grows while it runs (this Temporal SDK's internals changed: {})",
          e.toString());
      return false;
    }
  }

  /** True when the lock log of the server these services make up was replaced. */
  public static boolean install(TestServicesStarter services) {
    try {
      Object timer = field(services, "selfAdvancingTimer");
      Field events = declared(timer.getClass(), "lockEvents");
      Lock lock = (Lock) field(timer, "lock"); // the server's own: it adds and removes entries only under it
      lock.lock();
      try {
        WeakEntries<Object> replacement = new WeakEntries<>();
        for (Object entry : (LinkedList<?>) events.get(timer)) {
          replacement.add(entry); // a handle's entry must still be there when the handle unlocks
        }
        events.set(timer, replacement);
      } finally {
        lock.unlock();
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("The embedded Temporal's lock log grows while it runs (this Temporal SDK's internals changed: {})",
          e.toString());
      return false;
    }
  }

  /** How many entries the server's lock log holds now (for tests); -1 when it cannot be read. */
  public static int size(TestServer.PortBoundTestServer server) {
    try {
      return size((TestServicesStarter) field(server, "testServicesStarter"));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  /** How many entries the lock log of the server these services make up holds now; -1 when it cannot be read. */
  public static int size(TestServicesStarter services) {
    try {
      return ((LinkedList<?>) field(field(services, "selfAdvancingTimer"), "lockEvents")).size();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  private static Object field(Object owner, String name) throws ReflectiveOperationException {
    return declared(owner.getClass(), name).get(owner);
  }

  private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /**
   * The server's lock log, held weakly by identity. The server reaches it only through {@code add}, {@code remove},
   * iteration and {@code size}, always under its own lock; everything else is the (empty) list it extends.
   */
  static final class WeakEntries<E> extends LinkedList<E> {
    private final Set<E> entries = Collections.newSetFromMap(new WeakHashMap<>());

    @Override
    public synchronized boolean add(E entry) {
      entries.add(entry);
      return true;
    }

    @Override
    public synchronized boolean remove(Object entry) {
      return entries.remove(entry);
    }

    @Override
    public synchronized Iterator<E> iterator() {
      return new ArrayList<>(entries).iterator();
    }

    @Override
    public synchronized int size() {
      return entries.size();
    }

    @Override
    public synchronized Object[] toArray() {
      return entries.toArray();
    }
  }
}
