package dev.vocero.domain.spreadsheets;

import java.lang.management.ManagementFactory;

/** Bytes the current thread allocates while running a piece of code (HotSpot's per-thread counter). */
final class Allocations {
  private Allocations() {
  }

  /** Runs the work and prints what it allocated, for the record. */
  static long during(String what, Runnable work) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    work.run();
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    System.out.printf("%s: %,d bytes allocated%n", what, allocated);
    return allocated;
  }
}
