package dev.vocero.workflows.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DispatchTimetableTest {

  @Test
  void givenAFirstStart_itShouldBeDueAtOnceThenEveryInterval() {
    DispatchTimetable table = new DispatchTimetable(4, 0, 1_000);
    assertEquals(1, table.due(1_000));
    table.started(1, 1_000);
    assertEquals(250, table.millisUntilNext(1_000));
    assertEquals(0, table.due(1_249));
    assertEquals(1, table.due(1_250));
  }

  @Test
  void givenALateTask_itShouldCountEveryDueStartFromTheTimetableNotFromTheLastStart() {
    DispatchTimetable table = new DispatchTimetable(100, 0, 0);
    table.started(1, 0);
    assertEquals(3, table.due(35), "starts due at 10, 20 and 30 ms");
    table.started(3, 35);
    assertEquals(5, table.millisUntilNext(35), "the next is still due at 40 ms, not 45");
  }

  @Test
  void givenALongStall_itShouldCatchUpAtMostOneSecondOfStarts() {
    DispatchTimetable table = new DispatchTimetable(20, 0, 0);
    table.started(1, 0);
    assertEquals(20, table.due(60_000));
    table.started(20, 60_000);
    assertEquals(50, table.millisUntilNext(60_000), "the older backlog is forgotten; the pace goes on");
  }

  @Test
  void givenAPaceChange_itShouldTimeTheNextStartFromThePreviousOneAtTheNewPace() {
    DispatchTimetable table = new DispatchTimetable(0.01, 0, 0);
    table.started(1, 0);
    assertEquals(100_000, table.millisUntilNext(0));
    table.repace(10, 5_000);
    assertEquals(1, table.due(5_000), "faster: the next start is due now");
    table.started(1, 5_000);
    assertEquals(100, table.millisUntilNext(5_000));
    table.repace(0.5, 5_010);
    assertEquals(1_990, table.millisUntilNext(5_010), "slower: two seconds after the previous start");
  }

  @Test
  void givenAPause_itShouldNotCatchUpThePausedTime() {
    DispatchTimetable table = new DispatchTimetable(10, 0, 0);
    table.started(1, 0);
    table.resume(60_000);
    assertEquals(1, table.due(60_000));
    table.started(1, 60_000);
    assertEquals(100, table.millisUntilNext(60_000));
  }

  @Test
  void givenACarriedTimetable_itShouldKeepItsPlaceAcrossContinueAsNew() {
    DispatchTimetable table = new DispatchTimetable(10, 5_050, 5_000);
    assertEquals(0, table.due(5_000));
    assertEquals(50, table.millisUntilNext(5_000));
  }
}
