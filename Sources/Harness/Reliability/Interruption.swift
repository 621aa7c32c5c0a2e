#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// SIGINT and SIGTERM during a run: the first stops the run cleanly — the trial in progress is
/// killed (its process group gets SIGKILL), no further trial starts, and the runner writes the
/// results of what finished and exits 130; a second one ends the process at once.
///
/// A trial's child runs in its own process group, so a Ctrl-C at the terminal reaches only the
/// harness, which must end the child itself. A signal handler may do nothing but async-signal-safe
/// calls, so it only writes the signal's number into a pipe; a thread of its own reads the pipe and
/// does the rest (reading /proc to find the child, printing). A thread rather than a task: it
/// blocks in `read` for the whole run, which would tie up one of the few threads tasks run on.
final class Interruption: Sendable {
    private struct State {
        var signals = 0
        /// Children killed by the handler so far.
        var kills = 0
    }

    private let state = Mutex(State())

    /// Whether a signal has come.
    var isInterrupted: Bool { state.withLock { $0.signals > 0 } }

    /// How many children the handler has killed, to tell a trial that ended by itself from one
    /// that was killed mid-way.
    var kills: Int { state.withLock { $0.kills } }

    static let signals = [SIGINT, SIGTERM]

    /// Handles SIGINT and SIGTERM until `body` returns, then restores their default actions.
    func watch<T>(_ body: () async throws(HarnessError) -> T) async throws(HarnessError) -> T {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            throw .io(path: "pipe", message: "cannot make the pipe that carries SIGINT and SIGTERM: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        signalPipe.store(writeEnd, ordering: .sequentiallyConsistent)
        let listener = Thread { [self] in listen(readEnd) }
        listener.name = "issuebench-signals"
        listener.start()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = forwardSignal
        action.sa_flags = SA_RESTART
        for number in Self.signals { sigaction(number, &action, nil) }
        defer {
            for number in Self.signals { signal(number, SIG_DFL) }
            var stop: UInt8 = 0
            _ = write(writeEnd, &stop, 1)
            close(writeEnd)
        }
        return try await body()
    }

    /// The listening thread: reads signal numbers until the 0 that says the run is over.
    private func listen(_ readEnd: Int32) {
        defer { close(readEnd) }
        var byte: UInt8 = 0
        while true {
            let n = read(readEnd, &byte, 1)
            if n < 0, errno == EINTR { continue }
            guard n == 1, byte != 0 else { return }
            received(Int32(byte))
        }
    }

    private func received(_ number: Int32) {
        let first = state.withLock { s in
            s.signals += 1
            return s.signals == 1
        }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        guard first else {
            printError("\n\(name) again: stopping at once")
            _ = Self.killChildren()
            _exit(130)
        }
        // What happens to the trials that finished is the command's to say (run and sweep write
        // them, check compares nothing), in its own "interrupted:" line.
        printError("\n\(name): stopping the trial in progress and starting no more (again to stop at once)")
        let killed = Self.killChildren()
        state.withLock { $0.kills += killed }
    }

    /// Ends trial child `pid` if a signal came already: one that came between the run's last look
    /// at `isInterrupted` and the fork found no child to kill, and the trial would have run on to
    /// its end (a minute, for a hung one). Called once the child exists, so a signal after this
    /// look finds it in /proc.
    @Sendable func stopIfInterrupted(_ pid: pid_t) {
        state.withLock { s in
            guard s.signals > 0 else { return }
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
            s.kills += 1
        }
    }

    /// Sends SIGKILL to each child of this process and its process group; returns how many.
    private static func killChildren() -> Int {
        let children = childProcesses()
        for pid in children {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
        return children.count
    }

    /// This process's children, from /proc/self/task/*/children (each thread lists the children
    /// it forked). Best effort: without /proc it finds none, and the run stops after the trial.
    static func childProcesses() -> [pid_t] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")) ?? []
        return tasks.flatMap { task -> [pid_t] in
            let text = (try? String(contentsOfFile: "/proc/self/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }
}

/// The write end of the pipe `forwardSignal` writes to. An atomic, so the handler reads it with a
/// plain load (async-signal-safe) whatever thread it interrupts.
private let signalPipe = Atomic<Int32>(-1)

/// The signal handler: writes the signal's number into the pipe, nothing else.
private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipe.load(ordering: .relaxed), &byte, 1)
}
