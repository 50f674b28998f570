package io.tallycast.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void readsUserPlusSystemTicksEvenWhenTheNameHoldsSpacesAndParentheses() {
    String stat = "4242 (Chrome_Child (x) 1) S 1 4242 4242 0 -1 4194560 900 0 0 0 1234 56 7 8 20 0 12 0 1000 0 0";

    assertThat(ProcessCpu.parseTicks(stat)).isEqualTo(1234 + 56);
    assertThat(ProcessCpu.parseComm(stat)).isEqualTo("Chrome_Child (x) 1");
  }

  @Test
  void countsTheMachineBusyTimeWithoutIdleAndIowait() {
    String procStat = """
        cpu  100 10 50 9000 300 5 7 2 40 0
        cpu0 50 5 25 4500 150 2 3 1 20 0
        intr 12345
        """;

    assertThat(ProcessCpu.parseMachineBusy(procStat)).isEqualTo(100 + 10 + 50 + 5 + 7 + 2);
  }

  @Test
  void seesThisJvmSpendCpuOnABusyThread() throws Exception {
    long pid = ProcessHandle.current().pid();
    long before = ProcessCpu.ticks(pid).orElseThrow();
    // spin until this thread has had 0.3 s of CPU, however long a loaded machine makes that take in wall time
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long spinUntil = cpu.getCurrentThreadCpuTime() + 300_000_000L;
    long x = 0;
    while (cpu.getCurrentThreadCpuTime() < spinUntil) {
      x += System.nanoTime() % 7;
    }
    long after = ProcessCpu.ticks(pid).orElseThrow();

    // 0.3 s of one core is 30 ticks at 100 Hz: at least a third of that, whatever the tick rounding
    assertThat(after - before).as("ticks (x=%d)", x).isGreaterThanOrEqualTo(ProcessCpu.ticksPerSecond() / 10);
    Map<Long, ProcessCpu.ThreadTicks> threads = ProcessCpu.threads(pid);
    assertThat(threads).isNotEmpty();
    assertThat(threads.values().stream().mapToLong(ProcessCpu.ThreadTicks::ticks).sum()).isPositive();
    assertThat(ProcessCpu.ticks(Long.MAX_VALUE)).isEmpty();
  }
}
