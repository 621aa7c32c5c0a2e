#if canImport(Glibc)
import Glibc
#endif
import Contract
import Foundation
@testable import Harness
import Measurement
import Scenario
import Testing

/// How the runner reads a trial process that printed no record: crash, timeout, memory.
struct ReliabilityLauncherTests {
    static let spec = TrialSpec(scenarioFile: "s.json", engine: "phase1", overrides: [:], issues: 1000, repetition: 0,
                                isWarmup: false, clock: .wall, timeoutSeconds: 5, maxRSSMiB: nil)

    static func result(_ termination: ChildProcessResult.Termination, stderr: String = "", stdout: String = "",
                       timedOut: Bool = false) -> ChildProcessResult {
        ChildProcessResult(termination: termination, stdout: Array(stdout.utf8), stderr: Array(stderr.utf8),
                           wallTime: .zero, timedOut: timedOut, usage: CPUUsage(user: .zero, system: .zero), peakRSSBytes: 0)
    }

    static func failure(_ result: ChildProcessResult, maxRSSMiB: Int? = nil) -> String? {
        var spec = Self.spec
        spec.maxRSSMiB = maxRSSMiB
        return TrialLauncher.record(of: result, spec: spec, scenario: "s").failure
    }

    /// What the Swift runtime's crash reporter writes, roughly.
    static let backtrace = """
    Harness/FaultyEngine.swift:76: Fatal error: faulty engine: trap at issue 1

    💣 Program crashed: Illegal instruction at 0x00007f3c5e1c2f4e

    Thread 1 crashed:

    0 0x00007f3c5e1c2f4e FaultyEngine.process(_:_:_:) + 1234 in issuebench
    rip 0x00007f3c5e1c2f4e  0f 0b
    """

    @Test func aCrashSaysWhichSignalAndTheRuntimesMessage() {
        #expect(Self.failure(Self.result(.signaled(SIGILL), stderr: Self.backtrace))
            == "crashed: killed by SIGILL: Harness/FaultyEngine.swift:76: Fatal error: faulty engine: trap at issue 1")
        #expect(Self.failure(Self.result(.signaled(SIGSEGV), stderr: "*** Program crashed: Bad pointer dereference at 0x0 ***\nrip 0x0"))
            == "crashed: killed by SIGSEGV: Program crashed: Bad pointer dereference at 0x0")
        #expect(Self.failure(Self.result(.signaled(SIGKILL))) == "crashed: killed by SIGKILL")
    }

    @Test func aRuntimeTrapSaysWhatAndWhere() {
        let stderr = """

        *** Signal 4: Backtracing from 0x55986be79dea... done ***

        *** Swift runtime failure: arithmetic overflow ***

        Thread 1 "oot.default-qos" crashed:

          0 [inlined] [system] 0x000055986be79dea Swift runtime failure: arithmetic overflow in issuebench at //<compiler-generated>
          1                    0x000055986be79dea FixedWindow.roll(to:) + 458 in issuebench at /src/Simulation/FixedWindow.swift:27:13
          2 [ra]               0x000055986be86229 SimulatedGitHub.State.admit(_:_:endpoint:at:rules:) + 856 in issuebench at /src/Simulation/SimulatedGitHub+State.swift:49:22

        Backtrace took 0.29s
        """
        #expect(Self.failure(Self.result(.signaled(SIGILL), stderr: stderr))
            == "crashed: killed by SIGILL: Swift runtime failure: arithmetic overflow "
            + "(FixedWindow.roll(to:) at /src/Simulation/FixedWindow.swift:27:13)")
    }

    @Test func theTrialsOwnAlarmIsATimeout() {
        #expect(Self.failure(Self.result(.signaled(SIGALRM))) == "timed out after 5 s (the engine was still running)")
    }

    @Test func aTrialTheRunnerHadToKillSaysSo() {
        #expect(Self.failure(Self.result(.signaled(SIGKILL), timedOut: true))
            == "timed out after 5 s: the trial process did not stop itself and was killed after 35.1 s")
        #expect(TrialLauncher.backstopSeconds(Self.spec) == 35.1)
    }

    @Test func anAllocationFailureUnderTheLimitIsTheMemoryLimit() {
        let stderr = "Fatal error: failed to allocate 16777248 bytes of memory with alignment 8\n" + Self.backtrace
        #expect(Self.failure(Self.result(.signaled(SIGABRT), stderr: stderr), maxRSSMiB: 512)
            == "memory limit (512 MiB) exceeded: Fatal error: failed to allocate 16777248 bytes of memory with alignment 8")
        #expect(Self.failure(Self.result(.exited(127), stderr: "issuebench: error while loading shared libraries: "
                                         + "libFoundation.so: failed to map segment from shared object"), maxRSSMiB: 16)
            == "memory limit (16 MiB) exceeded: issuebench: error while loading shared libraries: libFoundation.so: "
            + "failed to map segment from shared object")
        // Without a limit it is a crash like any other (the machine ran out, not the trial's limit).
        #expect(Self.failure(Self.result(.signaled(SIGABRT), stderr: stderr))
            == "crashed: killed by SIGABRT: Fatal error: failed to allocate 16777248 bytes of memory with alignment 8")
    }

    @Test func anExitWithoutARecordSaysTheStatusAndTheLastLine() {
        #expect(Self.failure(Self.result(.exited(2), stderr: "__trial: expected a trial spec\n"))
            == "trial process exited with status 2 and no record: __trial: expected a trial spec")
        #expect(Self.failure(Self.result(.exited(0), stdout: "not json\n"))
            == "trial process exited with status 0 and no record")
    }

    @Test func aRecordIsTakenAsPrinted() throws {
        let record = TrialRecord.failed(Self.spec, scenario: "s", reason: .engine("x"))
        let line = String(decoding: try JSONEncoder().encode(record), as: UTF8.self)
        #expect(TrialLauncher.record(of: Self.result(.exited(0), stdout: "noise\n" + line + "\n"), spec: Self.spec, scenario: "s")
            == record)
    }

    @Test func aMemoryLimitRunsWithOneMallocArena() {
        var limited = Self.spec
        limited.maxRSSMiB = 256
        #expect(TrialLauncher.environment(limited) == ["MALLOC_ARENA_MAX": "1"])
        #expect(TrialLauncher.environment(Self.spec).isEmpty)
    }
}
