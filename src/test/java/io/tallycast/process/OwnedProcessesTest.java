package io.tallycast.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a run that died hard left behind is cleaned by the next run, and nothing else is touched. */
class OwnedProcessesTest {
  private Process sleeper;

  @AfterEach
  void stop() {
    if (sleeper != null) {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void a_folder_whose_owner_died_is_deleted_and_its_processes_stopped() throws Exception {
    Path folder = OwnedProcesses.claimFolder("test");
    sleeper = new ProcessBuilder("sleep", "600").start();
    OwnedProcesses.note(folder, sleeper.toHandle());
    ownedBy(folder, deadProcessStamp());

    int stopped = OwnedProcesses.sweep();

    assertThat(stopped).isGreaterThanOrEqualTo(1);
    assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).as("the noted process was stopped").isTrue();
    assertThat(folder).doesNotExist();
  }

  @Test
  void a_folder_whose_owner_still_runs_is_left_alone() throws Exception {
    Path folder = OwnedProcesses.claimFolder("test");
    try {
      sleeper = new ProcessBuilder("sleep", "600").start();
      OwnedProcesses.note(folder, sleeper.toHandle());

      OwnedProcesses.sweep();

      assertThat(sleeper.isAlive()).isTrue();
      assertThat(folder.resolve(OwnedProcesses.OWNER)).exists();
    } finally {
      OwnedProcesses.delete(folder);
    }
  }

  @Test
  void a_noted_pid_now_used_by_another_process_is_never_killed() throws Exception {
    Path folder = OwnedProcesses.claimFolder("test");
    sleeper = new ProcessBuilder("sleep", "600").start();
    long started = sleeper.toHandle().info().startInstant().orElseThrow().toEpochMilli();
    // the same pid, but noted an hour before this process started: the pid was reused since
    Files.writeString(folder.resolve(OwnedProcesses.PROCESSES), sleeper.pid() + " " + (started - 3_600_000) + "\n",
        StandardCharsets.UTF_8);
    ownedBy(folder, deadProcessStamp());

    OwnedProcesses.sweep();

    assertThat(sleeper.isAlive()).isTrue();
    assertThat(folder).doesNotExist();
  }

  @Test
  void folders_without_an_owner_file_are_not_ours_to_judge() throws Exception {
    Path folder = Files.createTempDirectory("tallycast-test");
    try {
      OwnedProcesses.sweep();
      assertThat(folder).exists();
    } finally {
      OwnedProcesses.delete(folder);
    }
  }

  private static void ownedBy(Path folder, String stamp) throws Exception {
    Files.writeString(folder.resolve(OwnedProcesses.OWNER), stamp + "\n", StandardCharsets.UTF_8);
  }

  /** The pid and start time of a process that has exited: an owner killed hard. */
  private static String deadProcessStamp() throws Exception {
    Process p = new ProcessBuilder("true").start();
    long start = p.toHandle().info().startInstant().map(i -> i.toEpochMilli()).orElse(1L);
    p.waitFor();
    return p.pid() + " " + start;
  }
}
