import Contract
import Foundation
import Simulation
import Testing

/// A misbehaving trial must fail with a message that says what happened, never hang or let the
/// virtual time drift from what the engine did.
@Suite struct VirtualClockFaultTests {
    @Test func aRealTaskSleepFailsAsAStallAtTheMomentItHappened() {
        let clock = VirtualClock()
        let error = #expect(throws: VirtualClockError.self) {
            _ = try clock.run {
                try await clock.sleep(for: .milliseconds(1250))
                try await Task.sleep(nanoseconds: 50_000_000)
            }
        }
        #expect(error == .stalled(at: .origin + .milliseconds(1250)))
        #expect(error?.description == "virtual clock stalled at t=1.25s: no task is runnable and none is "
            + "sleeping on the harness clock, but the trial has not finished (an engine waited outside "
            + "the harness clock, e.g. on Task.sleep, or on a continuation nobody resumes)")
        #expect(clock.now() == .origin + .milliseconds(1250))
        #expect(clock.sleeperCount == 0)
    }

    @Test func aContinuationNobodyResumesFailsAsAStall() {
        let clock = VirtualClock()
        let error = #expect(throws: VirtualClockError.self) {
            _ = try clock.run {
                await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
            }
        }
        #expect(error == .stalled(at: .origin))
        #expect(clock.sleeperCount == 0)
    }

    /// One child keeps time moving while another is resumed from a thread of its own (not a pool
    /// thread, which a loaded test run may not have free): the run stops at the first turn after
    /// that resume instead of running it.
    @Test func aTaskResumedFromAnotherThreadFailsTheRun() async {
        let clock = VirtualClock()
        let outcome = await clock.runOnOwnThread(hostTimeout: 10) {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    while !Task.isCancelled { try await clock.sleep(for: .milliseconds(1)) }
                }
                group.addTask {
                    await withUnsafeContinuation { continuation in
                        Thread.detachNewThread { continuation.resume() }
                    }
                }
                try await group.waitForAll()
            }
        }
        guard case let .failure(error) = outcome, case let .resumedFromOutside(at) = error else {
            Issue.record("expected resumedFromOutside, got \(outcome)")
            return
        }
        #expect(error.description == "virtual clock at \(at): a task of the trial was resumed from another "
            + "thread (an engine waited outside the harness clock, e.g. on Task.sleep, or on a continuation "
            + "resumed outside the trial), so its timing would depend on the host")
        #expect(clock.sleeperCount == 0)
    }

    @Test func aTaskStillSleepingWhenTheTrialEndsFailsTheRun() async {
        let clock = VirtualClock()
        let outcome = await clock.runOnOwnThread {
            Task.detached { try await clock.sleep(for: .seconds(1)) }
            while clock.sleeperCount == 0 { await Task.yield() }
        }
        guard case let .failure(error) = outcome else {
            Issue.record("expected leftSleeping, got \(outcome)")
            return
        }
        #expect(error == .leftSleeping(count: 1, at: .origin))
        #expect(error.description == "virtual clock at t=0.0s: the trial finished with 1 task(s) still "
            + "sleeping on the harness clock (a task outlived the trial; engines must use structured concurrency)")
        #expect(clock.sleeperCount == 0)
    }

    @Test func aSimulationLongerThanItsHostTimeoutFails() {
        let clock = VirtualClock()
        let error = #expect(throws: VirtualClockError.self) {
            _ = try clock.run(hostTimeout: 0.005) {
                while !Task.isCancelled { try await clock.sleep(for: .milliseconds(1)) }
            }
        }
        guard case let .hostTimeout(seconds, at) = error else {
            Issue.record("expected hostTimeout, got \(String(describing: error))")
            return
        }
        #expect(seconds == 0.005)
        #expect(at > .origin)
        #expect(error?.description == "virtual clock at \(at): the simulation ran longer than its host "
            + "timeout of 0.005s of real time")
        #expect(clock.sleeperCount == 0)
    }
}
